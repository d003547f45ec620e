import { performance } from 'node:perf_hooks';
import type { RewardResult } from '../core/result.js';
import type { LineChunkReply, LineScoreRequest, LineScoringBackend } from './line-chunk.js';
import type { ScoreRequest } from './scoring-backend.js';

export interface AdaptiveOptions {
  /** Samples scored on the calling thread before deciding. Default 1000. */
  warmupSamples?: number;
  /** Move to the pool when the calling thread spends more than this per sample. Default 0.1 ms. */
  switchAboveMs?: number;
}

/**
 * Starts scoring on the calling thread and measures how busy it is (event-loop utilization per
 * sample). When scoring is cheap (format, length, cached answers: tens of microseconds), moving
 * samples to worker threads costs more than it saves, so it stays in-process; when the thread
 * spends more than `switchAboveMs` per sample (CPU-heavy kinds such as uncached math), later
 * chunks go to the worker pool, created at that moment. Results are the same either way; the
 * caller keeps input order.
 */
export class AdaptiveBackend implements LineScoringBackend {
  readonly #local: LineScoringBackend;
  readonly #createPool: () => LineScoringBackend;
  readonly #warmupSamples: number;
  readonly #switchAboveMs: number;
  #pool: LineScoringBackend | undefined;
  #decided = false;
  #dispatched = 0;
  #start: ReturnType<typeof performance.eventLoopUtilization> | undefined;
  #activeMsPerSample: number | undefined;

  constructor(local: LineScoringBackend, createPool: () => LineScoringBackend, options: AdaptiveOptions = {}) {
    this.#local = local;
    this.#createPool = createPool;
    this.#warmupSamples = options.warmupSamples ?? 1000;
    this.#switchAboveMs = options.switchAboveMs ?? 0.1;
  }

  /** Where scoring happens now, and what the warm-up measured. */
  describe(): string {
    const measured =
      this.#activeMsPerSample === undefined ? '' : ` (main thread ${this.#activeMsPerSample.toFixed(3)} ms/sample)`;
    return `${this.#pool === undefined ? 'in-process' : 'worker threads'}${measured}`;
  }

  score(request: ScoreRequest): Promise<RewardResult[]> {
    return this.#current(request.inputs.length).score(request);
  }

  scoreLines(request: LineScoreRequest): Promise<LineChunkReply> {
    return this.#current(request.texts.length).scoreLines(request);
  }

  async close(): Promise<void> {
    await Promise.all([this.#local.close(), this.#pool?.close()]);
  }

  #current(size: number): LineScoringBackend {
    if (this.#pool !== undefined) return this.#pool;
    if (!this.#decided) {
      this.#start ??= performance.eventLoopUtilization();
      if (this.#dispatched >= this.#warmupSamples) this.#decide();
      this.#dispatched += size;
    }
    return this.#pool ?? this.#local;
  }

  #decide(): void {
    this.#decided = true;
    const usage = performance.eventLoopUtilization(this.#start);
    this.#activeMsPerSample = usage.active / this.#dispatched;
    if (this.#activeMsPerSample > this.#switchAboveMs) this.#pool = this.#createPool();
  }
}
