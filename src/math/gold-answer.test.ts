import { describe, expect, it } from 'vitest';
import { verifyAnswer } from './verify.js';

describe("the gold's reading (gold-answer.ts)", () => {
  it("reads Ape210K's mixed number `1(1/3)` as one and a third (real outputs round 20)", () => {
    expect(verifyAnswer('1(1/3)', '\\boxed{\\frac{4}{3}}').verdict).toBe('equal');
    expect(verifyAnswer('1(1/10)', 'The answer is 11/10.').verdict).toBe('equal');
    expect(verifyAnswer('-1(1/2)', '\\boxed{-1.5}').verdict).toBe('equal');
    expect(verifyAnswer('1(1/3)', '\\boxed{\\frac{1}{3}}').verdict).toBe('not_equal');
  });

  it('reads a response in the same notation the same way (red team of stop 44)', () => {
    expect(verifyAnswer('1(1/3)', '答：1(1/3)').verdict).toBe('equal');
    expect(verifyAnswer('1(1/3)', '\\boxed{2(1/3)}').verdict).toBe('not_equal');
  });

  it('leaves a product whose fraction is no proper fraction as written', () => {
    expect(verifyAnswer('2(3/2)', '\\boxed{3}').verdict).toBe('equal');
  });
});

describe('decimetres (real outputs round 20: `\\text{dm}^2` was read as d times m)', () => {
  it('reads dm as a unit of length', () => {
    expect(verifyAnswer('6.28', '\\boxed{6.28 \\text{ dm}^2}').verdict).toBe('equal');
    expect(verifyAnswer('80', '\\boxed{80 \\, \\text{dm}^3}').verdict).toBe('equal');
    expect(verifyAnswer('7\\text{ dm}', '\\boxed{7 \\text{ m}}').verdict).toBe('not_equal');
  });
});
