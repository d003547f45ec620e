import type { CombineMode } from './spec.js';

/** One component's contribution to the combination. */
export interface CombineInput {
  /** The score, or null when the component could not decide and on_error says "count as zero". */
  score: number;
  weight: number;
  gate: boolean;
}

export interface CombineOptions {
  mode: CombineMode;
  gateThreshold: number;
  gateFailReward: number;
}

/**
 * Combines component scores into one reward.
 * - `weighted_sum`: sum_i w_i * s_i (weights are not renormalized).
 * - `min`: min_i s_i (weights ignored): the weakest component decides.
 * - `product`: prod_i s_i ^ w_i (a weighted geometric form; with default weights 1 a plain product).
 * - `gated`: if every component marked `gate: true` has s >= gateThreshold, the weighted sum of
 *   all components; otherwise `gateFailReward` (0 by default): a failed format gate zeroes the rest.
 */
export function combineScores(inputs: readonly CombineInput[], options: CombineOptions): number {
  switch (options.mode) {
    case 'weighted_sum':
      return weightedSum(inputs);
    case 'min':
      return inputs.reduce((lowest, input) => Math.min(lowest, input.score), Number.POSITIVE_INFINITY);
    case 'product':
      return inputs.reduce((product, input) => product * input.score ** input.weight, 1);
    case 'gated': {
      const gatesPass = inputs.every((input) => !input.gate || input.score >= options.gateThreshold);
      return gatesPass ? weightedSum(inputs) : options.gateFailReward;
    }
  }
}

function weightedSum(inputs: readonly CombineInput[]): number {
  return inputs.reduce((sum, input) => sum + input.weight * input.score, 0);
}
