import { describe, expect, it } from 'vitest';
import { evaluateExact, polynomialDegree } from './evaluate-exact.js';
import { parseLatexFast } from './parse-latex-fast.js';
import { rationalToString } from './rational.js';

const exact = (latex: string) => {
  const json = parseLatexFast(latex);
  if (json === undefined) throw new Error(`not parsed: ${latex}`);
  const value = evaluateExact(json);
  return value === undefined ? undefined : rationalToString(value);
};

describe('evaluateExact', () => {
  it.each([
    ['\\gcd(12, 18)', '6'],
    ['lcm(4, 6)', '12'],
    ['\\binom{10}{3}', '120'],
    ['\\lfloor -3/2 \\rfloor', '-2'],
    ['\\lceil 7/2 \\rceil', '4'],
    ['-7 \\bmod 3', '2'],
    ['9!!', '945'],
    ['\\sum_{k=1}^{100} k', '5050'],
    ['\\prod_{k=1}^{4} \\frac{k}{k+1}', '1/5'],
    ['\\sum_{k=1}^{0} k', '0'],
  ])('%s is exactly %s', (latex, expected) => {
    expect(exact(latex)).toBe(expected);
  });

  it('sums a billion terms of a polynomial in closed form (Faulhaber by interpolation)', () => {
    // Hand-computed: n(n+1)/2 and n(n+1)(2n+1)/6 for n = 10^9.
    expect(exact('\\sum_{k=1}^{1000000000} k')).toBe('500000000500000000');
    expect(exact('\\sum_{k=1}^{1000000000} k^2')).toBe('333333333833333333500000000');
    // Σ_{k=3}^{10^6} (2k+1) = (10^6)(10^6+1) + 10^6 - 2 * (1 + 2) - 2 = 1000001999992.
    expect(exact('\\sum_{k=3}^{1000000} (2k+1)')).toBe('1000001999992');
  });

  it('gives up (undefined) instead of looping or allocating without bound', () => {
    expect(exact('\\sum_{k=1}^{1000000000} \\frac{1}{k}')).toBeUndefined();
    expect(exact('\\prod_{k=1}^{1000000000} k')).toBeUndefined();
    expect(exact('10^{10^{10}}')).toBeUndefined();
    expect(exact('9!!!!!!')).toBeUndefined();
    expect(exact('\\sum_{j=1}^{1000} \\sum_{k=1}^{1000} \\frac{1}{j+k}')).toBeUndefined();
    // A constant inner sum is a degree-0 body: 10^4 * (10^4 * 10001 / 2), in closed form.
    expect(exact('\\sum_{j=1}^{10000} \\sum_{k=1}^{10000} k')).toBe('500050000000');
  });

  it('finds polynomial degrees', () => {
    expect(polynomialDegree(['Add', ['Power', 'k', 3], ['Multiply', 2, 'k']], 'k')).toBe(3);
    expect(polynomialDegree(['Divide', 1, 'k'], 'k')).toBeUndefined();
    expect(polynomialDegree(['Power', 2, 'k'], 'k')).toBeUndefined();
  });
});
