import { describe, expect, it } from 'vitest';
import { closingNumberWords, numberInWords } from './closing-number-words.js';
import type { Extraction } from './extraction.js';

/** The last number in digits of a text, as the last-number extractor reports it. */
function lastDigits(text: string): Extraction {
  const match = [...text.matchAll(/\d+/g)].at(-1) as RegExpMatchArray;
  return { text: match[0], extractor: 'last_number', end: (match.index ?? 0) + match[0].length };
}

function closing(text: string): string | undefined {
  return closingNumberWords(lastDigits(text), text)?.text;
}

describe('closingNumberWords', () => {
  it('reads a closing statement of a count in words', () => {
    expect(closing('So 16 - 7 = 9 eggs left. Wait: she lays sixteen eggs.')).toBe('sixteen');
    expect(closing('That makes 9. The answer is twenty-one.')).toBe('twenty-one');
  });
  it('leaves mentions, sums, doubts and alternatives alone', () => {
    expect(closing('So x = 12. There are two cases to check.')).toBeUndefined();
    expect(closing('So 5 + 7 = 12. That uses both of the two numbers.')).toBeUndefined();
    expect(closing('So 9 apples. Three times three.')).toBeUndefined();
    expect(closing('The total is 9. It might be ten.')).toBeUndefined();
    expect(closing('The total is 9. It is nine or ten.')).toBeUndefined();
    expect(closing('The total is 9. About ten.')).toBeUndefined();
    expect(closing('The total is 9 ... or is it? Ten.')).toBeUndefined();
    expect(closing('The total is 9. Not ten.')).toBeUndefined();
  });
});

describe('numberInWords', () => {
  it('finds the last number in words of a sentence', () => {
    expect(numberInWords('There are one hundred and five of them', 0)?.text).toBe('one hundred and five');
    expect(numberInWords('Which one is it', 0)).toBeUndefined();
    expect(numberInWords('So it is ten, not nine.', 0)?.text).toBe('ten');
    expect(numberInWords('It is not nine.', 0)?.text).toBe('nine');
  });
});
