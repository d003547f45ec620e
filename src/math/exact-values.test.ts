import { describe, expect, it } from 'vitest';
import { verifyAnswer } from './verify.js';

const verdict = (gold: string, pred: string) => verifyAnswer(gold, `\\boxed{${pred}}`).verdict;

/** compare-number.ts (writtenExactly) and compare-expression.ts (mayApproximate). */
describe('exact values written without decimals are compared exactly', () => {
  it('does not call a rational near an integer equal to it', () => {
    expect(verdict('5', '\\frac{15000001}{3000000}')).toBe('not_equal');
    expect(verdict('5', '\\frac{10^{100}+5}{10^{100}+1}+4')).toBe('not_equal');
    expect(verdict('1', '\\frac{10^{20}+1}{10^{20}}')).toBe('not_equal');
  });

  it('keeps exact equality and the tolerance of written decimals', () => {
    expect(verdict('5', '\\frac{10}{2}')).toBe('equal');
    expect(verdict('5', '2+3')).toBe('equal');
    expect(verdict('\\frac{1}{3}', '0.333333')).toBe('equal');
    expect(verdict('\\frac{1}{3}', '0.333333 \\cdot 1')).toBe('equal');
  });
});
