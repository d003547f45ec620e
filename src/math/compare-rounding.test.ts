import { describe, expect, it } from 'vitest';
import { verifyAnswer } from './verify.js';

const verdict = (gold: string, pred: string) => verifyAnswer(gold, `\\boxed{${pred}}`).verdict;

describe('compareRoundedDecimal: significant digits of a predicted decimal', () => {
  it('reads a decimal with two or more significant digits as a rounding', () => {
    expect(verdict('\\frac{1}{3}', '0.33')).toBe('equal');
    expect(verdict('\\frac{1}{300}', '0.0033')).toBe('equal');
    expect(verdict('\\pi', '3.14')).toBe('equal');
  });

  it('never reads zeros, or one significant digit, as a rounding of a small value', () => {
    expect(verdict('\\frac{1}{300}', '0.00')).toBe('not_equal');
    expect(verdict('\\frac{1}{300}', '0.003')).toBe('not_equal');
    expect(verdict('\\frac{\\pi}{1000}', '0.003')).toBe('not_equal');
    expect(verdict('\\frac{\\pi}{1000}', '0.000')).toBe('not_equal');
  });

  it('still lets a gold written to few places stand for the exact value that rounds to it', () => {
    expect(verdict('0.003', '\\frac{\\pi}{1000}')).toBe('equal');
  });
});

describe('compareRoundedDecimal: printouts against short decimals', () => {
  // The early exit for two short finite decimals must leave these to the rule (review of the
  // speed round: an 11-character printout without a leading zero slipped through it).
  it('reads a printout of ten places, written with or without a leading zero, as the value it rounds to', () => {
    expect(verdict('.1234567891', '0.12')).toBe('equal');
    expect(verdict('0.1234567891', '0.12')).toBe('equal');
    expect(verdict('0.3', '.3000000001')).toBe('equal');
    expect(verdict('.2999999999', '0.3')).toBe('equal');
  });

  it('keeps two short decimals exact', () => {
    expect(verdict('18.00', '18')).toBe('equal');
    expect(verdict('18.5', '18.50')).toBe('equal');
    expect(verdict('18.5', '18.49')).toBe('not_equal');
    expect(verdict('0.125', '0.12')).toBe('not_equal');
  });
});

describe('compareRoundedDecimal: one float printed twice', () => {
  it('two full printouts a unit of the last bit apart are one value', () => {
    expect(verdict('0.6666666666666666', '0.6666666666666667')).toBe('equal');
    expect(verdict('0.3333333333333333', '0.33333333333333337')).toBe('equal');
  });

  it('printouts further apart, or exact decimals of a large number, stay different', () => {
    expect(verdict('0.6666666666666666', '0.6666666666666676')).toBe('not_equal');
    expect(verdict('123456789012345.6', '123456789012345.7')).toBe('not_equal');
  });
});

describe('compareRoundedDecimal: printouts are fractions of at most 17 digits', () => {
  it('leaves integers written with .0 and longer numbers exact', () => {
    expect(verdict('12345678901234567.0', '12345678901234568.0')).toBe('not_equal');
    expect(verdict('100000000000000000000.5', '100000000000000000001.5')).toBe('not_equal');
  });
});
