import { describe, expect, it } from 'vitest';
import { endBeforeCondition } from './condition-clause.js';

const at = (text: string) => endBeforeCondition(text, text.length - 1);

describe('endBeforeCondition', () => {
  it('finds the value stated before a condition on a name', () => {
    expect(at('We get 4 if x is 2')).toBe(8);
    expect(at('The area is 4 when x = 2')).toBe(13);
    expect(at('so 12, where n = 3')).toBe(5);
  });
  it('leaves a lone condition and conditions on quantities alone', () => {
    expect(at('Suppose x = 2')).toBeUndefined();
    expect(at('He pays 12 dollars if he buys 3')).toBeUndefined();
    expect(at('We get 4 and 2')).toBeUndefined();
    expect(at('1000 + 1000 X/100 = 1,100 if X = 10')).toBeUndefined();
  });

  it('reads where an extremum is taken as its condition', () => {
    expect(at('The maximum value is 5, achieved at x = 2')).toBe('The maximum value is 5'.length);
    // A bare "at" may be what is asked: "The velocity is 0 at t = 2" answers when.
    expect(at('The velocity is 0 at t = 2')).toBeUndefined();
  });

  it('reads letters set equal, an opening parenthesis and the words of equality (stop 36)', () => {
    expect(at('The minimum value is 18, attained at x = y = 3')).toBe('The minimum value is 18'.length);
    expect(at('The least value is 18 (when n = 4')).toBe('The least value is 18'.length);
    expect(at('The minimum is 18, with equality when a = b = 3')).toBe('The minimum is 18'.length);
    expect(at('The minimum is 18, which occurs when x = 3')).toBe('The minimum is 18'.length);
    expect(at('The minimum is 18, and equality holds if x = 3')).toBe('The minimum is 18'.length);
  });

  it('reads no stated value that is itself offered beside another (stop 36)', () => {
    expect(at('Thus 17 (or 19, which occurs when x = 3')).toBeUndefined();
    expect(at('It is 17 or 19, attained at x = 3')).toBeUndefined();
  });
});
