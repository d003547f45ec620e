import type { ErrorInfo } from '../core/errors.js';
import { type ComponentResult, type RewardResult, undecided } from '../core/result.js';
import { resultGroupOf } from '../core/sample.js';
import type { Spec } from '../core/spec.js';
import { rewardOf } from './combine-results.js';
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
  const results = spec.rewards.map((entry) => {
    const result = undecided('timeout', error);
    components[entry.name] = result;
    return result;
  });
  const reward = rewardOf(spec, results, String(validated.sample.id));
  const group = resultGroupOf(validated.sample);
  return {
    id: validated.sample.id,
    ...(group === undefined ? {} : { group }),
    reward,
    components,
    error: null,
    ms: limitMs,
  };
}
