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

/** Inputs at least this large get helper threads under `--threads auto` (smaller ones: start-up would cost more). */
export const AUTO_POOL_MIN_BYTES = 1024 * 1024;

/**
 * `--threads auto`: the calling thread scores, and on a large input a pool of worker threads
 * (started with the run, ready once each thread has compiled the spec) takes chunks too. A chunk
 * goes to the pool while it has fewer than two chunks per thread in flight, otherwise it is scored
 * here at once, so every core is busy: with `cores - 1` threads, the main thread reads, orders,
 * writes and stores, and scores what the threads cannot take. Until the pool is ready (or without
 * one) everything is scored here. Results are the same either way; the caller keeps input order.
 */
export class AdaptiveBackend implements LineScoringBackend {
  readonly #local: LineScoringBackend & { prepare?: (spec: Spec) => Promise<void> };
  readonly #pool: HelperPool | undefined;
  readonly #slots: number;
  #ready = false;
  #inPool = 0;
  #linesHere = 0;
  #linesInPool = 0;

  constructor(
    local: LineScoringBackend & { prepare?: (spec: Spec) => Promise<void> },
    pool: HelperPool | undefined,
    threads: number,
  ) {
    this.#local = local;
    this.#pool = pool;
    this.#slots = 2 * Math.max(1, threads);
  }

  /** Where scoring happened so far. */
  describe(): string {
    if (this.#pool === undefined) return 'in-process';
    const total = this.#linesHere + this.#linesInPool;
    const share = total === 0 ? 0 : (100 * this.#linesInPool) / total;
    return `in-process + worker threads (${share.toFixed(0)}% of the lines scored on the threads)`;
  }

  score(request: ScoreRequest): Promise<RewardResult[]> {
    return this.#local.score(request);
  }

  scoreLines(request: LineScoreRequest): Promise<LineChunkReply> {
    return this.#place(request.texts.length, (backend) => backend.scoreLines(request));
  }

  scoreBlock(request: BlockScoreRequest): Promise<BlockReply> {
    return this.#place(request.block.count, (backend) => backend.scoreBlock(request));
  }

  /**
   * Prepares the spec here (errors surface before scoring) and starts the pool's threads without
   * waiting for them: chunks go there once they are ready.
   */
  async prepare(spec: Spec): Promise<void> {
    this.#pool?.prepare(spec).then(
      () => {
        this.#ready = true;
      },
      () => {
        // The threads could not start: everything is scored here.
      },
    );
    await this.#local.prepare?.(spec);
  }

  async close(): Promise<void> {
    await Promise.all([this.#local.close(), this.#pool?.close()]);
  }

  async #place<Reply>(lines: number, run: (backend: LineScoringBackend) => Promise<Reply>): Promise<Reply> {
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
}
