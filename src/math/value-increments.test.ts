import { describe, expect, it } from 'vitest';
import { incrementsDiffer } from './value-increments.js';
import { verifyAnswer } from './verify.js';

const real = (values: number[]) => values.map((re) => ({ re, im: 0 }));

describe('incrementsDiffer', () => {
  it('finds two functions that a large constant makes close at every point but that change differently', () => {
    // x + 1e9 against 2x + 1e9 at x = 1, 2, 3: relative differences 1e-9 to 3e-9, steps 1, 2 against 2, 4.
    expect(incrementsDiffer(real([1e9 + 1, 1e9 + 2, 1e9 + 3]), real([1e9 + 2, 1e9 + 4, 1e9 + 6]), 1e-6)).toBe(
      true,
    );
  });

  it('keeps equal functions equal when their values round differently', () => {
    const gold = real([1e9 + 0.1, 1e9 + 0.2, 1e9 + 0.3]);
    const pred = gold.map(({ re }) => ({ re: re + 1e-7, im: 0 }));
    expect(incrementsDiffer(gold, pred, 1e-6)).toBe(false);
  });

  it('does not run where the values vary with their size (the values were informative)', () => {
    expect(incrementsDiffer(real([1, 2, 3]), real([1, 2, 3.0000001]), 1e-6)).toBe(false);
    expect(incrementsDiffer(real([5]), real([5]), 1e-6)).toBe(false);
  });
});

describe('verifyAnswer with a dominating constant', () => {
  it.each([
    ['x+10^9', '2x+10^9', 'not_equal'],
    ['x+1E9', '2x+1E9', 'not_equal'],
    ['x+10^9', '10^9+x', 'equal'],
    ['\\frac{x}{1000}+1000000', '1000000+\\frac{x}{1000}', 'equal'],
    ['x^2+10^{12}', '10^{12}+x^2', 'equal'],
    // A red team of stop 38: correct forms through intermediates far larger than their values.
    ['x+10^6', '(x+10^{12}+10^6)-10^{12}', 'equal'],
    ['10^4+\\sin x', '10^4+\\sin(x+2\\pi\\cdot10^9)', 'equal'],
    ['1E-50x', '10^{-50}x', 'equal'],
    // A gold of 0 against a form that rounds to a few 1e-15 (mathjs's tests, graders' round 14):
    // exact zeros at the integers decide; a small multiple of x is still no 0.
    ['0', 'x^2*y^2 - (x*y)^2', 'equal'],
    ['0', 'x^2*y^3*z - y*z*y*x^2*y', 'equal'],
    ['0', 'x*10^{-12}', 'not_equal'],
    ['0', '10^{-20}x', 'not_equal'],
    // A red team of stop 40: 0 at the integers but not between them, and constants of 1e-12.
    ['0', '10^{-10}(x-\\lfloor x\\rfloor)', 'not_equal'],
    ['0', '10^{-60}(x-1)(x-2)(x-3)(x-4)(x-5)(x-6)(x-7)', 'not_equal'],
    ['0', '(x+10^{-6})^2 - x^2 - 2\\cdot10^{-6}x', 'not_equal'],
    // 0 wherever defined (graders' round 15: sympy's and symengine's tests).
    ['0', 'x**y - x**y', 'equal'],
    // Rounding leaves no exact zeros far out (1000.25): a trigonometric identity stays undecided.
    ['0', '-sin(x) + cos(x)*tan(x)', 'undecidable'],
    // A red team of stop 40: steps on a 1/8 grid, a kink beyond the points, an overflowed divisor.
    ['0', '10^{-10}(8x-\\lfloor 8x\\rfloor)', 'not_equal'],
    ['0', '10^{-12}\\max(0,x-8)', 'not_equal'],
    ['0', '\\frac{x^x-1}{10^{320}}', 'undecidable'],
    ['0', '\\sqrt{x}-\\sqrt{x}+10^{-300}', 'undecidable'],
  ])('%s against %s is %s', (gold, response, verdict) => {
    expect(verifyAnswer(gold, response).verdict).toBe(verdict);
  });
});
