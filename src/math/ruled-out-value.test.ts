import { describe, expect, it } from 'vitest';
import { endBeforeRuledOut, textBeforeRuledOut } from './ruled-out-value.js';

describe('endBeforeRuledOut', () => {
  it('finds the value stated before a ruled-out one', () => {
    expect(endBeforeRuledOut('40, not 50', 8)).toBe(2);
    expect(endBeforeRuledOut('It is 40 (not 50)', 14)).toBe(8);
    expect(endBeforeRuledOut('so 12 rather than 13', 18)).toBe(5);
    expect(endBeforeRuledOut('we get 7, but not 8', 18)).toBe(8);
    expect(endBeforeRuledOut('$40$, not $50$', 11)).toBe(3);
    expect(endBeforeRuledOut('$x = 40$, not $x = 50$', 19)).toBe(7);
  });
  it('leaves a lone negation and other prose alone', () => {
    expect(endBeforeRuledOut('It is not 50', 10)).toBeUndefined();
    expect(endBeforeRuledOut('40 and 50', 7)).toBeUndefined();
  });
});

describe('textBeforeRuledOut', () => {
  it('gives the text before the clause that rules out the value', () => {
    expect(textBeforeRuledOut('So it is ten, not nine.', 'nine')).toBe('So it is ten');
    expect(textBeforeRuledOut('It is ten (not nine)', 'nine')).toBe('It is ten');
    expect(textBeforeRuledOut('It is ten rather than nine', 'nine')).toBe('It is ten');
  });
  it('is undefined when the value is not the one ruled out', () => {
    expect(textBeforeRuledOut('It is nine, not ten', 'nine')).toBeUndefined();
    expect(textBeforeRuledOut('It is nine', 'nine')).toBeUndefined();
  });
});
