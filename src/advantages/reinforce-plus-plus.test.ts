import { describe, expect, it } from 'vitest';
import { reinforcePlusPlusAdvantages, reinforcePlusPlusBaselineAdvantages } from './reinforce-plus-plus.js';

describe('reinforcePlusPlusAdvantages', () => {
  it('whitens one-token responses over the batch with the unbiased variance, by hand', () => {
    // mean 0.6, unbiased var (3 * 0.16 + 2 * 0.36) / 4 = 0.3
    const rows = reinforcePlusPlusAdvantages([1, 0, 0, 1, 1]);
    expect(rows[0]?.[0]).toBeCloseTo(0.4 / Math.sqrt(0.3 + 1e-8), 9);
    expect(rows[1]?.[0]).toBeCloseTo(-0.6 / Math.sqrt(0.3 + 1e-8), 9);
  });

  it('discounts over tokens and whitens every token of the batch, by hand', () => {
    // rows [[0.5, 1], [0]]: pool mean 0.5, unbiased var 0.25
    const rows = reinforcePlusPlusAdvantages([1, 0], [2, 1], {
      gamma: 0.5,
      whiten: { convention: 'unbiased', epsilon: 0 },
    });
    expect(rows).toEqual([[0, 1], [-1]]);
  });

  it('refuses to whiten a single value', () => {
    expect(() => reinforcePlusPlusAdvantages([1])).toThrow(/at least 2 values/);
  });
});

describe('reinforcePlusPlusBaselineAdvantages', () => {
  it('subtracts the group mean, then whitens over the batch, by hand', () => {
    // centered [0.5, -0.5, 1] (group of one: mean 0); pool mean 1/3, unbiased var 21/36
    const rows = reinforcePlusPlusBaselineAdvantages([1, 0, 1], ['a', 'a', 'b']);
    const scale = 1 / Math.sqrt(21 / 36 + 1e-8);
    expect(rows[0]?.[0]).toBeCloseTo((0.5 - 1 / 3) * scale, 9);
    expect(rows[1]?.[0]).toBeCloseTo((-0.5 - 1 / 3) * scale, 9);
    expect(rows[2]?.[0]).toBeCloseTo((1 - 1 / 3) * scale, 9);
  });
});
