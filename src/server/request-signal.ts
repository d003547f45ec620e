import type { FastifyReply } from 'fastify';
import { RewardKitError } from '../core/errors.js';

/**
 * The cancellation of one request's scoring: it fires when the client goes away before its
 * answer (the connection closed) or when the server shuts down (`shutdown`, whose reason, an
 * RK_UNAVAILABLE error, becomes the 503 answer). Call `done()` once the answer is decided: it
 * removes both listeners, so nothing of the request stays on the server-wide `shutdown` signal.
 * (Not `AbortSignal.any([..., shutdown])`: on Node 20 each composite leaves an entry on the
 * long-lived source signal that is never pruned, some 60 bytes per request.)
 */
export function requestSignal(
  reply: FastifyReply,
  shutdown: AbortSignal,
): { signal: AbortSignal; done: () => void } {
  const cancel = new AbortController();
  const onClose = (): void => {
    if (!reply.raw.writableFinished) {
      cancel.abort(new RewardKitError('RK_CANCELLED', 'the client went away before its answer'));
    }
  };
  const onShutdown = (): void => cancel.abort(shutdown.reason);
  if (shutdown.aborted) onShutdown();
  else shutdown.addEventListener('abort', onShutdown, { once: true });
  reply.raw.once('close', onClose);
  return {
    signal: cancel.signal,
    done: () => {
      reply.raw.off('close', onClose);
      shutdown.removeEventListener('abort', onShutdown);
    },
  };
}
