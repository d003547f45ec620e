import { UsageError } from '../core/errors.js';
import type { ComponentResult, RewardResult } from '../core/result.js';
import type { ComponentCache } from '../engine/engine-resources.js';
import type { CacheEntry, ResultCache } from '../store/result-cache.js';
import { SqliteResultCache } from '../store/result-cache-sqlite.js';

/** The caches `rewardkit serve` opens: whole results (the server's) and component results (the engine's). */
export interface ServeCaches {
  /** Identical (spec, sample) pairs answered once; closed by the server with its backend. */
  results?: ResultCache;
  /** The local engine's component cache (local scoring only: in distributed mode the workers keep theirs). */
  components?: ComponentCache;
}

export interface ServeCacheSettings {
  kind: 'sqlite' | 'redis' | 'none';
  file: string;
  /** Distributed mode: the backend is the queue, so there is no local engine to give a component cache. */
  redisUrl?: string | undefined;
}

/** Where component results live inside the one SQLite cache: their own key space. */
const COMPONENT_KEY_PREFIX = 'component:';

/**
 * Opens the caches of `serve`. With SQLite both share one database connection to `--cache-file`
 * (one connection, so the two never contend for the file's write lock): the component cache is a
 * view of the result cache with its own key prefix, and the server closes the file once, when it
 * closes the result cache after its backend. The Redis client is loaded only when `--cache redis`
 * asks for it, so a server that does not use Redis never loads ioredis.
 */
export async function openServeCaches(settings: ServeCacheSettings): Promise<ServeCaches> {
  if (settings.kind === 'none') return {};
  if (settings.kind === 'redis') {
    if (settings.redisUrl === undefined) throw new UsageError('--cache redis needs --redis URL');
    const { RedisResultCache } = await import('../store/result-cache-redis.js');
    return { results: new RedisResultCache({ url: settings.redisUrl }) };
  }
  const shared = new SqliteResultCache<RewardResult | ComponentResult>({ file: settings.file });
  const results = shared as ResultCache<RewardResult>;
  if (settings.redisUrl !== undefined) return { results };
  return { results, components: keyPrefixedView<ComponentResult>(shared, COMPONENT_KEY_PREFIX) };
}

/**
 * A cache seen through a key prefix, sharing the underlying one's storage. Closing the view does
 * nothing: the underlying cache's owner closes it.
 */
export function keyPrefixedView<Value>(cache: ResultCache<unknown>, prefix: string): ResultCache<Value> {
  return {
    getMany: async (keys) => (await cache.getMany(keys.map((key) => prefix + key))) as (Value | undefined)[],
    setMany: (entries: readonly CacheEntry<Value>[]) =>
      cache.setMany(entries.map((entry) => ({ key: prefix + entry.key, result: entry.result }))),
    close: async () => {},
  };
}
