import { z } from 'zod';

/** How a step-scoring kind turns its step scores into its own component score. */
export const StepAggregateSchema = z.enum(['min', 'product', 'mean', 'last']).default('min');
export type StepAggregate = z.output<typeof StepAggregateSchema>;

/** min (a chain is as good as its worst step), product, mean, or last (the final step's score). */
export function aggregateStepScores(aggregate: StepAggregate, scores: readonly number[]): number {
  switch (aggregate) {
    case 'min':
      return Math.min(...scores);
    case 'product':
      return scores.reduce((product, score) => product * score, 1);
    case 'mean':
      return scores.reduce((sum, score) => sum + score, 0) / scores.length;
    case 'last':
      return scores.at(-1) as number;
  }
}
