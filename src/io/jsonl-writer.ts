import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { RewardKitError } from '../core/errors.js';

/**
 * Writes JSONL lines to a stream with backpressure: `write` resolves at once while the stream's
 * buffer has room and waits for `drain` when it is full, so a slow disk or pipe bounds memory.
 */
export class JsonlWriter {
  #failure: Error | undefined;

  constructor(
    private readonly stream: Writable,
    private readonly ownsStream: boolean,
  ) {
    stream.on('error', (error) => {
      this.#failure = error;
    });
  }

  /** A writer on a file (created or truncated), or on stdout when `file` is undefined. */
  static open(file: string | undefined): JsonlWriter {
    if (file === undefined) return new JsonlWriter(process.stdout, false);
    return new JsonlWriter(createWriteStream(file, { encoding: 'utf8', highWaterMark: 1024 * 1024 }), true);
  }

  /** Writes already-serialized lines (each without its newline). */
  async writeLines(lines: readonly string[]): Promise<void> {
    if (lines.length === 0) return;
    this.#throwIfFailed();
    if (!this.stream.write(`${lines.join('\n')}\n`)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          this.stream.off('drain', done).off('error', done);
          resolve();
        };
        this.stream.on('drain', done).on('error', done);
      });
      this.#throwIfFailed();
    }
  }

  async close(): Promise<void> {
    this.#throwIfFailed();
    if (!this.ownsStream) return;
    await new Promise<void>((resolve, reject) => {
      this.stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
    });
  }

  #throwIfFailed(): void {
    if (this.#failure !== undefined) {
      throw new RewardKitError('RK_IO', `cannot write output: ${this.#failure.message}`, {
        cause: this.#failure,
      });
    }
  }
}
