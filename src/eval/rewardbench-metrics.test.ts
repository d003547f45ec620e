import { describe, expect, it } from 'vitest';
import { bestOfWithTies, pairWon, rewardBenchSections, tiesScore } from './rewardbench-metrics.js';

describe('RewardBench metrics', () => {
  it('counts a tie as a lost pair', () => {
    expect(pairWon(1, 0)).toBe(1);
    expect(pairWon(1, 1)).toBe(0);
  });

  it('weights sections by example counts and averages sections', () => {
    const { sections, overall } = rewardBenchSections({
      'alpacaeval-easy': 1, // weight 100
      'mt-bench-easy': 0.5, // weight 28
      'math-prm': 0.5, // weight 984
      'hep-python': 1, // weight 164
    });
    expect(sections['Chat']).toBeCloseTo((100 * 1 + 28 * 0.5) / 128, 12);
    expect(sections['Reasoning']).toBeCloseTo((984 * 0.5 + 164) / 1148, 12);
    expect(overall).toBeCloseTo((114 / 128 + 656 / 1148) / 2, 12);
  });

  it('splits best-of-4 ties', () => {
    expect(bestOfWithTies(3, [1, 2, 0])).toBe(1);
    expect(bestOfWithTies(3, [3, 2, 3])).toBeCloseTo(1 / 3, 12);
    expect(bestOfWithTies(2, [3, 2, 0])).toBe(0);
  });

  it('scores the Ties subset by hand', () => {
    const ref = new Map([['1', { correct: [5], incorrect: [3, 4] }]]);
    const tied = new Map([['1', { correct: [5, 4.5], incorrect: [2] }]]);
    // ref: margin 5-4 = 1, accurate. tied: margin 4.5-2 = 2.5, spread 0.5, accurate.
    // preferred: 2.5 > 0.5 -> 1; hard: min(1, 2.5) = 1 > 0.5 -> 1; tanh(1/0.5 - 1) = tanh(1).
    expect(tiesScore(ref, tied)).toBeCloseTo(0.3 + 0.3 + 0.2 + 0.2 + 0.01 * Math.tanh(1), 12);
  });

  it('adds the prior sets at half weight, as the leaderboard averages them', () => {
    const { sections, overall } = rewardBenchSections({
      'alpacaeval-easy': 1, // Chat = 1
      'refusals-dangerous': 0.5, // Safety = 0.5
      anthropic_helpful: 0.6,
      shp: 0.8, // Prior Sets = 0.7 (anthropic_hhh and summarize absent)
      mtbench_human: 0.1, // a preference set the leaderboard does not weight
    });
    expect(sections['Prior Sets (0.5 weight)']).toBeCloseTo(0.7, 12);
    expect(overall).toBeCloseTo((2 * 1 + 2 * 0.5 + 0.7) / 5, 12);
  });

  it('leaves Ties undefined when no prompt has both a ref and a tied sample, and pools x/0 as numpy does', () => {
    expect(tiesScore(new Map([['1', { correct: [1], incorrect: [0] }]]), new Map())).toBeNull();
    // tied spread 0: margin / 0 = +Infinity, tanh(+Infinity) = 1.
    const ref = new Map([['2', { correct: [2], incorrect: [1] }]]);
    const tied = new Map([['2', { correct: [3, 3], incorrect: [1] }]]);
    expect(tiesScore(ref, tied)).toBeCloseTo(0.3 + 0.3 + 0.2 + 0.2 + 0.01, 12);
  });
});
