import { describe, expect, it } from 'vitest';
import { opposedBoundStated, twoSidedBound } from './two-sided-bound.js';

const proof =
  'First, we show that the answer is at least $2017^{98}$. Next, we show that the answer is at most $2017^{98}$.';

describe('twoSidedBound', () => {
  it('reads the value of a bound whose opposite bound is stated for it', () => {
    expect(twoSidedBound({ text: 'at most $2017^{98}$' }, proof)?.text).toBe('2017^{98}');
    expect(
      twoSidedBound({ text: 'no more than 5' }, 'It is not less than 5. And no more than 5.')?.text,
    ).toBe('5');
  });

  it('leaves a lone bound and bounds of other values alone', () => {
    expect(twoSidedBound({ text: 'at least 5' }, 'It is at least 5.')).toBeUndefined();
    expect(twoSidedBound({ text: 'at most 5' }, 'at least 50, then at most 5')).toBeUndefined();
    expect(twoSidedBound({ text: '5' }, proof)).toBeUndefined();
  });
});

describe('opposedBoundStated', () => {
  it('looks for the opposite bound only', () => {
    expect(opposedBoundStated('at least', '$2017^{98}$', proof)).toBe(true);
    expect(opposedBoundStated('at most', '2017^{98}', proof)).toBe(true);
    expect(opposedBoundStated('at least', '7', 'at least 7')).toBe(false);
    // Red team of stop 25: bounds of another quantity, value or condition prove no equality.
    expect(opposedBoundStated('at least', '5', 'The value is at most 5.5.')).toBe(false);
    expect(opposedBoundStated('at least', '5', 'It is at most $5\\sqrt{2}$.')).toBe(false);
    expect(opposedBoundStated('at least', '5', 'The answer is not at most 5.')).toBe(false);
    expect(opposedBoundStated('at least', '5', 'At most 5 people fit.')).toBe(false);
    expect(opposedBoundStated('at least', '5', 'It is at most 5 only if n is odd.')).toBe(false);
  });
});
