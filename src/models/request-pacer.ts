import { sleep } from './retry-policy.js';

/**
 * Keeps an endpoint under its requests-per-minute budget by spacing request starts evenly
 * (`60 000 / rpm` ms apart). Spacing, not a bucket: a burst never lands on the server at once.
 */
export class RequestPacer {
  readonly #intervalMs: number;
  #nextStart = 0;

  constructor(requestsPerMinute: number | undefined) {
    this.#intervalMs = requestsPerMinute === undefined ? 0 : 60_000 / requestsPerMinute;
  }

  /** Resolves when the caller may start its request. */
  async wait(signal?: AbortSignal): Promise<void> {
    if (this.#intervalMs === 0) return;
    const now = performance.now();
    const start = Math.max(now, this.#nextStart);
    this.#nextStart = start + this.#intervalMs;
    if (start > now) await sleep(start - now, signal);
  }
}
