import { describe, expect, it } from 'vitest';
import { mayBeSympyPrinted, sympyPrintedAsLatex } from './sympy-printed.js';
import { verifyAnswer } from './verify.js';

describe('sympyPrintedAsLatex', () => {
  it.each([
    ['Interval(-2, 7)', '[-2, 7]'],
    ['Interval.open(0, 1)', '(0, 1)'],
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

  it('leaves calls with arguments sympy would not print as written', () => {
    expect(sympyPrintedAsLatex('Interval(1)')).toBe('Interval(1)');
    expect(sympyPrintedAsLatex('Eq(x)')).toBe('Eq(x)');
    expect(sympyPrintedAsLatex('Union(Interval(0, 1)')).toBe('Union(Interval(0, 1)');
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
  });
});
