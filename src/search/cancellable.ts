import { RewardKitError } from '../core/errors.js';
import type { Policy, StepVerifier } from './types.js';

/**
 * The error a cancelled search ends with: the signal's reason when it is a RewardKitError (the
 * canceller says why: the run was interrupted, the server is shutting down), else RK_UNAVAILABLE.
 */
export function searchCancelled(signal: AbortSignal): RewardKitError {
  const reason: unknown = signal.reason;
  if (reason instanceof RewardKitError) return reason;
  return new RewardKitError('RK_UNAVAILABLE', 'the search was cancelled before it finished', {
    hint: 'the client went away, the server is shutting down or the run was interrupted',
  });
}

/**
 * The policy of a search that `signal` cancels: once it fires, no new request is sent (the call
 * rejects with `searchCancelled`), and the request in flight is cancelled through the model
 * client, so a cancelled search stops spending at once whatever loop its strategy is in.
 */
export function cancellablePolicy(policy: Policy, signal: AbortSignal): Policy {
  return {
    continue: async (problem, prefix, request) => {
      if (signal.aborted) throw searchCancelled(signal);
      try {
        return await policy.continue(problem, prefix, request, signal);
      } catch (error) {
        throw signal.aborted ? searchCancelled(signal) : error;
      }
    },
  };
}

/** The verifier of a search that `signal` cancels: no new scoring once it fires. */
export function cancellableVerifier(verifier: StepVerifier, signal: AbortSignal): StepVerifier {
  return {
    scoreSteps: async (problem, solutions) => {
      if (signal.aborted) throw searchCancelled(signal);
      try {
        return await verifier.scoreSteps(problem, solutions, signal);
      } catch (error) {
        throw signal.aborted ? searchCancelled(signal) : error;
      }
    },
  };
}
