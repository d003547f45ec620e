import { describe, expect, it } from 'vitest';
import { gamma } from './gamma.js';

describe('gamma', () => {
  it('is the factorial one step on at integers', () => {
    expect(gamma(5)).toBeCloseTo(24, 10);
    expect(gamma(1)).toBeCloseTo(1, 12);
    expect(gamma(11)).toBeCloseTo(3628800, 4);
  });

  it('matches hand-computed values at half-integers, both sides of zero', () => {
    // Γ(1/2) = sqrt(π) = 1.7724538509; Γ(3/2) = sqrt(π)/2; Γ(-1/2) = -2 sqrt(π).
    expect(gamma(0.5)).toBeCloseTo(1.7724538509055159, 12);
    expect(gamma(1.5)).toBeCloseTo(0.886226925452758, 12);
    expect(gamma(-0.5)).toBeCloseTo(-3.5449077018110318, 11);
  });

  it('has poles at zero and the negative integers', () => {
    expect(gamma(0)).toBeNaN();
    expect(gamma(-3)).toBeNaN();
  });
});
