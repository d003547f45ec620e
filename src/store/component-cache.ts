import type { ComponentResult } from '../core/result.js';
import type { ComponentCache } from '../engine/engine-resources.js';
import { RedisResultCache } from './result-cache-redis.js';
import { SqliteResultCache } from './result-cache-sqlite.js';

/** Where the engine's component cache lives: the SQLite store file, or a Redis shared by nodes. */
export type ComponentCacheLocation = { file: string } | { redisUrl: string };

/**
 * Opens the component cache: the `component_cache` table of the store file (beside the runs of
 * `score --resume`), or Redis keys under `rewardkit:component:` (distributed mode, shared by the
 * server and every worker).
 */
export function openComponentCache(location: ComponentCacheLocation): ComponentCache {
  if ('redisUrl' in location) {
    return new RedisResultCache<ComponentResult>({ url: location.redisUrl, prefix: 'rewardkit:component:' });
  }
  return new SqliteResultCache<ComponentResult>({ file: location.file, table: 'component_cache' });
}
