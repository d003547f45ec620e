import { describe, expect, it } from 'vitest';
import { mayBeSympyPrinted, sympyPrintedAsLatex } from './sympy-printed.js';
import { verifyAnswer } from './verify.js';

describe('sympyPrintedAsLatex', () => {
  it.each([
    ['Interval(-2, 7)', '[-2, 7]'],
    ['Interval.open(0, 1)', 'x \\in (0, 1)'],
    ['Interval(0, 1, True, True)', 'x \\in (0, 1)'],
    ['Interval.Lopen(0, 1)', '(0, 1]'],
    ['Interval.Ropen(0, 1)', '[0, 1)'],
    ['Interval(0, 1, True, False)', '(0, 1]'],
    ['Interval(-oo, 0)', '(-\\infty, 0]'],
    ['Union(Interval(-oo, 0), Interval(1, oo))', '(-\\infty, 0] \\cup [1, \\infty)'],
    ['FiniteSet(1, 2, 3)', '\\{1, 2, 3\\}'],
    ['Eq(x, Interval(-2, 7))', 'x \\in [-2, 7]'],
    ['Eq(y, 2*x + 1)', 'y = 2*x + 1'],
    ['Rational(3, 2)', '\\frac{3}{2}'],
    ['EmptySet', '\\emptyset'],
  ])('%s is %s', (printed, latex) => {
    expect(mayBeSympyPrinted(printed)).toBe(true);
    expect(sympyPrintedAsLatex(printed)).toBe(latex);
  });

  // The red team of stop 45 (/work/redteam45): forms inside arithmetic, odd arguments, nesting.
  it.each([
    'Interval(1)',
    'Eq(x)',
    'Union(Interval(0, 1)',
    'Eq(x, 4) + 3',
    'Eq(x,2)**2',
    'Eq(5, 5)',
    'Eq(Eq(x, 1), 1)',
    'Interval(0,1,2,3)',
    'FiniteSet(3, FiniteSet(4))',
    'Union(2, 3)',
    'Interval(FiniteSet(1), 2)',
  ])('leaves %s as written (no printed answer, whole)', (text) => {
    expect(sympyPrintedAsLatex(text)).toBe(text);
  });

  it('reads no form deeper than 8 calls', () => {
    const nested = (depth: number): string =>
      depth === 0
        ? 'Interval(0, 1)'
        : `Union(Interval(${2 * depth}, ${2 * depth + 1}), ${nested(depth - 1)})`;
    expect(sympyPrintedAsLatex(nested(3))).toBe('[6, 7] \\cup [4, 5] \\cup [2, 3] \\cup [0, 1]');
    expect(sympyPrintedAsLatex(nested(12))).toBe(nested(12));
  });

  it('says which text may hold a form', () => {
    expect(mayBeSympyPrinted('Equal parts: 5')).toBe(false);
    expect(mayBeSympyPrinted('\\Eq(x)')).toBe(false);
  });

  // Real outputs round 24 (rrenaud/assignment5-alignment: MATH golds stored as sympy prints them).
  it('reads a gold printed by sympy as the set, interval or equation it is', () => {
    expect(verifyAnswer('Eq(x, Interval(-2, 7))', 'So $x \\in [-2, 7]$.').verdict).toBe('equal');
    expect(verifyAnswer('Interval.open(0, 1)', 'The range is $(0, 1)$.').verdict).toBe('equal');
    expect(verifyAnswer('Interval.open(0, 1)', 'The range is $[0, 1]$.').verdict).toBe('not_equal');
    expect(verifyAnswer('FiniteSet(1, 2)', '$\\{2, 1\\}$').verdict).toBe('equal');
    expect(verifyAnswer('FiniteSet(1, 2)', '$\\{1, 3\\}$').verdict).toBe('not_equal');
    expect(verifyAnswer('Rational(3, 2)', '$\\boxed{1.5}$').verdict).toBe('equal');
    // An open interval stays an interval: its ends are no roots.
    expect(verifyAnswer('Interval.open(2, 5)', 'The roots are x = 2 and x = 5.').verdict).toBe('not_equal');
    expect(verifyAnswer('Interval.open(2, 5)', '$2 < x < 5$').verdict).toBe('equal');
    expect(verifyAnswer('7', 'Eq(x, 4) + 3').verdict).not.toBe('equal');
  });
});
