import type { ModelEndpoint } from '../core/model-endpoint.js';
import type { ComponentResult } from '../core/result.js';
import type { ResultCache } from '../store/result-cache.js';
import { ScorerFactory } from './scorer-factory.js';
import { SlotLimiter } from './slot-limiter.js';

/**
 * The component cache: one result per key (see component-cache-key.ts), persisted in the store
 * (SQLite by default, Redis in distributed mode). Lossy by design, never wrong: a failed lookup
 * is a miss. The store module implements it (SqliteResultCache / RedisResultCache).
 */
export type ComponentCache = ResultCache<ComponentResult>;

/**
 * What every pipeline of one process shares: the scorers (each built once), the per-endpoint
 * concurrency limits (one per endpoint url and model, whichever spec names it) and the component
 * cache. The backend composition makes one per process and closes it with the backend.
 */
export class EngineResources {
  readonly scorers = new ScorerFactory();
  readonly #endpointLimiters = new Map<string, SlotLimiter>();

  constructor(readonly componentCache?: ComponentCache | undefined) {}

  /** The limiter of one endpoint; the first spec that names it sets its capacity. */
  endpointLimiter(endpoint: ModelEndpoint): SlotLimiter {
    const key = `${endpoint.base_url}\u0000${endpoint.model}`;
    let limiter = this.#endpointLimiters.get(key);
    if (limiter === undefined) {
      limiter = new SlotLimiter(endpoint.max_concurrency);
      this.#endpointLimiters.set(key, limiter);
    }
    return limiter;
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.scorers.close(), this.componentCache?.close()]);
  }
}
