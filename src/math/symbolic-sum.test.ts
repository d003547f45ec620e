import { describe, expect, it } from 'vitest';
import { polynomialSumAt } from './symbolic-sum.js';
import { verifyAnswer } from './verify.js';

describe('polynomialSumAt', () => {
  it('is the closed form of a polynomial summand at a non-integer bound', () => {
    // Σ_{k=1}^{n} k = n(n+1)/2; at n = 2.5: 2.5 * 3.5 / 2 = 4.375.
    expect(polynomialSumAt((k) => k, 1, 2.5)).toBeCloseTo(4.375, 9);
    // Σ_{k=1}^{n} k^2 = n(n+1)(2n+1)/6; at n = 1.5: 1.5 * 2.5 * 4 / 6 = 2.5.
    expect(polynomialSumAt((k) => k * k, 1, 1.5)).toBeCloseTo(2.5, 9);
    // Σ_{k=0}^{n} (2k+1) = (n+1)^2; at n = 0.2: 1.44.
    expect(polynomialSumAt((k) => 2 * k + 1, 0, 0.2)).toBeCloseTo(1.44, 9);
    // A constant summand c from 1 to n: c n.
    expect(polynomialSumAt(() => 3, 1, 4.25)).toBeCloseTo(12.75, 9);
  });

  it('agrees with the plain sum at integer bounds', () => {
    expect(polynomialSumAt((k) => k ** 3, 1, 10)).toBeCloseTo(3025, 6);
  });

  it('is undefined when the summand is no polynomial in the index', () => {
    expect(polynomialSumAt((k) => 2 ** k, 1, 2.5)).toBeUndefined();
    expect(polynomialSumAt((k) => 1 / k, 1, 2.5)).toBeUndefined();
    expect(polynomialSumAt(() => undefined, 1, 2.5)).toBeUndefined();
  });

  it('is undefined when the summand is a polynomial only on the first terms', () => {
    // k + floor(k / 17) is k for k < 17: the first 15 partial sums are n(n+1)/2, the rest are not.
    expect(polynomialSumAt((k) => k + Math.floor(k / 17), 1, 2.5)).toBeUndefined();
    expect(polynomialSumAt((k) => k + Math.floor(k / 500), 1, 2.5)).toBeUndefined();
    // A polynomial of high degree still passes the checks far out: (1-3+2) + (512-48+2) + (19683-243+2).
    expect(polynomialSumAt((k) => k ** 9 - 3 * k ** 4 + 2, 1, 3)).toBeCloseTo(19_908, 3);
  });

  it('never scores a summand that agrees with the gold on the first terms only', () => {
    const gold = '\\frac{n(n+1)}{2}';
    expect(verifyAnswer(gold, '$\\boxed{\\sum_{k=1}^{n} k}$').verdict).toBe('equal');
    expect(verifyAnswer(gold, '$\\boxed{\\sum_{k=1}^{n} (k + \\lfloor k/17 \\rfloor)}$').verdict).not.toBe(
      'equal',
    );
  });
});
