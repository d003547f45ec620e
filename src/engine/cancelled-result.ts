import { type ErrorInfo, RewardKitError } from '../core/errors.js';
import type { ComponentResult, RewardResult } from '../core/result.js';
import type { SampleId } from '../core/sample.js';

/**
 * Cancellation of scoring (the client went away, the server is shutting down, the run was
 * interrupted). The canceller aborts an AbortSignal with a RewardKitError saying why; every sample
 * not yet scored when it fires becomes an RK_CANCELLED result (reward null: nothing was decided),
 * which is never cached nor stored, so a retry or `rewardkit score --resume` scores exactly those.
 */

/** Why the work stopped: the message of the signal's RewardKitError reason, else a generic one. */
export function cancelReason(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  return reason instanceof RewardKitError ? reason.message : 'the work was cancelled';
}

/** The error of a sample that was not scored because `signal` fired first. */
export function cancelledError(signal: AbortSignal, where?: string): ErrorInfo {
  const error: ErrorInfo = {
    code: 'RK_CANCELLED',
    message: `not scored: ${cancelReason(signal)}`,
    hint: 'nothing was decided for this sample; score it again (rewardkit score --resume redoes exactly these lines)',
  };
  if (where !== undefined) error.where = where;
  return error;
}

/** Thrown by a backend that stopped a request before scoring any of it (a task never started). */
export function cancelledFailure(signal: AbortSignal): RewardKitError {
  const error = cancelledError(signal);
  return new RewardKitError(error.code, error.message, { hint: error.hint as string });
}

/** The marker a component leaves when it was cancelled: its sample becomes a cancelled result. */
export function cancelledComponent(signal: AbortSignal): ComponentResult {
  const error = cancelledError(signal);
  return { score: null, status: 'error', details: { reason: error.message }, error };
}

/**
 * True for a cancelled component, and for a cancelled sample's result line (never stored, so
 * `--resume` scores it).
 */
export function isCancelled(result: ComponentResult | RewardResult): boolean {
  return result.error?.code === 'RK_CANCELLED';
}

/** The result of a sample that was not scored: reward null, no components, the reason. */
export function cancelledResult(id: SampleId, signal: AbortSignal, where?: string): RewardResult {
  return { id, reward: null, components: {}, error: cancelledError(signal, where), ms: 0 };
}
