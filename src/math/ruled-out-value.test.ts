import { describe, expect, it } from 'vitest';
import {
  endBeforeRejectedValue,
  endBeforeRuledOut,
  isDiscardedValue,
  isRejectedSpan,
  textBeforeRuledOut,
} from './ruled-out-value.js';

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
  it("reads through a unit, a tuple's closing bracket and a dash, never a verb (red team of stop 33)", () => {
    expect(endBeforeRuledOut('There are 17 ways, not 16.', 23)).toBe(12);
    expect(endBeforeRuledOut('She has 17 apples rather than 19.', 30)).toBe(10);
    expect(endBeforeRuledOut('The point is (2, 3), not (3, 2).', 26)).toBe(19);
    expect(endBeforeRuledOut('The roots are 2 and 3 — not -2 and -3.', 28)).toBe(21);
    expect(endBeforeRuledOut('The remainder 4 is not 0.', 23)).toBeUndefined();
  });
  it('reads through an article or a possessive after the negation (red team of stop 34)', () => {
    expect(endBeforeRuledOut('It is 17, not the 16 I first guessed.', 18)).toBe(8);
    expect(endBeforeRuledOut('She has 12 rather than my 10.', 26)).toBe(10);
    expect(endBeforeRuledOut('**18** rather than **17**', 21)).toBe(4);
    expect(endBeforeRuledOut('It is not the 16 I guessed.', 14)).toBeUndefined();
  });
});

describe('textBeforeRuledOut', () => {
  it('gives the text before the clause that rules out the value', () => {
    expect(textBeforeRuledOut('So it is ten, not nine.', 'nine')).toBe('So it is ten');
    expect(textBeforeRuledOut('It is ten (not nine)', 'nine')).toBe('It is ten');
    expect(textBeforeRuledOut('It is ten rather than nine', 'nine')).toBe('It is ten');
    expect(textBeforeRuledOut('It is ten, not the nine I guessed', 'nine')).toBe('It is ten');
  });
  it('is undefined when the value is not the one ruled out', () => {
    expect(textBeforeRuledOut('It is nine, not ten', 'nine')).toBeUndefined();
    expect(textBeforeRuledOut('It is nine', 'nine')).toBeUndefined();
  });
});

describe('endBeforeRejectedValue', () => {
  /** Where the stated value ends when `rejected` (its last occurrence in `text`) is the rejected one. */
  const statedEnd = (text: string, rejected: string) => {
    const start = text.lastIndexOf(rejected);
    return endBeforeRejectedValue(text, start, start + rejected.length);
  };
  it('reads the value before a reason that discards the last one', () => {
    expect(statedEnd('x = 5, since x = -2 is not positive.', '-2')).toBe('x = 5'.length);
    expect(statedEnd('She has 14 left, because 4 is not hers.', '4')).toBe('She has 14'.length);
    expect(statedEnd('x = 3 since x = -1 does not satisfy the domain.', '-1')).toBe('x = 3'.length);
  });
  it('keeps a last value that nothing rejects or that no earlier value precedes', () => {
    expect(statedEnd('x = 5, since x = -2 works too.', '-2')).toBeUndefined();
    expect(statedEnd('Since x = -2 is not positive, we drop it.', '-2')).toBeUndefined();
  });
});

describe('isRejectedSpan', () => {
  it('is true for a span a reason or an aside rejects (red team of stop 35)', () => {
    const since = '$x = 18$ is the answer, since $x=-3$ is rejected.';
    expect(isRejectedSpan(since, since.indexOf('$x=-3'), since.indexOf(' is rejected'))).toBe(true);
    const aside = 'Hence $x = 18$ (the root $x = -2$ is extraneous).';
    expect(isRejectedSpan(aside, aside.indexOf('$x = -2'), aside.indexOf(' is extraneous'))).toBe(true);
  });
  it('is false without a reason word or an aside before the span', () => {
    const plain = 'So $x = 2$ is not negative.';
    expect(isRejectedSpan(plain, plain.indexOf('$x'), plain.indexOf(' is not'))).toBe(false);
  });
});

describe('isDiscardedValue', () => {
  const discardedAfter = (text: string, value: string) =>
    isDiscardedValue(text, text.lastIndexOf(value) + value.length);
  it('is true when the words right after the value discard it', () => {
    expect(discardedAfter('x = 3 or x = 5. Checking, x = 3 is extraneous.', '3')).toBe(true);
    expect(discardedAfter('x = -2 is not a valid solution.', '-2')).toBe(true);
    expect(discardedAfter('So $x = 4$ was rejected.', '4')).toBe(true);
  });
  it('is false for a fact about the value or no verdict at all', () => {
    expect(discardedAfter('So x = 2 is not negative.', '2')).toBe(false);
    expect(discardedAfter('So x = 2 is the answer.', '2')).toBe(false);
  });
});
