import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { RewardKitError } from '../core/errors.js';

/** Routes that load balancers and orchestrators probe without credentials. */
const OPEN_ROUTES = new Set(['/healthz', '/readyz']);

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/**
 * Bearer API keys: `Authorization: Bearer <key>`. Keys are compared as SHA-256 digests in
 * constant time. With no keys configured (loopback only) every request passes.
 */
export function createAuthHook(apiKeys: readonly string[]): (request: FastifyRequest) => Promise<void> {
  const digests = apiKeys.map(digest);
  return async (request) => {
    if (digests.length === 0 || OPEN_ROUTES.has(request.url.split('?')[0] ?? '')) return;
    const header = request.headers.authorization;
    const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match === null) {
      throw new RewardKitError('RK_UNAUTHORIZED', 'missing API key', {
        hint: 'send the header Authorization: Bearer <key>',
      });
    }
    const presented = digest(match[1] ?? '');
    if (!digests.some((known) => timingSafeEqual(known, presented))) {
      throw new RewardKitError('RK_UNAUTHORIZED', 'the API key is not valid');
    }
  };
}
