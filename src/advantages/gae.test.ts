import { describe, expect, it } from 'vitest';
import { gaeAdvantages } from './gae.js';

describe('gaeAdvantages', () => {
  it('runs the lastgaelam recursion with gamma = lambda = 1, by hand', () => {
    // t=1: delta = 1 + 0 - 0.8 = 0.2; t=0: delta = 0 + 0.8 - 0.5 = 0.3, A_0 = 0.3 + 0.2
    const result = gaeAdvantages([[0, 1]], [[0.5, 0.8]], { gamma: 1, lambda: 1, whiten: false });
    expect(result.advantages[0]?.[0]).toBeCloseTo(0.5, 12);
    expect(result.advantages[0]?.[1]).toBeCloseTo(0.2, 12);
    expect(result.returns[0]?.[0]).toBeCloseTo(1, 12);
    expect(result.returns[0]?.[1]).toBeCloseTo(1, 12);
  });

  it('discounts with gamma and lambda, by hand', () => {
    // t=0: delta = 0.9 * 0.8 - 0.5 = 0.22; A_0 = 0.22 + 0.9 * 0.5 * 0.2 = 0.31
    const result = gaeAdvantages([[0, 1]], [[0.5, 0.8]], { gamma: 0.9, lambda: 0.5, whiten: false });
    expect(result.advantages[0]?.[0]).toBeCloseTo(0.31, 12);
    expect(result.returns[0]?.[0]).toBeCloseTo(0.81, 12);
  });

  it('whitens the advantages over every step of the batch but not the returns', () => {
    const result = gaeAdvantages([[0, 1], [0]], [[0.5, 0.8], [0.1]]);
    // raw advantages [0.5, 0.2] and [-0.1]: mean 0.2, unbiased var (0.09 + 0 + 0.09) / 2 = 0.09
    expect(result.advantages[0]?.[0]).toBeCloseTo(0.3 / Math.sqrt(0.09 + 1e-8), 9);
    expect(result.advantages[1]?.[0]).toBeCloseTo(-0.3 / Math.sqrt(0.09 + 1e-8), 9);
    expect(result.returns[1]?.[0]).toBeCloseTo(0, 12);
  });
});
