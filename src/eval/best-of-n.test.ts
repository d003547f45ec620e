import { describe, expect, it } from 'vitest';
import { bestOfNCurve, expectedBestOf, passAtK } from './best-of-n.js';
import { brierScore, expectedCalibrationError, reliabilityBins } from './calibration.js';

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
});
