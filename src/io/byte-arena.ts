/** Past this capacity, a cleared arena gives its buffer back instead of keeping it for reuse. */
const KEEP_BYTES = 16 * 1024 * 1024;

/**
 * Text appended as UTF-8 into one growing buffer that is reused after `clear()`: bytes waiting
 * for a later step (the store's flush) or written at once (the output file) without a string or a
 * Buffer per append, and without scanning the text for its byte length first. The buffer lives
 * outside the JavaScript heap, so what waits is never copied by a garbage collection.
 */
export class ByteArena {
  #buffer: Buffer;
  #used = 0;

  constructor(initialBytes = 64 * 1024) {
    this.#buffer = Buffer.allocUnsafe(initialBytes);
  }

  /** Bytes appended since the last clear. */
  get used(): number {
    return this.#used;
  }

  /** Appends `text` encoded as UTF-8 (a lone surrogate becomes U+FFFD, as Buffer.from does). */
  append(text: string): void {
    // A UTF-16 code unit never takes more than 3 bytes in UTF-8: room for that, without a scan.
    const room = this.#used + 3 * text.length;
    if (room > this.#buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(2 * this.#buffer.length, room));
      this.#buffer.copy(grown, 0, 0, this.#used);
      this.#buffer = grown;
    }
    this.#used += this.#buffer.write(text, this.#used, 'utf8');
  }

  /** The bytes from `start` to `end` (a view: valid until the next append after a clear). */
  view(start: number, end: number): Buffer {
    return this.#buffer.subarray(start, end);
  }

  /** Forgets the content; the buffer is kept for reuse unless it grew very large. */
  clear(): void {
    this.#used = 0;
    if (this.#buffer.length > KEEP_BYTES) this.#buffer = Buffer.allocUnsafe(64 * 1024);
  }
}
