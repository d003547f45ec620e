import type { RewardResult } from '../core/result.js';
import type { Spec } from '../core/spec.js';
import type {
  BlockReply,
  BlockScoreRequest,
  LineChunkReply,
  LineScoreRequest,
  LineScoringBackend,
} from './line-chunk.js';
import type { ScoreRequest } from './scoring-backend.js';

/** A backend of worker threads that can be started ahead of the first chunk. */
export type HelperPool = LineScoringBackend & { prepare(spec: Spec): Promise<void> };

export interface AdaptiveOptions {
  /** Bytes of the input (unknown: the pool is never started). */
  inputBytes?: number | undefined;
  /** Lines scored before measuring (JIT warm-up, caches filling). Default 1000. */
  warmupLines?: number;
  /** Lines measured after the warm-up before deciding. Default 2000. */
  measuredLines?: number;
  /**
   * Start the pool when the rest of the input is expected to cost at least this much CPU here.
   * A worker thread's start-up (loading the modules, compiling the spec, its first blocks cold)
   * costs about a second of CPU, paid by the run; at 20 s it is a few percent of the work it
   * shares, and a file of tens of thousands of lines (a benchmark, an evaluation) stays on one
   * thread. Default 20 s.
   */
  minRemainingCpuSeconds?: number;
}

/**
 * `--threads auto`: the calling thread scores; on an input large enough to pay for them, a pool
 * of worker threads takes chunks too. The first `warmupLines` lines are scored here, the next
 * `measuredLines` measure the process's CPU time per input byte; when the rest of the input, at
 * that rate, would cost more than `minRemainingCpuSeconds`, the pool starts (each thread compiles
 * the spec) and, once ready, gets a chunk while it has fewer than two chunks per thread in flight;
 * other chunks are scored here at once, so every core is busy (the main thread also reads, orders,
 * writes and stores). Results are the same either way; the caller keeps input order.
 */
export class AdaptiveBackend implements LineScoringBackend {
  readonly #local: LineScoringBackend & { prepare?: (spec: Spec) => Promise<void> };
  readonly #createPool: () => HelperPool;
  readonly #slots: number;
  readonly #inputBytes: number | undefined;
  readonly #warmupLines: number;
  readonly #measuredLines: number;
  readonly #minRemainingCpuMicros: number;
  #pool: HelperPool | undefined;
  #decided = false;
  #ready = false;
  #inPool = 0;
  #linesHere = 0;
  #linesInPool = 0;
  #bytesSeen = 0;
  #measuredFrom: { lines: number; bytes: number; cpu: NodeJS.CpuUsage } | undefined;
  #cpuMicrosPerLine: number | undefined;

  constructor(
    local: LineScoringBackend & { prepare?: (spec: Spec) => Promise<void> },
    createPool: () => HelperPool,
    threads: number,
    options: AdaptiveOptions = {},
  ) {
    this.#local = local;
    this.#createPool = createPool;
    this.#slots = 2 * Math.max(1, threads);
    this.#inputBytes = options.inputBytes;
    this.#warmupLines = options.warmupLines ?? 1000;
    this.#measuredLines = options.measuredLines ?? 2000;
    this.#minRemainingCpuMicros = (options.minRemainingCpuSeconds ?? 20) * 1e6;
  }

  /** Where scoring happened so far, and what the measurement found. */
  describe(): string {
    const measured =
      this.#cpuMicrosPerLine === undefined
        ? ''
        : ` (measured: ${this.#cpuMicrosPerLine.toFixed(1)} us CPU/line)`;
    if (this.#pool === undefined) return `in-process${measured}`;
    const total = this.#linesHere + this.#linesInPool;
    const share = total === 0 ? 0 : (100 * this.#linesInPool) / total;
    return `in-process + worker threads (${share.toFixed(0)}% of the lines scored on the threads)${measured}`;
  }

  score(request: ScoreRequest): Promise<RewardResult[]> {
    return this.#local.score(request);
  }

  scoreLines(request: LineScoreRequest): Promise<LineChunkReply> {
    const bytes = request.texts.reduce((sum, text) => sum + text.length + 1, 0);
    return this.#place(request.spec, request.texts.length, bytes, (backend) => backend.scoreLines(request));
  }

  scoreBlock(request: BlockScoreRequest): Promise<BlockReply> {
    const { block } = request;
    return this.#place(request.spec, block.count, block.bytes.byteLength + 1, (backend) =>
      backend.scoreBlock(request),
    );
  }

  /** Prepares the spec here: errors surface before scoring. */
  async prepare(spec: Spec): Promise<void> {
    await this.#local.prepare?.(spec);
  }

  async close(): Promise<void> {
    await Promise.all([this.#local.close(), this.#pool?.close()]);
  }

  async #place<Reply>(
    spec: Spec,
    lines: number,
    bytes: number,
    run: (backend: LineScoringBackend) => Promise<Reply>,
  ): Promise<Reply> {
    if (!this.#decided) this.#measure(spec, bytes);
    if (this.#pool === undefined || !this.#ready || this.#inPool >= this.#slots) {
      this.#linesHere += lines;
      return run(this.#local);
    }
    this.#inPool++;
    this.#linesInPool += lines;
    try {
      return await run(this.#pool);
    } finally {
      this.#inPool--;
    }
  }

  /** Counts what was dispatched; after the warm-up and the measured lines, decides once. */
  #measure(spec: Spec, bytes: number): void {
    const seen = this.#linesHere;
    if (this.#measuredFrom === undefined) {
      if (seen >= this.#warmupLines) {
        this.#measuredFrom = { lines: seen, bytes: this.#bytesSeen, cpu: process.cpuUsage() };
      }
    } else if (seen - this.#measuredFrom.lines >= this.#measuredLines) {
      this.#decided = true;
      const usage = process.cpuUsage(this.#measuredFrom.cpu);
      const micros = usage.user + usage.system;
      this.#cpuMicrosPerLine = micros / (seen - this.#measuredFrom.lines);
      const perByte = micros / Math.max(1, this.#bytesSeen - this.#measuredFrom.bytes);
      const remaining = (this.#inputBytes ?? 0) - this.#bytesSeen;
      if (remaining * perByte >= this.#minRemainingCpuMicros) this.#startPool(spec);
    }
    this.#bytesSeen += bytes;
  }

  #startPool(spec: Spec): void {
    const pool = this.#createPool();
    this.#pool = pool;
    pool.prepare(spec).then(
      () => {
        this.#ready = true;
      },
      () => {
        // The threads could not start: everything is scored here.
      },
    );
  }
}
