import { describe, expect, it } from 'vitest';
import { hybridNormalize } from './hybrid-normalization.js';
import { lengthShapedRewards } from './length-shaping.js';
import { applyTransform } from './transforms.js';

describe('applyTransform', () => {
  it('preference as reward: sigmoid(r - r_ref), by hand', () => {
    expect(applyTransform(2, { type: 'sigmoid', reference: 2 })).toBe(0.5);
    expect(applyTransform(3, { type: 'sigmoid', reference: 2 })).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
  });

  it('tanh and clip are bounded', () => {
    expect(applyTransform(1e9, { type: 'tanh', scale: 1 })).toBe(1);
    expect(applyTransform(5, { type: 'clip', low: -1, high: 1 })).toBe(1);
    expect(applyTransform(-5, { type: 'clip', low: -1, high: 1 })).toBe(-1);
  });
});

describe('lengthShapedRewards', () => {
  it('pushes a mostly-correct group toward short answers, scaled by accuracy, by hand', () => {
    // group a: lengths 10, 20, 30; correct, correct, wrong -> acc 2/3; lambda 0.5, 0, -0.5
    const shaped = lengthShapedRewards([1, 1, 0], [10, 20, 30], ['a', 'a', 'a'], {
      alpha: 0.3,
      correct_threshold: 1,
    });
    expect(shaped[0]).toBeCloseTo(1 + 0.3 * (2 / 3) * 0.5, 12);
    expect(shaped[1]).toBeCloseTo(1, 12);
    expect(shaped[2]).toBeCloseTo(0.3 * (2 / 3) * -0.5, 12);
  });

  it('leaves an all-wrong group alone', () => {
    expect(lengthShapedRewards([0, 0], [5, 50], ['a', 'a'], { alpha: 1, correct_threshold: 1 })).toEqual([
      0, 0,
    ]);
  });
});

describe('hybridNormalize', () => {
  it('z-scores each stream before mixing, by hand', () => {
    // outcomes [1, 0]: z = +-0.7071; process [10, 30]: z = -+0.7071
    const mixed = hybridNormalize([1, 0], [10, 30], { outcome: 1, process: 1, epsilon: 0 });
    expect(mixed[0]).toBeCloseTo(0, 12);
    expect(mixed[1]).toBeCloseTo(0, 12);
    const outcomeOnly = hybridNormalize([1, 0], [10, 10], { outcome: 1, process: 1, epsilon: 0 });
    expect(outcomeOnly[0]).toBeCloseTo(Math.SQRT1_2, 12);
  });
});
