import type { RewardResult } from '../core/result.js';

/** The `summary` of a `/v1/score` answer. */
export interface BatchSummary {
  count: number;
  /** Samples with a numeric reward. */
  rewarded: number;
  /** Samples with `reward: null` (invalid input, or a component undecided under on_error: null). */
  null_rewards: number;
  /** Samples that carry an error (invalid input). */
  errors: number;
  /** Components that could not decide (unparseable, timeout, error), summed over samples. */
  undecided_components: number;
  mean_reward: number | null;
  ms: number;
}

export function summarizeBatch(results: readonly RewardResult[], ms: number): BatchSummary {
  let rewarded = 0;
  let errors = 0;
  let undecided = 0;
  let sum = 0;
  for (const result of results) {
    if (result.reward !== null) {
      rewarded++;
      sum += result.reward;
    }
    if (result.error !== null) errors++;
    for (const component of Object.values(result.components)) if (component.score === null) undecided++;
  }
  return {
    count: results.length,
    rewarded,
    null_rewards: results.length - rewarded,
    errors,
    undecided_components: undecided,
    mean_reward: rewarded === 0 ? null : sum / rewarded,
    ms: Math.round(ms * 1000) / 1000,
  };
}
