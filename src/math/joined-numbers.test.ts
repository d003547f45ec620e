import { describe, expect, it } from 'vitest';
import type { Extraction } from './extraction.js';
import { numbersJoinedByAnd } from './joined-numbers.js';

function lastNumberOf(response: string, text: string): Extraction {
  const end = response.lastIndexOf(text) + text.length;
  return { text, extractor: 'last_number', end };
}

describe('numbersJoinedByAnd', () => {
  it('widens a last number to the list it closes', () => {
    const response = 'The roots are 1 and 2.';
    expect(numbersJoinedByAnd(lastNumberOf(response, '2'), response)?.text).toBe('1, 2');
    const three = 'The solutions are -1, 2 and 5.';
    expect(numbersJoinedByAnd(lastNumberOf(three, '5'), three)?.text).toBe('-1, 2, 5');
  });

  it('leaves ranges, glued digits and other extractors alone', () => {
    const range = 'It lies between 1 and 2.';
    expect(numbersJoinedByAnd(lastNumberOf(range, '2'), range)).toBeUndefined();
    const glued = 'Take x2 and 3.';
    expect(numbersJoinedByAnd(lastNumberOf(glued, '3'), glued)).toBeUndefined();
    expect(
      numbersJoinedByAnd({ text: '2', extractor: 'boxed', end: 10 }, '1 and \\boxed{2}'),
    ).toBeUndefined();
  });
});
