import { describe, expect, it } from 'vitest';
import { parseAnswer } from './parse-answer.js';
import { isPlusMinusPair } from './plus-minus-pair.js';
import type { MathValue } from './value.js';
import { verifyAnswer } from './verify.js';

/** The items of a tuple as the parser reads it. */
function items(tuple: string): MathValue[] {
  const value = parseAnswer(tuple, false);
  if (value?.kind !== 'tuple') throw new Error(`not a tuple: ${tuple}`);
  return value.items;
}

describe('isPlusMinusPair', () => {
  it.each([
    '(-1-2.449i, -1+2.449i)',
    '(117*x+sqrt(x/18875), 117*x-sqrt(x/18875))',
    '(3-\\sqrt{5}, 3+\\sqrt{5})',
  ])('%j is X - Y and X + Y', (tuple) => {
    expect(isPlusMinusPair(items(tuple))).toBe(true);
  });

  // `(a-b, a+b)` may be a point: Y must be a root or an imaginary part (the red team of stop 46).
  it.each(['(2, 3)', '(1-2, 2+2)', '(1-2, 1-2)', '(-2, -3)', '(1e-5, 1e+5)', '(a-b, a+b)'])(
    '%j is not',
    (tuple) => {
      expect(isPlusMinusPair(items(tuple))).toBe(false);
    },
  );
});

describe('a gold tuple X - Y, X + Y against a bare list', () => {
  it('pays both values in either order (xchuheng613/t2t-qwen-math, real outputs round 26)', () => {
    const outcome = verifyAnswer(
      '(-1-2.44948974278318i, -1+2.44948974278318i)',
      '\\boxed{-1+i\\sqrt{6},-1-i\\sqrt{6}}',
    );
    expect(outcome.verdict).toBe('equal');
    expect(outcome.method).toBe('plus-minus-pair');
  });

  it('keeps the order of coordinates a list labels', () => {
    expect(verifyAnswer('(3-\\sqrt5,3+\\sqrt5)', 'x = 3+\\sqrt5, y = 3-\\sqrt5').verdict).toBe('not_equal');
    expect(verifyAnswer('(3-\\sqrt5,3+\\sqrt5)', 'x_1 = 3+\\sqrt5, x_2 = 3-\\sqrt5').verdict).toBe('equal');
  });

  it('keeps the order of a prediction in brackets, and asks for both values', () => {
    expect(verifyAnswer('(1-2, 1+2)', '\\boxed{(3, -1)}').verdict).toBe('not_equal');
    expect(verifyAnswer('(-1-2i, -1+2i)', '\\boxed{-1+2i, -1+2i}').verdict).toBe('not_equal');
    expect(verifyAnswer('(2, 3)', '\\boxed{3, 2}').verdict).toBe('not_equal');
  });
});
