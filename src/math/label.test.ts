import { describe, expect, it } from 'vitest';
import { isLabel, isWordLabel } from './label.js';
import { parseAnswer } from './parse-answer.js';
import type { MathValue } from './value.js';
import { verifyAnswer } from './verify.js';

/** The left side of a relation as the parser reads it. */
function leftSide(relation: string): MathValue {
  const value = parseAnswer(relation, false);
  if (value?.kind !== 'relation') throw new Error(`not a relation: ${relation}`);
  return value.sides[0] as MathValue;
}

describe('isLabel', () => {
  it.each([
    '\\Delta p = 2',
    '\\Delta E_k = 2',
    '\\Delta\\theta = 2',
    '|PQ| = 1',
    'x = 3',
    '\\overrightarrow{AB} = (1, 2)',
    '\\vec{a} = (1, 2)',
    'e = \\frac{1}{2}',
    'f(x+1) = 3',
    'P(-1) = 2',
    'x(t) = 3t^2',
    'y(-1) = 3',
    'T(n+1) = 7',
    // An operator applied to an expression names its result (graders' round 17).
    '\\frac{d}{dx}(x^2) = 2x',
    '\\frac{dy}{dx} = 2x',
    '\\int 2x\\,dx = x^2 + C',
    '\\sum_{k=1}^n k = \\frac{n(n+1)}{2}',
    '\\mathbb E T = 15',
    // A function's value at a constant in LaTeX (real outputs round 30).
    'f(\\dfrac{2\\pi}{3}) = 1',
    "g'(\\sqrt{2}) = 0",
  ])('%j names its answer', (relation) => {
    expect(isLabel(leftSide(relation))).toBe(true);
  });

  it.each([
    '\\Delta x + 1 = 2',
    '2\\Delta p = 2',
    'x + 1 = 2',
    '2\\vec{a} = (2, 4)',
    'e + 1 = 2',
    // A letter before a sum in parentheses that holds it is a product (graders' round 16: `0` was paid).
    'x(x-1) = 0',
    'p(p+1) = 2',
    't(t-1) = 6',
    'f(\\frac{x}{2}) = 1',
    // An unknown's letter before a constant is a product (stop 47's second red team).
    'x(\\frac{1}{2}) = 3',
    'k(\\sqrt{2}) = 4',
  ])('%j is an equation', (relation) => {
    expect(isLabel(leftSide(relation))).toBe(false);
  });
});

describe('vector and eccentricity labels', () => {
  it.each([
    ['\\overrightarrow{AB} = (1, 2)', '(1, 2)'],
    ['\\vec{a} = (1, 2)', '\\overrightarrow{a} = (1, 2)'],
    ['(1, 2)', '\\vec{AB} = (1, 2)'],
    ['e = \\frac{\\sqrt{3}}{2}', '\\frac{\\sqrt3}{2}'],
    ['e = \\frac{1}{2}', 'e = 0.5'],
    ['\\frac{\\sqrt{2}}{2}', 'e = \\frac{\\sqrt{2}}{2}'],
  ])('gold %j, %j is equal', (gold, response) => {
    expect(verifyAnswer(gold, response).verdict).toBe('equal');
  });

  it.each([
    ['\\overrightarrow{AB} = (1, 2)', '(2, 1)'],
    ['\\overrightarrow{AB} = (1, 2)', '\\overrightarrow{CD} = (1, 2)'],
    ['e = \\frac{1}{2}', '2'],
    ['e = \\frac{1}{2}', '\\frac{1}{2} \\text{ or } \\frac{1}{3}'],
    ['e^2', 'e = 2'],
    ['\\mathrm{e}', '\\frac{1}{2}'],
  ])('gold %j, %j is not equal', (gold, response) => {
    expect(verifyAnswer(gold, response).verdict).not.toBe('equal');
  });
});

describe('isWordLabel', () => {
  it('takes words naming a quantity, not a product of letters', () => {
    expect(isWordLabel(leftSide('Total = 42'))).toBe(true);
    expect(isWordLabel(leftSide('Number of ways = 42'))).toBe(true);
    expect(isWordLabel(leftSide('xy = 42'))).toBe(false);
    expect(verifyAnswer('42', '\\boxed{\\text{Total} = 42}').verdict).toBe('equal');
  });

  it('takes a name of up to eight words, and a chain from a word label to a constant', () => {
    expect(isWordLabel(leftSide('Total number of pencils in the drawer = 72'))).toBe(true);
    expect(isWordLabel(leftSide('So we think that the total number of pencils is = 72'))).toBe(false);
    expect(verifyAnswer('72', 'Answer: \nTotal number of pencils in the drawer = 72').verdict).toBe('equal');
    expect(verifyAnswer('4', 'Answer: \nOil = 2x = 2(2) = 4').verdict).toBe('equal');
    expect(verifyAnswer('2', 'Answer: \nOil = 2x = 2(2) = 4').verdict).not.toBe('equal');
    expect(verifyAnswer('5', 'Answer: \nOil = 2x = 4 = 5').verdict).not.toBe('equal');
  });
});

describe('words in \\text{} label an equation (pie-framework fixtures, graders round 12)', () => {
  it('compares the value on the right side', () => {
    const gold = '\\text{height}\\ =\\ 120\\sin\\theta';
    expect(verifyAnswer(gold, '\\text{height}\\ =\\ 120\\left(\\sin \\theta \\right)').verdict).toBe('equal');
    expect(verifyAnswer(gold, '\\text{height}\\ =\\ \\sin \\theta \\times 120').verdict).toBe('equal');
    expect(verifyAnswer(gold, '\\text{height} = 100\\sin\\theta').verdict).toBe('not_equal');
  });
});
