import { describe, expect, it } from 'vitest';
import { closingExpression } from './closing-expression.js';

/** The last-number extraction of `number` ending at its last occurrence in `text`. */
function read(text: string, number: string) {
  const end = text.lastIndexOf(number) + number.length;
  return closingExpression({ text: number, extractor: 'last_number', end }, text)?.text;
}

describe('closingExpression', () => {
  it('reads the expression a closing number ends', () => {
    expect(read('It is 2x+1.', '1')).toBe('2x+1');
    expect(read('So the total is 2^10.', '10')).toBe('2^10');
    expect(read('So the total is 2^{10} dollars.', '10')).toBe('2^{10}');
    expect(read('The result is (x+1)^2.', '2')).toBe('(x+1)^2');
    expect(read('So she earns 12*5.', '5')).toBe('12*5');
  });
  it('keeps values offered before it with or or commas (a hedge)', () => {
    expect(read('It is 2^10 or 2^11.', '11')).toBe('2^10 or 2^11');
    expect(read('It is 2x+1 or 2x+2.', '2')).toBe('2x+1 or 2x+2');
    expect(read('It is 2^10, 2^11.', '11')).toBe('2^10 or 2^11');
    expect(read('After 3 steps, it is 2^11.', '11')).toBe('2^11');
  });
  it('leaves ranges, words, values after = and other extractors alone', () => {
    expect(read('It takes 1-2 hours.', '2')).toBeUndefined();
    expect(read('It is COVID-19.', '19')).toBeUndefined();
    expect(read('So 5+3=8.', '8')).toBeUndefined();
    expect(read('She has 8 apples.', '8')).toBeUndefined();
    expect(closingExpression({ text: '1', extractor: 'boxed', end: 11 }, 'It is 2x+1.')).toBeUndefined();
  });
});
