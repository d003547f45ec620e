import { describe, expect, it } from 'vitest';
import { verifyAnswer } from './verify.js';

describe('equations with the same left side', () => {
  it('compare their constant right sides as values, rounding included (MARIO_EVAL)', () => {
    const outcome = verifyAnswer('a-b=\\sqrt3', 'a-b=1.732');
    expect(outcome.verdict).toBe('equal');
    expect(outcome.method).toBe('same-left/rounded-decimal');
    expect(verifyAnswer('a-b=\\sqrt3', 'a-b=1.7').verdict).toBe('not_equal');
    expect(verifyAnswer('a-b=\\sqrt3', 'a+b=1.732').verdict).toBe('not_equal');
  });

  it('still read proportional equations as the same equation', () => {
    expect(verifyAnswer('2x + 4y = 6', 'x + 2y = 3').verdict).toBe('equal');
  });
});

describe('membership: the set after \\in', () => {
  it('reads a bracketed pair after \\in as an interval, never the list of its ends', () => {
    expect(verifyAnswer('0, 5', '$x \\in [0,5]$').verdict).toBe('not_equal');
    expect(verifyAnswer('[0,5]', '$x \\in [0,5]$').verdict).toBe('equal');
    expect(verifyAnswer('(0,5)', '$x \\in (0,5)$').verdict).toBe('equal');
    expect(verifyAnswer('0, 5', '$x \\in \\{0,5\\}$').verdict).toBe('equal');
  });
});
