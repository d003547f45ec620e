import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  createWriteStream,
  openSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { RewardKitError } from '../core/errors.js';
import { ByteArena } from './byte-arena.js';

/** Temporary files of writers not yet committed; removed if the process exits before they are. */
const uncommitted = new Set<string>();
let exitHookInstalled = false;

function trackUncommitted(path: string): void {
  uncommitted.add(path);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const file of uncommitted) {
      try {
        unlinkSync(file);
      } catch {
        // Already gone.
      }
    }
  });
}

/**
 * Where a file's content really lives: a symlink is followed (so the link stays a link and its
 * target is replaced), a missing file is its own path. Also returns the existing file's mode.
 */
function destinationOf(file: string): { target: string; mode: number | undefined; regular: boolean } {
  // /dev/stdout and friends name whatever the descriptor is (a terminal, a pipe, a file opened
  // by the shell for appending): write through it, never replace what it points to.
  if (/^\/(?:dev|proc)\//.test(resolve(file))) return { target: file, mode: undefined, regular: false };
  try {
    const target = realpathSync(file);
    const stats = statSync(target);
    return { target, mode: stats.mode & 0o7777, regular: stats.isFile() };
  } catch {
    return { target: file, mode: undefined, regular: true };
  }
}

/**
 * Writes JSONL lines to a stream with backpressure: `write` resolves at once while the stream's
 * buffer has room and waits for `drain` when it is full, so a slow disk or pipe bounds memory.
 *
 * A file is written atomically: lines go to a temporary file in the destination's directory,
 * which `close()` renames over the destination, so a run that fails or is interrupted leaves the
 * previous file whole (and an uncommitted temporary file is removed when the process exits).
 * Devices and pipes (`/dev/stdout`, a FIFO) are written in place.
 */
export class JsonlWriter {
  #failure: Error | undefined;

  constructor(
    private readonly stream: Writable,
    private readonly ownsStream: boolean,
    private readonly commit?: { temporary: string; destination: string; mode: number | undefined },
  ) {
    stream.on('error', (error) => {
      this.#failure = error;
    });
  }

  /** A writer on a file (replaced atomically when closed), or on stdout when `file` is undefined. */
  static open(file: string | undefined): JsonlWriter {
    if (file === undefined) return new JsonlWriter(process.stdout, false);
    const options = { encoding: 'utf8', highWaterMark: 1024 * 1024 } as const;
    const { target, mode, regular } = destinationOf(file);
    if (!regular) return new JsonlWriter(createWriteStream(target, options), true);
    const temporary = join(
      dirname(target),
      `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
    );
    trackUncommitted(temporary);
    return new JsonlWriter(new SyncFileStream(temporary), true, { temporary, destination: target, mode });
  }

  /** Writes already-serialized lines (each without its newline). */
  async writeLines(lines: readonly string[]): Promise<void> {
    if (lines.length === 0) return;
    await this.writeBlock(lines.join('\n'));
  }

  /** Writes a block of already-serialized lines joined by newlines (a newline is added after it). */
  async writeBlock(block: string): Promise<void> {
    this.#throwIfFailed();
    if (!this.stream.write(`${block}\n`)) {
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

  /** Flushes and, for a file, puts the finished output in place of the destination. */
  async close(): Promise<void> {
    this.#throwIfFailed();
    if (!this.ownsStream) return;
    await new Promise<void>((resolve, reject) => {
      this.stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
    });
    if (this.commit === undefined) return;
    const { temporary, destination, mode } = this.commit;
    try {
      if (mode !== undefined) chmodSync(temporary, mode);
      renameSync(temporary, destination);
      uncommitted.delete(temporary);
    } catch (error) {
      throw new RewardKitError('RK_IO', `cannot write ${destination}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  /** Gives up: the destination keeps its previous content and the temporary file is removed. */
  abandon(): void {
    if (!this.ownsStream) return;
    const temporary = this.commit?.temporary;
    const remove = (): void => {
      if (temporary === undefined) return;
      try {
        unlinkSync(temporary);
        uncommitted.delete(temporary);
      } catch {
        // Not created yet (the exit hook or the close below removes it), or already gone.
      }
    };
    // The file may still be opening: remove it now and again once the stream has closed.
    this.stream.once('close', remove);
    this.stream.destroy();
    remove();
  }

  #throwIfFailed(): void {
    if (this.#failure !== undefined) {
      throw new RewardKitError('RK_IO', `cannot write output: ${this.#failure.message}`, {
        cause: this.#failure,
      });
    }
  }
}

/**
 * A regular file written with synchronous writes: a block of results reaches the page cache when
 * it is written (a few microseconds), instead of waiting in a stream buffer as strings that outlive
 * the young generation and make every garbage collection copy them. Created exclusively (`wx`).
 */
class SyncFileStream extends Writable {
  #fd: number | undefined;
  /** Where a string is encoded before it is written (reused: no buffer per write). */
  readonly #encoded = new ByteArena();

  constructor(file: string) {
    super({ decodeStrings: false });
    try {
      this.#fd = openSync(file, 'wx');
    } catch (error) {
      throw new RewardKitError('RK_IO', `cannot write ${file}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  override _write(
    chunk: string | Buffer,
    _encoding: BufferEncoding,
    done: (error?: Error | null) => void,
  ): void {
    try {
      if (this.#fd === undefined) throw new Error('the file is closed');
      // A string is encoded into the reused buffer (no Buffer for the collector per write, no
      // scan for its byte length); a short write goes on from where it stopped.
      let bytes = chunk as Buffer;
      if (typeof chunk === 'string') {
        this.#encoded.clear();
        this.#encoded.append(chunk);
        bytes = this.#encoded.view(0, this.#encoded.used);
      }
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(this.#fd, bytes, offset);
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  override _final(done: (error?: Error | null) => void): void {
    this.#close(done);
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    this.#close(() => done(error));
  }

  #close(done: (error?: Error | null) => void): void {
    const fd = this.#fd;
    this.#fd = undefined;
    try {
      if (fd !== undefined) closeSync(fd);
      done();
    } catch (error) {
      done(error as Error);
    }
  }
}
