/**
 * Length-prefixed frames, the wire format between rewardkit, the test runner and the candidate:
 * a 4-byte big-endian length, then that many bytes. Pipes deliver arbitrary chunks; `FrameReader`
 * reassembles them and refuses a frame longer than its limit (the sender is then killed).
 */
export function frameOf(...parts: (Buffer | string)[]): Buffer {
  const body = Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part)));
  const header = Buffer.alloc(4);
  header.writeUInt32BE(body.length);
  return Buffer.concat([header, body]);
}

export class FrameTooLargeError extends Error {}

export class FrameReader {
  readonly #limit: number;
  #pending: Buffer[] = [];
  #pendingBytes = 0;

  constructor(limitBytes: number) {
    this.#limit = limitBytes;
  }

  /** Adds a chunk and returns the frames it completed (throws FrameTooLargeError past the limit). */
  push(chunk: Buffer): Buffer[] {
    this.#pending.push(chunk);
    this.#pendingBytes += chunk.length;
    const frames: Buffer[] = [];
    for (;;) {
      if (this.#pendingBytes < 4) break;
      if (this.#pending[0]!.length < 4) this.#pending = [Buffer.concat(this.#pending)];
      const size = this.#pending[0]!.readUInt32BE(0);
      if (size > this.#limit) throw new FrameTooLargeError(`a frame of ${size} bytes (limit ${this.#limit})`);
      if (this.#pendingBytes < 4 + size) break;
      const buffer = this.#pending.length === 1 ? this.#pending[0]! : Buffer.concat(this.#pending);
      frames.push(buffer.subarray(4, 4 + size));
      const rest = buffer.subarray(4 + size);
      this.#pending = rest.length > 0 ? [rest] : [];
      this.#pendingBytes = rest.length;
    }
    return frames;
  }
}
