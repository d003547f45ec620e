import type { FastifyReply } from 'fastify';
import { RewardKitError } from '../core/errors.js';

/**
 * The cancellation of one request's scoring: it fires when the client goes away before its
 * answer (the connection closed) or when the server shuts down (`shutdown`, whose reason, an
 * RK_UNAVAILABLE error, becomes the 503 answer). Call `done()` once the answer is decided.
 */
export function requestSignal(
  reply: FastifyReply,
  shutdown: AbortSignal,
): { signal: AbortSignal; done: () => void } {
  const clientGone = new AbortController();
  const onClose = (): void => {
    if (!reply.raw.writableFinished) {
      clientGone.abort(new RewardKitError('RK_CANCELLED', 'the client went away before its answer'));
    }
  };
  reply.raw.once('close', onClose);
  return {
    signal: AbortSignal.any([clientGone.signal, shutdown]),
    done: () => {
      reply.raw.off('close', onClose);
    },
  };
}
