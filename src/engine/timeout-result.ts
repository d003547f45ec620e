import { combineScores } from '../core/combine.js';
import { type ErrorInfo, RewardKitError } from '../core/errors.js';
import { type ComponentResult, type RewardResult, undecided } from '../core/result.js';
import type { Spec } from '../core/spec.js';
import { type SamplePosition, validateSample } from './pipeline.js';

/**
 * The result of a sample whose scoring was cut off by a hard deadline (its worker was terminated):
 * every component is `timeout` (score null, RK_TIMEOUT), and the spec's on_error decides the
 * reward exactly as for any undecided component: `zero` counts it as 0, `null` makes the reward
 * null, `fail` throws RK_COMPONENT_FAILED.
 */
export function timeoutResult(
  spec: Spec,
  input: unknown,
  position: SamplePosition,
  limitMs: number,
): RewardResult {
  const validated = validateSample(input, position);
  if ('error' in validated) {
    return { id: validated.id, reward: null, components: {}, error: validated.error, ms: limitMs };
  }
  const error: ErrorInfo = {
    code: 'RK_TIMEOUT',
    message: `scoring did not finish within the hard limit of ${limitMs} ms; the worker was terminated`,
  };
  if (position.line !== undefined) error.where = `line ${position.line}`;
  const components: Record<string, ComponentResult> = {};
  let nullReward = false;
  const inputs = spec.rewards.map((entry) => {
    components[entry.name] = undecided('timeout', error);
    const onError = entry.on_error ?? spec.on_error;
    if (onError === 'fail') {
      throw new RewardKitError(
        'RK_COMPONENT_FAILED',
        `component '${entry.name}' could not decide sample '${validated.sample.id}': ${error.message}`,
        { hint: "set on_error to 'zero' or 'null' to keep going past undecided samples" },
      );
    }
    if (onError === 'null') nullReward = true;
    return { score: 0, weight: entry.weight, gate: entry.gate };
  });
  const reward = nullReward
    ? null
    : combineScores(inputs, {
        mode: spec.combine,
        gateThreshold: spec.gate_threshold,
        gateFailReward: spec.gate_fail_reward,
      });
  return { id: validated.sample.id, reward, components, error: null, ms: limitMs };
}
