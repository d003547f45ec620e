import { describe, expect, it } from 'vitest';
import { comparesStatedAnswer } from './comparison-clause.js';

/** The test of the last number `number` against the math span that ends at the first `$, `. */
function check(text: string, number: string): boolean {
  const answerEnd = text.indexOf('$,') + 1;
  const numberEnd = text.lastIndexOf(number) + number.length;
  return comparesStatedAnswer(text, answerEnd, number, numberEnd);
}

describe('comparesStatedAnswer', () => {
  it('is true for a number in a relative clause followed by a comparative', () => {
    expect(check('The sofa costs $\\$125$, which is 25 more than the chair.', '25')).toBe(true);
    expect(check('She is $12$, which is 3 years older than her brother.', '3')).toBe(true);
    expect(check('The area is $48$, that is 4 times the small one.', '4')).toBe(true);
    expect(check('It costs $\\$80$, which is $20 less than before.', '20')).toBe(true);
  });

  it('is false for a restatement, a new value, or a number far after the answer', () => {
    expect(check('The share is $\\frac{1}{4}$, which is 25 percent.', '25')).toBe(false);
    expect(check('First we get $12$, and then adding 5 gives 17.', '17')).toBe(false);
    expect(check('We find $x = 3$, so y is 25 more than x.', '25')).toBe(false);
  });
});
