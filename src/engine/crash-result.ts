import type { ErrorInfo } from '../core/errors.js';
import { type ComponentResult, type RewardResult, undecided } from '../core/result.js';
import type { Spec } from '../core/spec.js';
import { type SamplePosition, validateSample } from './validate-sample.js';

/** The error of a sample whose worker thread died while scoring it alone. */
export function crashError(reason: string, where?: string): ErrorInfo {
  const error: ErrorInfo = {
    code: 'RK_COMPONENT_ERROR',
    message: `${reason}, scoring this sample alone; the rest of the run goes on`,
    hint: 'the input is likely hostile or pathological (a huge sum, a regex bomb); a worker heap limit bounds it',
  };
  if (where !== undefined) error.where = where;
  return error;
}

/**
 * The result of a sample that killed its worker thread (heap limit, crash): an error line, not a
 * verdict. Every component is `error` (score null) and the reward is null whatever on_error says:
 * nothing was decided, and a dead thread is not a component's "could not decide".
 */
export function crashResult(
  spec: Spec,
  input: unknown,
  position: SamplePosition,
  reason: string,
): RewardResult {
  const validated = validateSample(input, position);
  if ('error' in validated) {
    return { id: validated.id, reward: null, components: {}, error: validated.error, ms: 0 };
  }
  const error = crashError(reason, position.line === undefined ? undefined : `line ${position.line}`);
  const components: Record<string, ComponentResult> = {};
  for (const entry of spec.rewards) components[entry.name] = undecided('error', error);
  return { id: validated.sample.id, reward: null, components, error, ms: 0 };
}
