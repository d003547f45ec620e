import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { RewardKitError, UsageError } from '../core/errors.js';
import { ApiKeySchema } from './server-options.js';

/**
 * Refuses API keys that are too short to be secret or that cannot travel in a Bearer header
 * (white space, control or non-ASCII characters), naming where the key came from and why, never
 * the key itself. Used by `serve` for each source (flag, environment) and by the server app for
 * whatever keys it is given, so no path accepts a weak key.
 */
export function checkApiKeys(keys: readonly string[], source: string): void {
  keys.forEach((key, index) => {
    const parsed = ApiKeySchema.safeParse(key);
    if (parsed.success) return;
    const which = keys.length === 1 ? `the API key from ${source}` : `API key ${index + 1} from ${source}`;
    throw new UsageError(
      `${which} is refused: ${parsed.error.issues.map((issue) => issue.message).join('; ')} (it has ${key.length} characters)`,
      'use a random key of 16+ visible ASCII characters, e.g. `openssl rand -hex 24`',
    );
  });
}

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
