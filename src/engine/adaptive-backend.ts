import type { RewardResult } from '../core/result.js';
import type { Spec } from '../core/spec.js';
import type { LineChunkReply, LineScoreRequest, LineScoringBackend } from './line-chunk.js';
import type { ScoreRequest } from './scoring-backend.js';

export interface AdaptiveOptions {
  /** Samples scored before measuring (JIT warm-up, caches filling). Default 1000. */
  warmupSamples?: number;
  /** Samples measured after the warm-up before deciding. Default 2000. */
  measuredSamples?: number;
  /** Move to the pool when scoring takes more than this much CPU per sample. Default 0.1 ms. */
  switchAboveMs?: number;
}

/**
 * Starts scoring on the calling thread and measures the process's CPU time per sample (CPU time,
 * not wall time, so a busy machine does not look like expensive scoring). When scoring is cheap (format, length, cached answers: tens of microseconds), moving
 * samples to worker threads costs more than it saves, so it stays in-process; when the thread
 * spends more than `switchAboveMs` per sample (CPU-heavy kinds such as uncached math), later
 * chunks go to the worker pool, created at that moment. Results are the same either way; the
 * caller keeps input order.
 */
export class AdaptiveBackend implements LineScoringBackend {
  readonly #local: LineScoringBackend;
  readonly #createPool: () => LineScoringBackend;
  readonly #warmupSamples: number;
  readonly #measuredSamples: number;
  #measuredFrom = 0;
  readonly #switchAboveMs: number;
  #pool: LineScoringBackend | undefined;
  #decided = false;
  #dispatched = 0;
  #start: NodeJS.CpuUsage | undefined;
  #cpuMsPerSample: number | undefined;

  constructor(
    local: LineScoringBackend,
    createPool: () => LineScoringBackend,
    options: AdaptiveOptions = {},
  ) {
    this.#local = local;
    this.#createPool = createPool;
    this.#warmupSamples = options.warmupSamples ?? 1000;
    this.#measuredSamples = options.measuredSamples ?? 2000;
    this.#switchAboveMs = options.switchAboveMs ?? 0.1;
  }

  /** Where scoring happens now, and what the warm-up measured. */
  describe(): string {
    const measured =
      this.#cpuMsPerSample === undefined
        ? ''
        : ` (warm-up: ${this.#cpuMsPerSample.toFixed(3)} ms CPU/sample)`;
    return `${this.#pool === undefined ? 'in-process' : 'worker threads'}${measured}`;
  }

  score(request: ScoreRequest): Promise<RewardResult[]> {
    return this.#current(request.inputs.length).score(request);
  }

  scoreLines(request: LineScoreRequest): Promise<LineChunkReply> {
    return this.#current(request.texts.length).scoreLines(request);
  }

  /** Prepares the spec on the in-process side (where scoring starts). */
  async prepare(spec: Spec): Promise<void> {
    const local = this.#local as LineScoringBackend & { prepare?: (spec: Spec) => Promise<void> };
    await local.prepare?.(spec);
  }

  async close(): Promise<void> {
    await Promise.all([this.#local.close(), this.#pool?.close()]);
  }

  #current(size: number): LineScoringBackend {
    if (this.#pool !== undefined) return this.#pool;
    if (!this.#decided) {
      if (this.#start === undefined && this.#dispatched >= this.#warmupSamples) {
        this.#start = process.cpuUsage();
        this.#measuredFrom = this.#dispatched;
      } else if (
        this.#start !== undefined &&
        this.#dispatched - this.#measuredFrom >= this.#measuredSamples
      ) {
        this.#decide(this.#start);
      }
      this.#dispatched += size;
    }
    return this.#pool ?? this.#local;
  }

  #decide(start: NodeJS.CpuUsage): void {
    this.#decided = true;
    const usage = process.cpuUsage(start);
    this.#cpuMsPerSample = (usage.user + usage.system) / 1000 / (this.#dispatched - this.#measuredFrom);
    if (this.#cpuMsPerSample > this.#switchAboveMs) this.#pool = this.#createPool();
  }
}
