import { describe, expect, it } from 'vitest';
import { logFactorial, logMagnitude } from './evaluate-log.js';
import { parseLatexFast } from './parse-latex-fast.js';

function logOf(latex: string) {
  const json = parseLatexFast(latex);
  if (json === undefined) throw new Error(`does not parse: ${latex}`);
  return logMagnitude(json);
}

describe('logFactorial', () => {
  it('matches ln(n!) computed by summing logs', () => {
    for (const n of [0, 1, 5, 20, 21, 100, 2004]) {
      let sum = 0;
      for (let k = 2; k <= n; k++) sum += Math.log(k);
      expect(logFactorial(n)).toBeCloseTo(sum, 9);
    }
  });
});

describe('logMagnitude', () => {
  it('holds values far beyond double range', () => {
    // 1/2006! = 1/2004! / (2005 * 2006): the logs differ by ln(2005 * 2006) = 15.2166...
    const small = logOf('\\frac{1}{2004!}');
    const smaller = logOf('\\frac{1}{2006!}');
    expect(small?.negative).toBe(false);
    expect((small?.log ?? 0) - (smaller?.log ?? 0)).toBeCloseTo(Math.log(2005 * 2006), 9);
    // 2^{-3000}: log = -3000 ln 2 = -2079.44...
    expect(logOf('2^{-3000}')?.log).toBeCloseTo(-3000 * Math.LN2, 9);
    expect(logOf('-\\frac{3}{5}\\cdot 10^{-400}')).toEqual({
      log: expect.closeTo(Math.log(0.6) - 400 * Math.LN10, 9),
      negative: true,
    });
  });

  it('gives no log for zero, for a negative base under a fractional power, and for unknown symbols', () => {
    expect(logOf('1 - 1')).toBeUndefined();
    expect(logOf('(-8)^{1/3}')).toBeUndefined();
    expect(logOf('x^2')).toBeUndefined();
  });
});
