import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grpoAdvantages } from './grpo.js';

describe('grpoAdvantages', () => {
  it('divides by the unbiased group std plus 1e-6 (verl defaults), by hand', () => {
    // mean 0.5, unbiased std sqrt(4 * 0.25 / 3) = 0.5773503
    const advantages = grpoAdvantages([1, 0, 0, 1], ['a', 'a', 'a', 'a']);
    expect(advantages[0]).toBeCloseTo(0.5 / (0.5773503 + 1e-6), 6);
    expect(advantages[1]).toBeCloseTo(-0.5 / (0.5773503 + 1e-6), 6);
  });

  it('gives a group of one mean 0 and std 1, as verl does', () => {
    expect(grpoAdvantages([1], ['solo'])[0]).toBeCloseTo(1 / (1 + 1e-6), 12);
  });

  it('gives 0 to a group whose rewards are all equal', () => {
    expect(grpoAdvantages([1, 1, 1], ['a', 'a', 'a'])).toEqual([0, 0, 0]);
  });

  it('uses the biased std when asked', () => {
    // biased std of [1, 0] is 0.5
    const [first] = grpoAdvantages([1, 0], ['a', 'a'], { epsilon: 0, normalizeByStd: true, std: 'biased' });
    expect(first).toBeCloseTo(1, 12);
  });

  it('Dr. GRPO only subtracts the group mean; a group of one keeps its reward', () => {
    const advantages = grpoAdvantages([1, 0, 0, 0.3], ['a', 'a', 'a', 'b'], {
      epsilon: 1e-6,
      normalizeByStd: false,
      std: 'unbiased',
    });
    expect(advantages[0]).toBeCloseTo(2 / 3, 12);
    expect(advantages[1]).toBeCloseTo(-1 / 3, 12);
    expect(advantages[3]).toBeCloseTo(0.3, 12);
  });

  it('has zero mean within every group of two or more (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.double({ min: -5, max: 5, noNaN: true })), {
          minLength: 2,
          maxLength: 30,
        }),
        (pairs) => {
          const keys = pairs.map(([group]) => `g${group}`);
          const advantages = grpoAdvantages(
            pairs.map(([, reward]) => reward),
            keys,
          );
          for (const key of new Set(keys)) {
            const members = advantages.filter((_, index) => keys[index] === key);
            if (members.length < 2) continue;
            const sum = members.reduce((total, value) => total + value, 0);
            expect(Math.abs(sum)).toBeLessThan(1e-6 * members.length * 1e3);
          }
        },
      ),
    );
  });
});
