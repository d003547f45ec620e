import { Redis } from 'ioredis';
import type { RewardResult } from '../core/result.js';
import type { CacheEntry, ResultCache } from './result-cache.js';

const CONNECT_WAIT_MS = 1000;

export interface RedisResultCacheOptions {
  url: string;
  /** Entries expire after this many seconds (7 days by default). */
  ttlSeconds?: number;
  /**
   * Key prefix, so that several deployments can share one Redis (default `rewardkit:cache:`;
   * the engine's component cache uses `rewardkit:component:`).
   */
  prefix?: string;
}

/**
 * The shared cache of distributed mode: `SET key result EX ttl` per entry, `MGET` per batch.
 * Commands fail fast while Redis is away (no offline queue); the caching backend treats a failed
 * lookup as a miss, so scoring goes on without the cache.
 */
export class RedisResultCache<Value = RewardResult> implements ResultCache<Value> {
  readonly #redis: Redis;
  readonly #ttlSeconds: number;
  readonly #prefix: string;

  constructor(options: RedisResultCacheOptions) {
    this.#redis = new Redis(options.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      lazyConnect: false,
    });
    this.#redis.on('error', () => {
      // Reported through failed commands; ioredis reconnects on its own.
    });
    this.#ttlSeconds = options.ttlSeconds ?? 7 * 24 * 3600;
    this.#prefix = options.prefix ?? 'rewardkit:cache:';
  }

  async getMany(keys: readonly string[]): Promise<(Value | undefined)[]> {
    if (keys.length === 0) return [];
    await this.#whenConnected();
    const values = await this.#redis.mget(keys.map((key) => this.#prefix + key));
    return values.map((value) => (value === null ? undefined : (JSON.parse(value) as Value)));
  }

  async setMany(entries: readonly CacheEntry<Value>[]): Promise<void> {
    if (entries.length === 0) return;
    await this.#whenConnected();
    const pipeline = this.#redis.pipeline();
    for (const entry of entries) {
      pipeline.set(this.#prefix + entry.key, JSON.stringify(entry.result), 'EX', this.#ttlSeconds);
    }
    await pipeline.exec();
  }

  /** Waits a little for the (re)connection, so that a cold start is not a burst of misses. */
  async #whenConnected(): Promise<void> {
    if (this.#redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.#redis.off('ready', done);
        resolve();
      };
      const timer = setTimeout(done, CONNECT_WAIT_MS);
      this.#redis.once('ready', done);
    });
  }

  async close(): Promise<void> {
    this.#redis.disconnect();
  }
}
