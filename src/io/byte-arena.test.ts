import { describe, expect, it } from 'vitest';
import { ByteArena } from './byte-arena.js';

describe('ByteArena', () => {
  it('appends text as UTF-8, grows past its first buffer and keeps what was appended', () => {
    const arena = new ByteArena(4);
    arena.append('ab');
    arena.append('é✓𝔸'); // 2 + 3 + 4 bytes: the buffer grows
    arena.append('x'.repeat(100));
    expect(arena.used).toBe(2 + 9 + 100);
    expect(arena.view(0, arena.used).toString('utf8')).toBe(`abé✓𝔸${'x'.repeat(100)}`);
    expect(arena.view(2, 11).toString('utf8')).toBe('é✓𝔸');
  });

  it('encodes as Buffer.from does (a lone surrogate becomes U+FFFD)', () => {
    const arena = new ByteArena();
    arena.append('a\ud800b');
    expect(arena.view(0, arena.used)).toEqual(Buffer.from('a\ud800b'));
  });

  it('starts over after clear', () => {
    const arena = new ByteArena(8);
    arena.append('first');
    arena.clear();
    arena.append('second');
    expect(arena.used).toBe(6);
    expect(arena.view(0, arena.used).toString()).toBe('second');
  });
});
