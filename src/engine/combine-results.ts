import { type CombineInput, combineScores } from '../core/combine.js';
import { RewardKitError } from '../core/errors.js';
import { type ComponentResult, UNDECIDED_STATUSES } from '../core/result.js';
import type { Spec } from '../core/spec.js';

/**
 * The reward of one sample from its component results (parallel to `spec.rewards`), applying
 * each component's on_error to the undecided ones: `zero` counts it as 0, `null` makes the reward
 * null, `fail` throws RK_COMPONENT_FAILED. The one place this policy lives: the pipeline and the
 * hard-deadline timeout results both use it.
 */
export function rewardOf(spec: Spec, results: readonly ComponentResult[], sampleId: string): number | null {
  const inputs: CombineInput[] = [];
  // An indexed loop: until the optimizing compiler takes over (the first thousands of samples), an
  // `entries()` iterator with a destructured pair costs several microseconds per sample.
  for (let index = 0; index < results.length; index++) {
    const result = results[index] as ComponentResult;
    const entry = spec.rewards[index]!;
    let score = result.score;
    if (score === null || UNDECIDED_STATUSES.has(result.status)) {
      const onError = entry.on_error ?? spec.on_error;
      if (onError === 'null') return null;
      if (onError === 'fail') {
        throw new RewardKitError(
          'RK_COMPONENT_FAILED',
          `component '${entry.name}' could not decide sample '${sampleId}': ${result.error?.message ?? result.status}`,
          { hint: "set on_error to 'zero' or 'null' to keep going past undecided samples" },
        );
      }
      score = 0;
    }
    inputs.push({ score, weight: entry.weight, gate: entry.gate });
  }
  return combineScores(inputs, {
    mode: spec.combine,
    gateThreshold: spec.gate_threshold,
    gateFailReward: spec.gate_fail_reward,
  });
}
