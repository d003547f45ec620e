import { describe, expect, it } from 'vitest';
import { parseNumberWords } from './number-words.js';

describe('parseNumberWords', () => {
  it.each([
    ['sixteen', '16'],
    ['Twenty-one', '21'],
    ['one hundred and five', '105'],
    ['three thousand two hundred', '3200'],
    ['two million five hundred thousand', '2500000'],
    ['a dozen', '12'],
    ['three dozen', '36'],
    ['minus four', '-4'],
    ['zero', '0'],
    ['one half', '1/2'],
    ['two thirds', '2/3'],
    ['two and a half', '5/2'],
    ['two and three hundredths', '203/100'],
    ['minus one and three quarters', '-7/4'],
    ['five eighths', '5/8'],
    ['one fourth', '1/4'],
    ['five point two', '5.2'],
    ['minus three point one four', '-3.14'],
    ['one hundredth', '1/100'],
  ])('%s is %s', (phrase, value) => {
    expect(parseNumberWords(phrase)).toBe(value);
  });

  it.each([
    'one of them',
    'sixteen apples',
    'Monday',
    '',
    'and',
    // Names an object literal inherits are no number words (once read as "1/function Object()...").
    'constructor',
    'one constructor',
    'valueOf',
    '16 sixteen',
    'fifth',
  ])('%j is not a number phrase', (phrase) => {
    expect(parseNumberWords(phrase)).toBeUndefined();
  });
});
