import { describe, expect, it } from 'vitest';
import { jsonUnrounded, writtenUnrounded } from './exact-rationals.js';
import { verifyAnswer } from './verify.js';

const verdict = (gold: string, response: string) => verifyAnswer(gold, response).verdict;

describe('writtenUnrounded / jsonUnrounded', () => {
  it('tells a decimal point from integers, fractions and a full stop', () => {
    expect(writtenUnrounded('\\frac{1}{3}')).toBe(true);
    expect(writtenUnrounded('99999999/10^8')).toBe(true);
    expect(writtenUnrounded('0.333333')).toBe(false);
    expect(writtenUnrounded('.5')).toBe(false);
    expect(jsonUnrounded(['Divide', 1, ['Power', 10, 8]])).toBe(true);
    expect(jsonUnrounded(['Add', ['Divide', 1, 3], 0.25])).toBe(false);
    expect(jsonUnrounded(['Add', 1, { num: '0.5' }])).toBe(false);
  });
});

describe('exact rationals compared exactly', () => {
  it('two fractions that differ are not equal however close', () => {
    expect(verdict('99999999/10^8', '99999998/99999999')).toBe('not_equal');
    expect(verdict('\\frac{1}{3}', '\\frac{333333}{1000000}')).toBe('not_equal');
    expect(verdict('5', '\\frac{10^{100}+5}{10^{100}+1}+4')).toBe('not_equal');
  });
  it('the same rational in another form, and decimals under the precision rules, stay equal', () => {
    expect(verdict('\\frac{1}{3}', '\\frac{2}{6}')).toBe('equal');
    expect(verdict('\\frac{1}{3}', '0.333333')).toBe('equal');
    expect(verdict('1/3', '0.3333')).toBe('equal');
    expect(verdict('1/3', '0.3')).toBe('not_equal');
    expect(verdict('99999999/10^8', '0.99999999')).toBe('equal');
  });
});

describe('an exact 0 against an underflowing constant', () => {
  it('is not equal when the constant only underflowed', () => {
    expect(verdict('0', 'e^{-1000}')).toBe('not_equal');
    expect(verdict('e^{-1000}', '0')).toBe('not_equal');
    expect(verdict('0', '\\frac{1}{2004!}')).toBe('not_equal');
  });
  it('keeps small values within double range and true zeros as they were', () => {
    expect(verdict('0.001', '10^{-3}')).toBe('equal');
    expect(verdict('0', '\\sin(\\pi)')).toBe('equal');
    expect(verdict('0', '0 \\cdot e^{-1000}')).toBe('equal');
    expect(verdict('e^{-1000}', '\\frac{1}{e^{1000}}')).toBe('equal');
  });
});
