import { describe, expect, it } from 'vitest';
import { letterExpression, lettersAsProduct } from './letter-product.js';
import { parseAnswer } from './parse-answer.js';
import type { MathValue } from './value.js';

const value = (text: string): MathValue => parseAnswer(text, false) as MathValue;

describe('lettersAsProduct', () => {
  it("reads a run of the gold's one-letter variables as their product", () => {
    expect(lettersAsProduct(value('x * y * z'), { kind: 'text', text: 'xyz' })).toEqual({
      kind: 'expression',
      json: ['Multiply', 'x', 'y', 'z'],
      text: 'xyz',
    });
    expect(lettersAsProduct(value('x * y * z'), { kind: 'text', text: 'yyx' })?.kind).toBe('expression');
  });

  it('leaves words: a letter the gold lacks, a gold without variables, spaces, long runs', () => {
    expect(lettersAsProduct(value('x * y * z'), { kind: 'text', text: 'xyw' })).toBeUndefined();
    expect(lettersAsProduct(value('5'), { kind: 'text', text: 'odd' })).toBeUndefined();
    expect(lettersAsProduct(value('x * y * z'), { kind: 'text', text: 'x y z' })).toBeUndefined();
    expect(lettersAsProduct(value('x + y'), { kind: 'text', text: 'xyxyxyxyx' })).toBeUndefined();
    // e is Euler's number, never a variable of the gold: "yes" stays a word.
    expect(lettersAsProduct(value('y e^{s}'), { kind: 'text', text: 'yes' })).toBeUndefined();
  });
});

describe('letterExpression', () => {
  it('takes a bare response of the gold letters with a run of three', () => {
    expect(letterExpression(value('ab(x+y)'), ' abx+aby\n')).toBe('abx+aby');
    expect(letterExpression(value('x * y * z'), 'xyz')).toBe('xyz');
  });

  it('refuses prose, other letters, and responses with no run of three', () => {
    expect(letterExpression(value('ab(x+y)'), 'abx+aby, I think.')).toBeUndefined();
    expect(letterExpression(value('ab(x+y)'), 'abc+aby')).toBeUndefined();
    expect(letterExpression(value('ab(x+y)'), 'ab + x')).toBeUndefined();
    expect(letterExpression(value('12'), 'abx')).toBeUndefined();
  });
});
