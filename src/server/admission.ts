import { RewardKitError } from '../core/errors.js';

/**
 * Bounded in-flight work: a request is admitted only while the samples and requests being scored
 * stay under their limits; otherwise it is refused at once (429) instead of waiting in an
 * unbounded queue. One request larger than the sample bound is still admitted when nothing else
 * runs, so that any batch within the batch limit can be served.
 */
export class Admission {
  #samples = 0;
  #requests = 0;
  #closed = false;
  #onDrained: (() => void)[] = [];

  constructor(
    private readonly maxSamples: number,
    private readonly maxRequests: number,
  ) {}

  get samplesInFlight(): number {
    return this.#samples;
  }

  get requestsInFlight(): number {
    return this.#requests;
  }

  /** Stops admitting (graceful shutdown): new requests get 503. */
  close(): void {
    this.#closed = true;
  }

  overloaded(): RewardKitError {
    return new RewardKitError(
      'RK_OVERLOADED',
      `the server is at capacity (${this.#samples} samples in ${this.#requests} requests in flight)`,
      { hint: 'retry after the Retry-After delay, or send smaller batches' },
    );
  }

  /** Resolves when no admitted work is left. */
  drained(): Promise<void> {
    if (this.#requests === 0) return Promise.resolve();
    return new Promise((resolve) => this.#onDrained.push(resolve));
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** True when no request could be admitted now; lets the server refuse before reading a body. */
  get saturated(): boolean {
    return this.#samples >= this.maxSamples || this.#requests >= this.maxRequests;
  }

  /** Admits `samples` samples or throws RK_OVERLOADED; call the returned release exactly once. */
  admit(samples: number): () => void {
    if (this.#closed) {
      throw new RewardKitError('RK_UNAVAILABLE', 'the server is shutting down and takes no new work', {
        hint: 'retry against another replica or after the restart',
      });
    }
    const fits = this.#samples + samples <= this.maxSamples || this.#samples === 0;
    if (!fits || this.#requests >= this.maxRequests) throw this.overloaded();
    this.#samples += samples;
    this.#requests++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#samples -= samples;
      this.#requests--;
      if (this.#requests === 0) for (const resolve of this.#onDrained.splice(0)) resolve();
    };
  }
}
