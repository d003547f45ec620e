import { describe, expect, it } from 'vitest';
import {
  addPrediction,
  bestThreshold,
  emptyProcessBenchCounts,
  firstStepBelow,
  processBenchScore,
  thresholdSweep,
} from './processbench-metrics.js';

describe('ProcessBench metrics', () => {
  it('predicts the first step below the threshold, -1 when none', () => {
    expect(firstStepBelow([0.9, 0.4, 0.2], 0.5)).toBe(1);
    expect(firstStepBelow([0.9, null, 0.7], 0.5)).toBe(-1);
  });

  it('computes both accuracies and their harmonic mean by hand', () => {
    const counts = emptyProcessBenchCounts();
    addPrediction(counts, 2, 2); // error sample, right
    addPrediction(counts, 1, 3); // error sample, wrong step
    addPrediction(counts, -1, -1); // correct sample, right
    addPrediction(counts, -1, 0); // correct sample, false alarm
    addPrediction(counts, -1, -1); // correct sample, right
    const score = processBenchScore(counts);
    expect(score.accError).toBe(0.5);
    expect(score.accCorrect).toBeCloseTo(2 / 3, 12);
    expect(score.f1).toBeCloseTo((2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3), 12); // 4/7
  });

  it('sweeps thresholds and picks the best on the tuning split', () => {
    const samples = [
      { label: 1, stepScores: [0.9, 0.3] },
      { label: -1, stepScores: [0.8, 0.6] },
    ];
    const sweep = thresholdSweep(samples, [0.2, 0.5, 0.7]);
    expect(sweep.map((point) => point.f1)).toEqual([0, 1, 0]);
    expect(bestThreshold(sweep)).toBe(0.5);
  });
});
