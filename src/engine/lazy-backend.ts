import type { ScoreRequest, ScoringBackend } from './scoring-backend.js';

/**
 * A backend whose module is loaded on first use: `rewardkit score` should not pay for loading
 * BullMQ and ioredis (about a third of a second) unless it really fans out to Redis.
 */
export class LazyBackend implements ScoringBackend {
  #backend: Promise<ScoringBackend> | undefined;

  constructor(private readonly load: () => Promise<ScoringBackend>) {}

  #get(): Promise<ScoringBackend> {
    this.#backend ??= this.load();
    return this.#backend;
  }

  async score(request: ScoreRequest) {
    return (await this.#get()).score(request);
  }

  async close(): Promise<void> {
    if (this.#backend !== undefined) await (await this.#backend).close();
  }
}
