import { z } from 'zod';

export const AggregateModeSchema = z.enum(['min', 'max', 'mean', 'sum', 'last', 'product', 'first_error']);
export type AggregateMode = z.infer<typeof AggregateModeSchema>;

/**
 * From step scores s_1..s_T to one outcome:
 * - `min`: min_t s_t, the weakest step decides ("Stop Summation: Min-Form Credit Assignment Is All
 *   Process Reward Model Needs for Reasoning": a summed PRM is hacked by adding steps; a min is not);
 * - `max`, `mean` (sum / T), `sum` (grows with the number of steps: hackable, kept for comparison),
 *   `last` (s_T), `product` (prod_t s_t, "every step must be right" when scores are probabilities);
 * - `first_error`: the 0-based index of the first step with s_t < errorThreshold, or T when no step
 *   fails: the number of leading correct steps (ProcessBench's label).
 * No steps gives null: there is nothing to aggregate, which is not a zero.
 */
export function aggregateSteps(
  scores: readonly number[],
  mode: AggregateMode,
  errorThreshold = 0.5,
): number | null {
  if (scores.length === 0) return null;
  switch (mode) {
    case 'min':
      return Math.min(...scores);
    case 'max':
      return Math.max(...scores);
    case 'sum':
      return scores.reduce((sum, score) => sum + score, 0);
    case 'mean':
      return scores.reduce((sum, score) => sum + score, 0) / scores.length;
    case 'last':
      return scores[scores.length - 1] as number;
    case 'product':
      return scores.reduce((product, score) => product * score, 1);
    case 'first_error': {
      const index = scores.findIndex((score) => score < errorThreshold);
      return index < 0 ? scores.length : index;
    }
  }
}
