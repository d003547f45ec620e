import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discountedReturns, minFormReturns } from './returns.js';

const rewardArrays = fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 1, maxLength: 15 });

describe('returns', () => {
  it('discounted return, by hand', () => {
    // G_2 = 1; G_1 = 0 + 0.5 * 1; G_0 = 2 + 0.5 * 0.5
    expect(discountedReturns([2, 0, 1], 0.5)).toEqual([2.25, 0.5, 1]);
  });

  it('min-form return, by hand', () => {
    expect(minFormReturns([0.9, 0.4, 0.8, 0.6])).toEqual([0.4, 0.4, 0.6, 0.6]);
  });

  it('min-form: G_0 is the min of all rewards, G is non-decreasing, G_T = r_T (property)', () => {
    fc.assert(
      fc.property(rewardArrays, (rewards) => {
        const returns = minFormReturns(rewards);
        expect(returns[0]).toBe(Math.min(...rewards));
        expect(returns[returns.length - 1]).toBe(rewards[rewards.length - 1]);
        for (let t = 1; t < returns.length; t++)
          expect(returns[t]).toBeGreaterThanOrEqual(returns[t - 1] as number);
      }),
    );
  });

  it('min-form cannot be raised by appending a step (property): summation can', () => {
    fc.assert(
      fc.property(rewardArrays, fc.double({ min: 0, max: 10, noNaN: true }), (rewards, extra) => {
        expect(minFormReturns([...rewards, extra])[0]).toBeLessThanOrEqual(
          minFormReturns(rewards)[0] as number,
        );
      }),
    );
    expect(discountedReturns([0.5, 1], 1)[0]).toBeGreaterThan(discountedReturns([0.5], 1)[0] as number);
  });
});
