import { describe, expect, it } from 'vitest';
import { runExtractor } from './extract.js';
import { scientificNotationAround } from './scientific-notation.js';

/** The number in scientific notation around the exponent `exponent`, written last in `text`. */
function around(text: string, exponent: string) {
  return scientificNotationAround(text, text.lastIndexOf(exponent), exponent)?.text;
}

describe('scientificNotationAround', () => {
  it('reads the mantissa, the times sign and the power of ten as one number', () => {
    expect(around('so E = 4.65 × 10^-34 J', '-34')).toBe('4.65 × 10^-34');
    expect(around('It is 3 x 10^5 m/s', '5')).toBe('3 x 10^5');
    expect(around('the result is 1.2 \\cdot 10^{-3}.', '-3')).toBe('1.2 \\cdot 10^{-3}');
    expect(around('so p = 12 * 10^(2).', '2')).toBe('12 * 10^(2)');
    expect(around('So 1,500\\times 10^{-1}', '-1')).toBe('1,500\\times 10^{-1}');
    expect(around('The speed is 3.0×10^5 m/s.', '5')).toBe('3.0×10^5');
    expect(around('Thus the speed is **3 x 10^5 m/s**.', '5')).toBe('3 x 10^5');
  });
  it('leaves the power of ten alone after an operator or a root sign, or without a mantissa', () => {
    expect(around('It is 2 - 3 x 10^5.', '5')).toBeUndefined();
    expect(around('It is 2/3 x 10^5.', '5')).toBeUndefined();
    expect(around('Roughly 3-4 x 10^5.', '5')).toBeUndefined();
    expect(around('The ratio is 2 /\n3 x 10^5 here.', '5')).toBeUndefined();
    expect(around('It is 2 * 3 x 10^5', '5')).toBeUndefined();
    expect(around('The result is √3 x 10^5.', '5')).toBeUndefined();
    expect(around('It is sqrt 3 x 10^5.', '5')).toBeUndefined();
    expect(around('The ratio 3:5 x 10^3', '3')).toBeUndefined();
    expect(around('Result: 5 x 10^3', '3')).toBe('5 x 10^3');
    expect(around('so it is 3 x 2^5.', '5')).toBeUndefined();
    expect(around('see v3 x 10^5', '5')).toBeUndefined();
    expect(around('It is 10^5.', '5')).toBeUndefined();
    expect(around('It is 3 x 10^{5 here', '5')).toBeUndefined();
  });
});

describe('the last-number fallback on scientific notation', () => {
  const read = (text: string) => runExtractor('last_number', text)?.text;
  it('reads the whole number, and the checks before it see where it starts', () => {
    expect(read('the momentum uncertainty is approximately 1.5 x 10^-35 kg m/s.')).toBe('1.5 x 10^-35');
    // A condition, a value ruled out, a hedge and a list are read as they are for plain numbers.
    expect(read('The count is 7 when x = 3 x 10^5.')).toBe('7');
    expect(read('The count is 40, not N = 3 x 10^5.')).toBe('40');
    expect(read('The root is x = 2 x 10^5 or x = 3 x 10^5.')).toBe('2 x 10^5, 3 x 10^5');
    expect(read('The roots are x = 2 x 10^5 and x = 3 x 10^5.')).toBe('2 x 10^5, 3 x 10^5');
  });
});
