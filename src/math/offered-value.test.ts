import { describe, expect, it } from 'vitest';
import { endBeforeOfferedValue } from './offered-value.js';

/** endBeforeOfferedValue for the last occurrence of `offered` in `text`. */
function endBefore(text: string, offered: string): number | undefined {
  const start = text.lastIndexOf(offered);
  return endBeforeOfferedValue(text, start, start + offered.length);
}

describe('endBeforeOfferedValue', () => {
  it('finds the value stated before one offered in parentheses after "or"', () => {
    expect(endBefore('So 17 (or 19) apples.', '19')).toBe(5);
    expect(endBefore('She has 17 apples (or maybe 19 apples).', '19')).toBe(10);
    expect(endBefore('The share is 1/2 (or 0.5).', '0.5')).toBe(16);
    expect(endBefore('It costs 12 (or possibly $15).', '15')).toBe(11);
  });

  it('finds the value stated before one offered in a clause opened by "unless"', () => {
    expect(endBefore('She has 17 apples, unless it is 19.', '19')).toBe(10);
    expect(endBefore('The total is 40 unless the answer is 45.', '45')).toBe(15);
  });

  it('reads bold values, tuples, "(maybe", "(unless" and "or else", "otherwise", "alternatively" (red team of stop 33)', () => {
    expect(endBefore('So **17** (or **19**) apples.', '19')).toBe(7);
    expect(endBefore('The point is (3, 2), unless it is (2, 3).', '2, 3)')).toBe(19);
    expect(endBefore('She has 17 (maybe 19) apples.', '19')).toBe(10);
    expect(endBefore('17 (unless 19)', '19')).toBe(2);
    for (const words of ['or else', 'otherwise', 'alternatively', 'unless'])
      expect(endBefore(`17, ${words} 19`, '19')).toBe(2);
  });

  it('leaves a restatement in other units or as a percent, and a mixed number, to the old reading (red team of stop 33)', () => {
    expect(endBefore('So the trip takes 2 hours (or 120 minutes) in total.', '120')).toBeUndefined();
    expect(endBefore('She saves $1.50 (or 150 cents) this week.', '150')).toBeUndefined();
    expect(endBefore('The tank is 3/4 (or 75%) full.', '75%')).toBeUndefined();
    expect(endBefore('0.5, alternatively 50%.', '50%')).toBeUndefined();
    expect(endBefore('She needs 2 1/2 (or 2.5) cups.', '2.5')).toBeUndefined();
    // One unit, counted nouns, or a percent on both sides: still two values offered.
    expect(endBefore('So 17 apples (or 19 apples).', '19')).toBe(5);
    expect(endBefore('So 17 apples (or 19 cookies).', '19')).toBe(5);
    expect(endBefore('So 17% (or 19%).', '19%')).toBe(6);
  });

  it('leaves other parentheses and clauses alone', () => {
    // A parenthesis that does not close after the value, a calculation, a lone "(or 19)".
    expect(endBefore('So 17 (or 19 if we count the twins, which we do not).', '19')).toBeUndefined();
    expect(endBefore('So 17 (12 + 5) apples.', '5')).toBeUndefined();
    expect(endBefore('(or 19)', '19')).toBeUndefined();
    // "unless" with a condition, not a value: the last number is its own.
    expect(endBefore('She has 17 apples unless she eats 2.', '2')).toBeUndefined();
    // A ruled-out value is another rule's (ruled-out-value.ts).
    expect(endBefore('It is 40 (not 50).', '50')).toBeUndefined();
  });
});
