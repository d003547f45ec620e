import { RewardKitError } from '../core/errors.js';
import type { RewardResult } from '../core/result.js';
import type { Spec } from '../core/spec.js';
import type { ScoreRequest, ScoringBackend } from '../engine/scoring-backend.js';

interface Waiting {
  request: ScoreRequest;
  resolve: (results: RewardResult[]) => void;
  reject: (error: unknown) => void;
}

export interface CoalescingOptions {
  /** Merged batches sent to the inner backend at once; requests wait (bounded by admission) meanwhile. */
  maxConcurrentBatches: number;
  /** Most samples in one merged batch. */
  maxBatchSamples: number;
}

/**
 * Adaptive batching: while the inner backend is busy with `maxConcurrentBatches` batches, requests
 * for the same spec wait and are merged into one batch when a slot frees. A burst of single-sample
 * requests then costs a few thread-pool tasks (or queue jobs) instead of one each; an idle server
 * sends a request on at once. A merged batch that fails because a sample could not be decided under
 * `on_error: fail` is scored again request by request, so one request's failure never fails
 * another's; other failures (the queue is away) fail every request of the batch.
 * Cancellation: a request cancelled while it waits is dropped (never merged); a merged batch is
 * cancelled only when every request in it is (one client going away does not cancel the others).
 */
export class CoalescingBackend implements ScoringBackend {
  readonly #waiting = new Map<Spec, Waiting[]>();
  #running = 0;

  constructor(
    private readonly inner: ScoringBackend,
    private readonly options: CoalescingOptions,
  ) {}

  score(request: ScoreRequest): Promise<RewardResult[]> {
    if (request.inputs.length >= this.options.maxBatchSamples) return this.#runAlone(request);
    return new Promise((resolve, reject) => {
      const queue = this.#waiting.get(request.spec) ?? [];
      queue.push({ request, resolve, reject });
      this.#waiting.set(request.spec, queue);
      this.#pump();
    });
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  #pump(): void {
    while (this.#running < this.options.maxConcurrentBatches && this.#waiting.size > 0) {
      const [spec, queue] = this.#waiting.entries().next().value as [Spec, Waiting[]];
      const taken: Waiting[] = [];
      let samples = 0;
      while (queue.length > 0) {
        const next = queue[0]!;
        const signal = next.request.signal;
        if (signal?.aborted === true) {
          queue.shift();
          next.reject(signal.reason);
          continue;
        }
        if (taken.length > 0 && samples + next.request.inputs.length > this.options.maxBatchSamples) break;
        taken.push(queue.shift()!);
        samples += next.request.inputs.length;
      }
      this.#waiting.delete(spec);
      if (queue.length > 0) this.#waiting.set(spec, queue); // to the back: specs take turns
      if (taken.length === 0) continue;
      this.#running++;
      void this.#flush(spec, taken).finally(() => {
        this.#running--;
        this.#pump();
      });
    }
  }

  async #flush(spec: Spec, taken: readonly Waiting[]): Promise<void> {
    if (taken.length === 1) {
      const only = taken[0]!;
      await this.inner.score(only.request).then(only.resolve, only.reject);
      return;
    }
    const inputs = taken.flatMap((waiting) => waiting.request.inputs);
    const positions = taken.some((waiting) => waiting.request.positions !== undefined)
      ? taken.flatMap((waiting) => waiting.request.positions ?? waiting.request.inputs.map(() => ({})))
      : undefined;
    try {
      const results = await this.inner.score({
        spec,
        inputs,
        ...(positions === undefined ? {} : { positions }),
        signal: whenAllAborted(taken.map((waiting) => waiting.request.signal)),
      });
      let offset = 0;
      for (const waiting of taken) {
        waiting.resolve(results.slice(offset, offset + waiting.request.inputs.length));
        offset += waiting.request.inputs.length;
      }
    } catch (error) {
      if (!(error instanceof RewardKitError && error.code === 'RK_COMPONENT_FAILED')) {
        for (const waiting of taken) waiting.reject(error);
        return;
      }
      // One request's sample made the whole merged batch fail: find whose, by scoring each alone.
      await Promise.all(
        taken.map((waiting) => this.inner.score(waiting.request).then(waiting.resolve, waiting.reject)),
      );
    }
  }

  /** Runs directly (large requests), still counting against the concurrent-batch bound. */
  async #runAlone(request: ScoreRequest): Promise<RewardResult[]> {
    this.#running++;
    try {
      return await this.inner.score(request);
    } finally {
      this.#running--;
      this.#pump();
    }
  }
}

/** A signal that fires once every one of `signals` has (none when a request cannot be cancelled). */
function whenAllAborted(signals: readonly (AbortSignal | undefined)[]): AbortSignal | undefined {
  if (signals.some((signal) => signal === undefined)) return undefined;
  const all = new AbortController();
  let left = signals.length;
  for (const signal of signals as AbortSignal[]) {
    const onAbort = (): void => {
      left -= 1;
      if (left === 0) all.abort(signal.reason);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  }
  return all.signal;
}
