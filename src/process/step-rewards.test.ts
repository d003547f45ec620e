import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discountedReturns } from './returns.js';
import { clipRewards, deltaRewards, progressRewards } from './step-rewards.js';

const scoreArrays = fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 });

describe('step rewards', () => {
  it('progress is the change of value each step caused, by hand', () => {
    const rewards = progressRewards([0.5, 0.7, 0.2], 0.4);
    expect(rewards[0]).toBeCloseTo(0.1, 12);
    expect(rewards[1]).toBeCloseTo(0.2, 12);
    expect(rewards[2]).toBeCloseTo(-0.5, 12);
  });

  it('progress telescopes to final value minus initial value (property)', () => {
    fc.assert(
      fc.property(scoreArrays, fc.double({ min: -1, max: 1, noNaN: true }), (values, initial) => {
        const sum = progressRewards(values, initial).reduce((total, value) => total + value, 0);
        expect(sum).toBeCloseTo((values[values.length - 1] as number) - initial, 9);
      }),
    );
  });

  it('delta gives r_t - r_{t+1} and keeps the last, by hand', () => {
    const rewards = deltaRewards([0.9, 0.4, 0.8]);
    expect(rewards[0]).toBeCloseTo(0.5, 12);
    expect(rewards[1]).toBeCloseTo(-0.4, 12);
    expect(rewards[2]).toBeCloseTo(0.8, 12);
  });

  it('the undiscounted return of delta rewards from step t is r_t (property)', () => {
    fc.assert(
      fc.property(scoreArrays, (rewards) => {
        discountedReturns(deltaRewards(rewards), 1).forEach((value, index) => {
          expect(value).toBeCloseTo(rewards[index] as number, 9);
        });
      }),
    );
  });

  it('clip gives min(r - eta, 0), by hand', () => {
    expect(clipRewards([0.9, 0.4, 0.5], 0.5).map((value) => Number(value.toFixed(12)))).toEqual([0, -0.1, 0]);
  });
});
