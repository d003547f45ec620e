import { describe, expect, it } from 'vitest';
import { Budget } from './budget.js';
import { compareValues } from './compare.js';
import { DEFAULT_MATH_VERIFY_OPTIONS } from './options.js';
import { parseAnswer } from './parse-answer.js';
import { compareRestatedValue } from './restated-value.js';
import type { MathValue } from './value.js';

const context = { options: DEFAULT_MATH_VERIFY_OPTIONS, budget: new Budget(Number.POSITIVE_INFINITY) };
const read = (text: string) => parseAnswer(text, false) as MathValue;
const items = (text: string) => {
  const value = read(text);
  return value.kind === 'list' ? value.items : [value];
};

describe('compareRestatedValue', () => {
  it('is equal when every item writes the gold another way', () => {
    expect(
      compareRestatedValue(read('\\frac{1}{2}'), items('\\frac{1}{2}, 0.5'), context, compareValues)?.verdict,
    ).toBe('equal');
    expect(compareRestatedValue(read('2'), items('\\sqrt{4}, 2'), context, compareValues)?.verdict).toBe(
      'equal',
    );
  });

  it('leaves a list that offers another value, a repeated answer, or one item alone', () => {
    expect(
      compareRestatedValue(read('\\frac{1}{2}'), items('\\frac{1}{2}, \\frac{1}{3}'), context, compareValues),
    ).toBeUndefined();
    expect(compareRestatedValue(read('5'), items('5, 5'), context, compareValues)).toBeUndefined();
    expect(compareRestatedValue(read('5'), items('5'), context, compareValues)).toBeUndefined();
  });

  it('counts a relation by the value it states (real outputs round 28)', () => {
    expect(compareRestatedValue(read('2'), items('x = 2, 2'), context, compareValues)?.verdict).toBe('equal');
    expect(compareRestatedValue(read('2'), items('x = 2, 3'), context, compareValues)).toBeUndefined();
    expect(compareRestatedValue(read('2'), items('x + 1 = 3, 2'), context, compareValues)).toBeUndefined();
    // Two names are two unknowns' values, not one value restated.
    expect(compareRestatedValue(read('0'), items('a = 0, b = 0'), context, compareValues)).toBeUndefined();
  });

  it('counts a ratio item by its quotient', () => {
    // "\boxed{\frac{\sqrt{6}}{4}} 或者简化为 \boxed{\sqrt{6}:4}" (GAOKAO-Eval outputs, real outputs round 11).
    const gold = read('\\frac{\\sqrt{6}}{4}');
    expect(
      compareRestatedValue(gold, items('\\frac{\\sqrt{6}}{4}, \\sqrt{6}:4'), context, compareValues)?.verdict,
    ).toBe('equal');
    expect(
      compareRestatedValue(gold, items('\\frac{\\sqrt{6}}{4}, \\sqrt{6}:5'), context, compareValues),
    ).toBeUndefined();
  });
});
