import { describe, expect, it } from 'vitest';
import { compareCongruences, parseCongruence } from './congruence.js';

describe('parseCongruence', () => {
  it('reads the usual spellings of a residue and a modulus', () => {
    for (const text of [
      'x \\equiv 3 \\pmod 7',
      'x \\equiv 3 \\pmod{7}',
      'n\\equiv 3 \\pmod{ 7 }',
      '3 \\pmod{7}',
      'x \\equiv 3 \\ (\\mathrm{mod}\\ 7)',
      'x ≡ 3 (mod 7)',
      '$x \\equiv 3 \\bmod 7$.',
      'a_1 \\equiv 3 \\pmod 7',
    ])
      expect(parseCongruence(text), text).toMatchObject({ residue: 3n, modulus: 7n });
  });

  it('is no congruence without a modulus or with other text', () => {
    expect(parseCongruence('x \\equiv 3')).toBeUndefined();
    expect(parseCongruence('3')).toBeUndefined();
    expect(parseCongruence('x + 1 \\equiv 3 \\pmod 7')).toBeUndefined();
    expect(parseCongruence('3 \\pmod 0')).toBeUndefined();
    // The remainder operation, a number.
    expect(parseCongruence('7 \\bmod 3')).toBeUndefined();
  });
});

describe('compareCongruences', () => {
  it('compares residue classes modulo the same modulus', () => {
    expect(compareCongruences('x \\equiv 3 \\pmod 7', 'x \\equiv 10 \\pmod 7')?.verdict).toBe('equal');
    expect(compareCongruences('x \\equiv 3 \\pmod 7', 'x \\equiv -4 \\pmod 7')?.verdict).toBe('equal');
    expect(compareCongruences('x \\equiv 3 \\pmod 7', 'x \\equiv 4 \\pmod 7')?.verdict).toBe('not_equal');
    expect(compareCongruences('x \\equiv 3 \\pmod 7', 'x \\equiv 3 \\pmod 14')?.verdict).toBe('not_equal');
  });

  it('reads a congruence against a number as its stated residue', () => {
    expect(compareCongruences('3', 'x \\equiv 3 \\pmod 7')?.verdict).toBe('equal');
    // An unreduced residue or a bare `r \\pmod m` names a class of numbers, not the number.
    expect(compareCongruences('3', 'x \\equiv 10 \\pmod 7')?.verdict).toBe('not_equal');
    expect(compareCongruences('40', '40 \\pmod{50}')?.verdict).toBe('not_equal');
    expect(compareCongruences('4', 'x \\equiv 4 \\pmod{9}')?.verdict).toBe('equal');
    expect(compareCongruences('5', 'x \\equiv 4 \\pmod{9}')?.verdict).toBe('not_equal');
    expect(compareCongruences('x \\equiv 10 \\pmod 7', '3')?.verdict).toBe('equal');
    expect(compareCongruences('x \\equiv 3 \\pmod 7', '10')?.verdict).toBe('not_equal');
    // Modulo 1 every integer is 0: the congruence names all of them.
    expect(compareCongruences('0', 'x \\equiv 0 \\pmod 1')?.verdict).toBe('not_equal');
  });

  it('leaves everything else to the usual comparison', () => {
    expect(compareCongruences('3', '3')).toBeUndefined();
    expect(compareCongruences('\\frac{1}{2}', 'x \\equiv 3 \\pmod 7')).toBeUndefined();
  });
});

describe('parseCongruence on hostile input', () => {
  it('stays linear on long runs of spacing (no catastrophic backtracking)', () => {
    // Each of these took seconds (the first minutes at 1,000 spaces) with adjacent `\s*` quantifiers.
    const spaces = ' '.repeat(180);
    expect(parseCongruence(`x \\equiv 3 (mod${spaces}x`)).toBeUndefined();
    expect(parseCongruence(`x \\equiv 3${spaces}mod x`)).toBeUndefined();
    expect(parseCongruence(`x \\equiv 3 \\pmod{7}${spaces}.`)).toMatchObject({ residue: 3n, modulus: 7n });
    expect(parseCongruence(`x \\equiv 3 \\pmod 7${' '.repeat(100_000)}`)).toBeUndefined();
  });
});
