import { describe, expect, it } from 'vitest';
import { endsInDanglingOperator } from './dangling-operator.js';

/** Whether the text's last `number` is followed only by an open operator. */
function dangling(text: string, number: string): boolean {
  return endsInDanglingOperator(text, text.lastIndexOf(number) + number.length);
}

describe('endsInDanglingOperator', () => {
  it.each([
    ['1/70 + 1/71 + 1/', '1'],
    ['so the sum is 3 + ', '3'],
    ['x = 2 \\times', '2'],
    ['2 * 5 = 10 =', '10'],
  ])('%j: the last number is an open operand', (text, number) => {
    expect(dangling(text, number)).toBe(true);
  });

  it.each([
    ['The answer is 18.', '18'],
    ['The answer is 40+', '40'],
    ['We get 5', '5'],
    ['about 7 apples / day in total and more words after it', '7'],
  ])('%j: not cut off', (text, number) => {
    expect(dangling(text, number)).toBe(false);
  });
});
