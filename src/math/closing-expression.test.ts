import { describe, expect, it } from 'vitest';
import { closingExpression } from './closing-expression.js';

/** The last-number extraction of `number` ending at its last occurrence in `text`. */
function read(text: string, number: string) {
  const end = text.lastIndexOf(number) + number.length;
  return closingExpression({ text: number, extractor: 'last_number', end }, text)?.text;
}

describe('closingExpression', () => {
  it('leaves a word before brackets that is no function (`login(2)`, `COVID-19`)', () => {
    expect(read('Try login(2).', '2')).toBeUndefined();
    expect(read('We had COVID-19.', '19')).toBeUndefined();
  });

  it('reads the expression a closing number ends', () => {
    expect(read('It is 2x+1.', '1')).toBe('2x+1');
    expect(read('So the total is 2^10.', '10')).toBe('2^10');
    expect(read('So the total is 2^{10} dollars.', '10')).toBe('2^{10}');
    expect(read('The result is (x+1)^2.', '2')).toBe('(x+1)^2');
    expect(read('So she earns 12*5.', '5')).toBe('12*5');
    // A function call in plain text (gaokao answers of real outputs round 19: "a is ln(2)." read 2).
    expect(read('Therefore, the value of the constant a is ln(2).', '2')).toBe('ln(2)');
    expect(read('So a = sqrt(17).', '17')).toBe('sqrt(17)');
    expect(read('It is cos(x)^2+sin(x)^2.', '2')).toBe('cos(x)^2+sin(x)^2');
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
  it("reads a closing expression with spaced operators after a conclusion (graders' round 13)", () => {
    expect(read('Therefore the result is x + y - 3', '3')).toBe('x + y - 3');
    expect(read('So the value comes out to 1 + 2 + 3', '3')).toBe('1 + 2 + 3');
    expect(read('Therefore 6 ÷ 2', '2')).toBe('6 ÷ 2');
    // Numbers joined only by minus signs may be a range or a score: `5 − 1` is left alone.
    expect(read('So the result is 5 − 1.', '1')).toBeUndefined();
    expect(read('So the result is 5 − 1 + 2.', '2')).toBe('5 − 1 + 2');
  });
  it('leaves spaced expressions that do not close the response, follow no conclusion, or may be ranges', () => {
    expect(read('So the result is 5 − 1 apples', '1')).toBeUndefined();
    expect(read('We add 1 + 2 + 3', '3')).toBeUndefined();
    expect(read('The ages are 5 - 10', '10')).toBeUndefined();
    expect(read('She has 20 - 2 = 18', '18')).toBeUndefined();
    // A value offered before it: no conclusion right before the expression, left to the hedge rules.
    expect(read('The answer is 5 or 1 + 2 + 3.', '3')).toBeUndefined();
  });
});
