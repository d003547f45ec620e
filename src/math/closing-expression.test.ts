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
  it('reads a number times a power of ten whole where the number is stated', () => {
    expect(read('so E = 4.65 × 10^-34 J', '-34')).toBe('4.65 × 10^-34');
    expect(read('It is 3 x 10^5 m/s', '5')).toBe('3 x 10^5');
    expect(read('the result is 1.2 \\cdot 10^{-3}.', '-3')).toBe('1.2 \\cdot 10^{-3}');
    expect(read('so p = 12 * 10^(2).', '2')).toBe('12 * 10^(2)');
    expect(read('So 1,500\\times 10^{-1}', '-1')).toBe('1,500\\times 10^{-1}');
    expect(read('Final: 4 x 10^5', '5')).toBe('4 x 10^5');
    expect(read('1.1 x 10^-3 m to 2 sig figs', '-3')).toBe('1.1 x 10^-3');
  });
  it('reads the power of ten alone after an operator, a joiner or a condition', () => {
    // Only a power of ten takes a mantissa, and only a whole number before a times sign.
    expect(read('so it is 3 x 2^5.', '5')).toBe('2^5');
    expect(read('see v3 x 10^5', '5')).toBe('10^5');
    expect(read('It is 2 - 3 x 10^5.', '5')).toBe('10^5');
    expect(read('It is 2/3 x 10^5.', '5')).toBe('10^5');
    expect(read('Roughly 3-4 x 10^5.', '5')).toBe('10^5');
    expect(read('from 2 x 10^3 to 5 x 10^3', '3')).toBe('10^3');
    expect(read('It is 3 x 10^5, maybe 4 x 10^5.', '5')).toBe('10^5');
    expect(read('It is 2 x 10^5 rather than 3 x 10^5.', '5')).toBe('10^5');
    expect(read('The result is 1.2 x 10^-3 ± 0.1 x 10^-3', '-3')).toBe('10^-3');
    expect(read('It is 2 x 10^5 when x = 3 x 10^5.', '5')).toBe('10^5');
    expect(read('The ratio 3:5 x 10^3', '3')).toBe('10^3');
  });
  it('leaves ranges, words, values after = and other extractors alone', () => {
    expect(read('It takes 1-2 hours.', '2')).toBeUndefined();
    expect(read('It is COVID-19.', '19')).toBeUndefined();
    expect(read('So 5+3=8.', '8')).toBeUndefined();
    expect(read('She has 8 apples.', '8')).toBeUndefined();
    expect(closingExpression({ text: '1', extractor: 'boxed', end: 11 }, 'It is 2x+1.')).toBeUndefined();
  });
});
