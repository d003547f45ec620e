import { describe, expect, it } from 'vitest';
import { negativeF1, positiveF1, prmScore, processConfusion, summarizePrmBench } from './prmbench-metrics.js';

describe('PRMBench metrics', () => {
  it('counts correct steps as positives', () => {
    // steps 0..4, errors at 2 and 3; the model calls 1 and 3 invalid.
    const confusion = processConfusion([2, 3], [true, false, true, false, true]);
    expect(confusion).toEqual({ tp: 2, fp: 1, tn: 1, fn: 1 });
  });

  it('computes F1, negative F1 and PRMScore by hand', () => {
    const confusion = { tp: 6, fp: 2, tn: 3, fn: 1 };
    // P = 6/8, R = 6/7, F1 = 2*0.75*(6/7)/(0.75+6/7) = 0.8
    expect(positiveF1(confusion)).toBeCloseTo(0.8, 12);
    // Pn = 3/4, Rn = 3/5, F1n = 2*0.75*0.6/1.35 = 2/3
    expect(negativeF1(confusion)).toBeCloseTo(2 / 3, 12);
    expect(prmScore(confusion)).toBeCloseTo(0.5 * 0.8 + 0.5 * (2 / 3), 12);
    expect(prmScore(confusion, 'multi_solutions')).toBeCloseTo(0.8, 12);
  });

  it('keeps PRMBench sentinels: a PRM that calls every step valid scores 0.5*F1 - 0.5, floored at 0', () => {
    // All valid: TN = FN = 0, so negative precision is -1 (undefined) and negative recall 0: F1_neg = 2*(-1)*0/(-1) = 0.
    const allValid = { tp: 8, fp: 2, tn: 0, fn: 0 };
    const f1 = (2 * 0.8 * 1) / 1.8;
    expect(positiveF1(allValid)).toBeCloseTo(f1, 12);
    expect(negativeF1(allValid)).toBeCloseTo(0, 12);
    expect(prmScore(allValid)).toBeCloseTo(0.5 * f1, 12);
    expect(prmScore({ tp: 0, fp: 0, tn: 0, fn: 3 })).toBe(0);
  });

  it('leaves the correct class out of the overall score and averages groups', () => {
    const summary = summarizePrmBench(
      new Map([
        ['correct', { tp: 0, fp: 0, tn: 0, fn: 10 }],
        ['redundency', { tp: 6, fp: 2, tn: 3, fn: 1 }],
        ['circular', { tp: 6, fp: 2, tn: 3, fn: 1 }],
      ]),
    );
    expect(summary.overallConfusion).toEqual({ tp: 12, fp: 4, tn: 6, fn: 2 });
    expect(summary.overall).toBeCloseTo(0.5 * 0.8 + 0.5 * (2 / 3), 12);
    expect(summary.byGroup['simplicity']).toBeCloseTo(0.5 * 0.8 + 0.5 * (2 / 3), 12);
    expect(summary.byGroup['soundness']).toBeUndefined();
  });
});
