import { describe, expect, it } from 'vitest';
import { operatedNumber, withOperatorAfter } from './operated-number.js';

/** The operator acting on the last occurrence of `number` in `text`. */
function operated(text: string, number: string) {
  const start = text.lastIndexOf(number);
  return operatedNumber(text, start, start + number.length);
}

describe('operatedNumber', () => {
  it('reads a factorial before a word or a command, and a power in words', () => {
    expect(operated('There are 5! ways.', '5')).toEqual({ formula: '5!' });
    expect(operated('18!\\text{ ways}', '18')).toEqual({ formula: '18!' });
    expect(operated('The answer is 18 squared.', '18')).toEqual({ formula: '18^2' });
    expect(operated('It is 3 cubed', '3')).toEqual({ formula: '3^3' });
  });

  it('names an exponent, a subscript or a root the number is the argument of', () => {
    expect(operated('e^{18} \\text{ ways}', '18')).toEqual({ argumentOf: '^' });
    expect(operated('\\sqrt{18} \\\\ ok', '18')).toEqual({ argumentOf: '\\sqrt' });
    expect(operated('x_2 \\text{ is it}', '2')).toEqual({ argumentOf: '_' });
  });

  it('leaves an exclamation that ends a sentence and a plain number alone', () => {
    expect(operated('The answer is 5!', '5')).toBeUndefined();
    expect(operated('So x = 18! Great.', '18')).toBeUndefined();
    expect(operated('There are 18 ways.', '18')).toBeUndefined();
  });
});

describe('withOperatorAfter', () => {
  it('widens a last number to its formula, and leaves other extractions', () => {
    const text = 'There are 5! ways.';
    expect(withOperatorAfter({ text: '5', extractor: 'last_number', end: 11 }, text)?.text).toBe('5!');
    expect(withOperatorAfter({ text: '5', extractor: 'boxed', end: 11 }, text)).toBeUndefined();
  });
});
