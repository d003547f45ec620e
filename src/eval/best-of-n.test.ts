import { describe, expect, it } from 'vitest';
import { bestOfNCurve, binomialRatio, expectedBestOf, passAtK } from './best-of-n.js';
import { binIndex, brierScore, expectedCalibrationError, reliabilityBins } from './calibration.js';

describe('best-of-N', () => {
  it('computes unbiased pass@k by hand', () => {
    // n = 4, c = 1: pass@2 = 1 - C(3,2)/C(4,2) = 1 - 3/6
    expect(passAtK(4, 1, 2)).toBeCloseTo(0.5, 12);
    expect(passAtK(4, 0, 2)).toBe(0);
    expect(passAtK(4, 3, 2)).toBe(1);
  });

  it('averages best-of-k over every subset with ties split', () => {
    const candidates = [
      { score: 0.9, correct: false },
      { score: 0.5, correct: true },
      { score: 0.5, correct: false },
      { score: 0.1, correct: true },
    ];
    // k = 2, 6 subsets: any with the 0.9 one (3) picks wrong; {b,c} tie -> 0.5; {b,d} -> 1; {c,d} -> 0.
    expect(expectedBestOf(candidates, 2, (c) => (c.correct ? 1 : 0))).toBeCloseTo(1.5 / 6, 12);
    // k = 1: the mean of all.
    expect(expectedBestOf(candidates, 1, (c) => (c.correct ? 1 : 0))).toBeCloseTo(0.5, 12);
    const [one, two, four] = bestOfNCurve([candidates], [1, 2, 4]);
    expect(one?.accuracy).toBeCloseTo(0.5, 12);
    expect(two?.proxy).toBeCloseTo((3 * 0.9 + 0.5 + 0.5 + 0.5) / 6, 12);
    expect(four?.accuracy).toBe(0);
  });
});

describe('calibration', () => {
  it('computes Brier and ECE by hand', () => {
    const predictions = [
      { probability: 0.9, correct: true },
      { probability: 0.8, correct: false },
      { probability: 0.2, correct: false },
      { probability: 0.1, correct: false },
    ];
    expect(brierScore(predictions)).toBeCloseTo((0.01 + 0.64 + 0.04 + 0.01) / 4, 12);
    const bins = reliabilityBins(predictions, 2);
    // [0, 0.5): conf 0.15, acc 0; [0.5, 1]: conf 0.85, acc 0.5 -> ECE = 0.5*0.15 + 0.5*0.35
    expect(bins[1]?.accuracy).toBe(0.5);
    expect(expectedCalibrationError(bins)).toBeCloseTo(0.25, 12);
  });

  it('bins right-closed as Guo et al. define I_m = ((m-1)/M, m/M], with 0 in the first bin', () => {
    // M = 10: 0.3 lies in (0.2, 0.3] (bin 2), not (0.3, 0.4]; 0.30000000000000004 is just above 0.3.
    expect(binIndex(0.3, 10)).toBe(2);
    expect(binIndex(0.30000000000000004, 10)).toBe(3);
    expect(binIndex(0, 10)).toBe(0);
    expect(binIndex(0.05, 10)).toBe(0);
    expect(binIndex(0.1, 10)).toBe(0);
    expect(binIndex(1, 10)).toBe(9);
    expect(binIndex(0.7, 10)).toBe(6);
    // M = 2, p = 0.5 sits in the first bin (0, 0.5]: conf 0.5 acc 1 and conf 1 acc 0 -> ECE = 0.5*0.5 + 0.5*1.
    const edge = reliabilityBins(
      [
        { probability: 0.5, correct: true },
        { probability: 1, correct: false },
      ],
      2,
    );
    expect(edge.map((bin) => bin.count)).toEqual([1, 1]);
    expect(expectedCalibrationError(edge)).toBeCloseTo(0.75, 12);
  });
});

describe('binomialRatio', () => {
  it('is C(m, k) / C(n, k) without overflow', () => {
    expect(binomialRatio(3, 4, 2)).toBeCloseTo(3 / 6, 15);
    expect(binomialRatio(1, 4, 2)).toBe(0);
    // C(1500, 700) / C(2000, 700) overflows as binomials; the product stays finite and positive.
    const ratio = binomialRatio(1500, 2000, 700);
    expect(Number.isFinite(ratio) && ratio > 0 && ratio < 1e-50).toBe(true);
  });
});
