import { describe, expect, it } from 'vitest';
import { geometricSeries, geometricSumAt } from './geometric-sum.js';
import { verifyAnswer } from './verify.js';

describe('geometricSumAt', () => {
  it('is the closed form of a geometric summand at a non-integer bound', () => {
    // Σ_{k=0}^{n-1} 2^k = 2^n - 1: with upper n - 1 = 1.5 (n = 2.5), 2^2.5 - 1.
    expect(geometricSumAt((k) => 2 ** k, 0, 1.5)).toBeCloseTo(2 ** 2.5 - 1, 9);
    // Σ_{k=1}^{n} 3 * 2^(k-1) = 3 (2^n - 1); at n = 0.5: 3 (√2 - 1).
    expect(geometricSumAt((k) => 3 * 2 ** (k - 1), 1, 0.5)).toBeCloseTo(3 * (Math.SQRT2 - 1), 9);
    // Σ_{k=1}^{n} 2^-k = 1 - 2^-n; at n = 1.5.
    expect(geometricSumAt((k) => 2 ** -k, 1, 1.5)).toBeCloseTo(1 - 2 ** -1.5, 9);
  });

  it('agrees with the plain sum at an integer bound', () => {
    expect(geometricSumAt((k) => 3 ** k, 0, 4)).toBeCloseTo(1 + 3 + 9 + 27 + 81, 6);
  });

  it('is undefined for a summand that is not geometric', () => {
    expect(geometricSumAt((k) => 2 ** k + k, 0, 1.5)).toBeUndefined();
    expect(geometricSumAt((k) => 2 ** Math.floor(k / 2), 0, 1.5)).toBeUndefined();
    expect(geometricSumAt((k) => (-2) ** k, 0, 1.5)).toBeUndefined();
    expect(geometricSumAt(() => 5, 0, 1.5)).toBeUndefined();
    // Geometric on the first twelve terms only.
    expect(geometricSumAt((k) => (k > 30 ? 3 : 1) * 2 ** k, 0, 1.5)).toBeUndefined();
  });
});

describe('a geometric sum with a symbolic bound', () => {
  it.each([
    ['2^{n}-1', '\\sum_{k=0}^{n-1} 2^k'],
    ['1 - \\frac{1}{2^n}', '\\sum_{k=1}^{n} \\frac{1}{2^k}'],
    ['3^n - 1', '\\sum_{k=0}^{n-1} 2 \\cdot 3^k'],
  ])('gold %j, %j is equal', (gold, response) => {
    expect(verifyAnswer(gold, response).verdict).toBe('equal');
  });

  it.each([
    ['2^{n}', '\\sum_{k=0}^{n-1} 2^k'],
    ['2^{n+1}-1', '\\sum_{k=0}^{n-1} 2^k'],
    ['1 - \\frac{1}{2^{n+1}}', '\\sum_{k=1}^{n} \\frac{1}{2^k}'],
  ])('gold %j, %j is not equal', (gold, response) => {
    expect(verifyAnswer(gold, response).verdict).not.toBe('equal');
  });
});

describe('geometricSeries', () => {
  it('sums a convergent geometric series: a / (1 - r), hand-computed', () => {
    // 1 + 1/2 + 1/4 + ... = 1 / (1 - 1/2) = 2; 1 - 1/2 + 1/4 - ... = 1 / (1 + 1/2) = 2/3.
    expect(geometricSeries((n) => 2 ** -n, 0)).toBeCloseTo(2, 12);
    expect(geometricSeries((n) => (-0.5) ** n, 0)).toBeCloseTo(2 / 3, 12);
    // 3/10 + 3/100 + ... = (3/10) / (1 - 1/10) = 1/3.
    expect(geometricSeries((n) => 3 / 10 ** n, 1)).toBeCloseTo(1 / 3, 12);
  });

  it('sums nothing divergent or not geometric', () => {
    expect(geometricSeries((n) => 2 ** n, 0)).toBeUndefined();
    expect(geometricSeries((n) => 1 / n ** 2, 1)).toBeUndefined();
    expect(geometricSeries((n) => (-1) ** n, 0)).toBeUndefined();
  });

  it('decides an infinite geometric series against its value; other series stay undecided', () => {
    expect(verifyAnswer('2', '\\sum_{n=0}^{\\infty} \\frac{1}{2^n}').verdict).toBe('equal');
    expect(verifyAnswer('3', '\\sum_{n=0}^{\\infty} \\frac{1}{2^n}').verdict).toBe('not_equal');
    // compute-engine calls the series for e "different" from e: not a verdict.
    expect(verifyAnswer('e', '\\sum_{n = 0}^{\\infty} \\frac{1}{n!}').verdict).toBe('undecidable');
  });
});
