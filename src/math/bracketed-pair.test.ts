import { describe, expect, it } from 'vitest';
import { bracketedPairAround } from './bracketed-pair.js';

/** The pair around the last-number extraction of `number`, written last in `text`. */
function read(text: string, number: string) {
  const end = text.lastIndexOf(number) + number.length;
  return bracketedPairAround({ text: number, extractor: 'last_number', end }, text)?.text;
}

describe('bracketedPairAround', () => {
  it('reads a pair in square brackets that ends the response', () => {
    expect(read('Therefore, the shortest path from node 0 to node 5 is [0, 5].', '5')).toBe('[0, 5]');
    expect(read('So the solution set is [-2, 4.5)', '4.5')).toBe('[-2, 4.5)');
    expect(read('The answer: x = [0, 5]', '5')).toBe('[0, 5]');
    expect(read('So x lies in [0, 5].', '5')).toBe('[0, 5]');
    // Without a space the last number read is `2,4`.
    expect(read('The interval is [2,4]', '2,4')).toBe('[2,4]');
  });
  it('leaves an index, a pair not at the end, a hedge and other extractors alone', () => {
    expect(read('So the entry is A[0, 5].', '5')).toBeUndefined();
    expect(read('The entry is A[2,4]', '2,4')).toBeUndefined();
    expect(read('It is [0, 5] for now, and more.', '5')).toBeUndefined();
    expect(read('It is [0, 5] or [0, 6].', '6')).toBeUndefined();
    expect(read('It is [0, 5], maybe [0, 6].', '6')).toBeUndefined();
    expect(read('So the path is (0, 5).', '5')).toBeUndefined();
    expect(read('Hence the value is 5 [1, 2].', '2')).toBeUndefined();
    expect(read('The roots are 0 and 5, i.e. [0, 5].', '5')).toBeUndefined();
    // Not stated as the result: a condition, a membership, a list's label, an operand.
    expect(read('f is continuous on [0, 5].', '5')).toBeUndefined();
    expect(read('Note that x ∉ [0, 5].', '5')).toBeUndefined();
    expect(read('for all t in [0, 5].', '5')).toBeUndefined();
    expect(read('x does not lie in [0, 5].', '5')).toBeUndefined();
    expect(read('Iteration 2: [0, 5]', '5')).toBeUndefined();
    expect(read('The range is 10 + [0, 5].', '5')).toBeUndefined();
    expect(
      bracketedPairAround({ text: '5', extractor: 'boxed', end: 13 }, 'So it is [0, 5].'),
    ).toBeUndefined();
  });
});
