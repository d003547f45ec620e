import { describe, expect, it } from 'vitest';
import { withoutTrailingRemark } from './trailing-remark.js';
import { verifyAnswer } from './verify.js';

describe('withoutTrailingRemark', () => {
  it.each([
    ['5, obviously', '5'],
    ['$\\frac{1}{2}$, clearly.', '$\\frac{1}{2}$'],
    ['42, of course', '42'],
  ])('%j drops its remark', (phrase, expected) => {
    expect(withoutTrailingRemark(phrase)).toBe(expected);
  });

  it.each([
    '5, probably',
    '5, approximately',
    '5, or not',
    '5, six',
    '1, infinity',
    '5, even',
    '3, x',
    'A, B',
    '1, 2, obviously',
    'five, obviously',
    '5, 6',
    '5, no wait',
    'x, y and z',
    '3, xy',
    '5, wrong',
    '5, alternatively',
    '5, twice',
    '5, squared',
    '5, fifth',
    '5, supposedly',
    '5, not really',
  ])('%j stays as it is', (phrase) => {
    expect(withoutTrailingRemark(phrase)).toBe(phrase);
  });

  it('lets the stated answer score, and a hedge or another value still not', () => {
    expect(verifyAnswer('5', 'the final answer is 5, obviously').verdict).toBe('equal');
    expect(verifyAnswer('6', 'the final answer is 5, obviously').verdict).toBe('not_equal');
    expect(verifyAnswer('5', 'the final answer is 5, or maybe six').verdict).not.toBe('equal');
    expect(verifyAnswer('5', 'the final answer is 5, probably').verdict).not.toBe('equal');
    expect(verifyAnswer('5', 'the final answer is 5, 6').verdict).not.toBe('equal');
    expect(verifyAnswer('5', 'the final answer is 5, incorrect').verdict).not.toBe('equal');
    expect(verifyAnswer('5', 'the final answer is 5, minus').verdict).not.toBe('equal');
  });
});
