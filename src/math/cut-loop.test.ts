import { describe, expect, it } from 'vitest';
import { isCutLoopNumber } from './cut-loop.js';
import { verifyAnswer } from './verify.js';

const atEnd = (text: string, number: string) => ({
  text: number,
  extractor: 'last_number' as const,
  end: text.trimEnd().length,
});

describe('isCutLoopNumber', () => {
  it('finds a number the cut left short of the loop it repeats', () => {
    const loop = `x = 1${' - 1/2'.repeat(12)} - 1`;
    expect(isCutLoopNumber(loop, atEnd(loop, '1'))).toBe(true);
    const decimals = `${'total 12.5, '.repeat(8)}total 12`;
    expect(isCutLoopNumber(decimals, atEnd(decimals, '12'))).toBe(true);
  });

  it('keeps a whole number the loop repeats, a number off the end and a text with no loop', () => {
    const whole = `${'The total is 18. '.repeat(6)}The total is 18`;
    expect(isCutLoopNumber(whole, atEnd(whole, '18'))).toBe(false);
    const digits = '3'.repeat(160);
    expect(isCutLoopNumber(digits, atEnd(digits, digits))).toBe(false);
    const short = 'so 2 + 3 = 5';
    expect(isCutLoopNumber(short, atEnd(short, '5'))).toBe(false);
    const prose = 'We add the two amounts together and then subtract the cost, which gives 41';
    expect(isCutLoopNumber(prose, atEnd(prose, '41'))).toBe(false);
  });

  it('finds it whatever read it, and with the point the cut left after it (red team of stop 44)', () => {
    const loop = `${'The answer is 1/2. '.repeat(6)}The answer is 1`;
    expect(isCutLoopNumber(loop, { ...atEnd(loop, '1'), extractor: 'answer_colon' })).toBe(true);
    const point = `${'total 12.5, '.repeat(8)}total 12.`;
    expect(isCutLoopNumber(point, { text: '12', extractor: 'last_number', end: point.length - 1 })).toBe(
      true,
    );
  });
});

describe('verifyAnswer on a loop cut by the token limit (real outputs round 20: mnluzimu/gsm8k-rft-llama7b-u13b_evaluation)', () => {
  it('pays no number the cut made', () => {
    const loop = `We simplify: 1/2 - 1/2${' - 1/2'.repeat(40)} - 1`;
    const outcome = verifyAnswer('1', loop);
    expect(outcome.verdict).toBe('undecidable');
    expect(outcome.failure).toBe('no_answer');
  });

  it('still reads an answer the loop repeats whole', () => {
    expect(verifyAnswer('18', `${'The total is 18. '.repeat(6)}The total is 18`).verdict).toBe('equal');
  });
});
