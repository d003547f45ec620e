import { describe, expect, it } from 'vitest';
import { FrameReader, FrameTooLargeError, frameOf } from './frames.js';

describe('frames', () => {
  it('reassembles frames split across chunks and joined in one chunk', () => {
    const reader = new FrameReader(1024);
    const wire = Buffer.concat([frameOf('E', '{"a":1}'), frameOf(Buffer.from('xyz')), frameOf('')]);
    const frames = [...wire].flatMap((byte) => reader.push(Buffer.from([byte])));
    expect(frames.map(String)).toEqual(['E{"a":1}', 'xyz', '']);
    expect(new FrameReader(1024).push(wire).map(String)).toEqual(['E{"a":1}', 'xyz', '']);
  });

  it('refuses a frame longer than the limit before buffering it', () => {
    const reader = new FrameReader(8);
    const header = Buffer.alloc(4);
    header.writeUInt32BE(9);
    expect(() => reader.push(header)).toThrow(FrameTooLargeError);
  });
});
