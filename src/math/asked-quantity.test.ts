import { describe, expect, it } from 'vitest';
import { namesAskedQuantity } from './asked-quantity.js';
import { parseAnswer } from './parse-answer.js';
import type { MathValue } from './value.js';
import { verifyAnswer } from './verify.js';

function leftSide(relation: string): MathValue {
  const value = parseAnswer(relation, false);
  if (value?.kind !== 'relation') throw new Error(`not a relation: ${relation}`);
  return value.sides[0] as MathValue;
}

describe('namesAskedQuantity', () => {
  it.each([
    'm + n = 7',
    '\\frac{S_{10}}{S_{5}} = 4',
    '\\frac{a}{b} = 12',
    'a/b = 3',
    '\\vec{a} \\cdot \\vec{b} = 11',
    '(2 \\vec{a}+\\vec{b}) \\cdot \\vec{b} = 11',
    '|\\vec{a}+\\vec{b}| = 3',
    '\\overrightarrow{AB} \\cdot \\overrightarrow{AC} = 3',
  ])('%j names an asked quantity', (relation) => {
    expect(namesAskedQuantity(leftSide(relation))).toBe(true);
  });

  it.each([
    'x + 1 = 2',
    '\\frac{x}{3} = 4',
    '\\frac{2a}{b} = 3',
    '\\frac{a}{a} = 1',
    'x \\vec{a} \\cdot \\vec{b} = 3',
    '2 \\cdot 3 = 6',
  ])('%j states an equation or a computation, no asked quantity', (relation) => {
    expect(namesAskedQuantity(leftSide(relation))).toBe(false);
  });
});

describe('an asked quantity stated against a gold value', () => {
  it('reads the value of a ratio of names and of a vector expression', () => {
    expect(verifyAnswer('4', 'The answer is $\\frac{S_{10}}{S_{5}}=4$.').verdict).toBe('equal');
    expect(verifyAnswer('11', '【答案】$(2 \\vec{a}+\\vec{b}) \\cdot \\vec{b}=11$。').verdict).toBe('equal');
    expect(verifyAnswer('12', '【答案】$(2 \\vec{a}+\\vec{b}) \\cdot \\vec{b}=11$。').verdict).toBe(
      'not_equal',
    );
  });

  it('still refuses an equation of the question', () => {
    expect(verifyAnswer('2', 'So $x + 1 = 2$.').verdict).toBe('not_equal');
  });
});
