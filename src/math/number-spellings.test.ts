import { describe, expect, it } from 'vitest';
import { withPlainNumbers } from './number-spellings.js';

describe('withPlainNumbers', () => {
  it('writes mixed numbers and lone fraction glyphs as plain fractions of the same value', () => {
    expect(withPlainNumbers('You need 2½ cups.')).toBe('You need 5/2 cups.');
    expect(withPlainNumbers('You need 2 ½ cups.')).toBe('You need 5/2 cups.');
    expect(withPlainNumbers('Add ½ cup and ¾ cup.')).toBe('Add 1/2 cup and 3/4 cup.');
    expect(withPlainNumbers('-1⅔')).toBe('-5/3');
  });

  it('leaves a fraction glyph right after a number that is no whole part, so that no digits join', () => {
    expect(withPlainNumbers('It is 3.2½.')).toBe('It is 3.2½.');
    expect(withPlainNumbers('It is 1234567890123½.')).toBe('It is 1234567890123½.');
    expect(withPlainNumbers('It is 1,5½ or ½, ⅞.')).toBe('It is 1,5½ or 1/2, 7/8.');
  });

  it('moves a sign before a currency symbol onto the number', () => {
    expect(withPlainNumbers('a net change of -$40')).toBe('a net change of -40');
    expect(withPlainNumbers('she lost -\\$12.50 today')).toBe('she lost -12.50 today');
    expect(withPlainNumbers('it costs $40 - $10 = $30')).toBe('it costs $40 - $10 = $30');
    // Unicode's minus sign too (the fallback read 0.25 and paid it against 0.25).
    expect(withPlainNumbers('The change is \u2212$0.25.')).toBe('The change is -0.25.');
    expect(withPlainNumbers('it costs $40 \u2212 $10')).toBe('it costs $40 \u2212 $10');
    // After an amount the dash subtracts or spans a range (a red team of stop 40).
    expect(withPlainNumbers('The total is $40\u2212$10.')).toBe('The total is $40\u2212$10.');
    expect(withPlainNumbers('Prices run $5-$10 each.')).toBe('Prices run $5-$10 each.');
  });

  it('reads a braced comma before a group of three digits as thousands, any other as a decimal comma', () => {
    expect(withPlainNumbers('The total is \\$1{,}500.')).toBe('The total is \\$1,500.');
    expect(withPlainNumbers('1{,}200{,}000 in all')).toBe('1,200,000 in all');
    // A group after the first may open with 0 (stop 36: read as 1,000.000 before).
    expect(withPlainNumbers('1{,}000{,}000 and 1{,}050{,}000')).toBe('1,000,000 and 1,050,000');
    expect(withPlainNumbers('1{,}000{,}5')).toBe('1,000.5');
    expect(withPlainNumbers('1{,}5 and 1{,}5000')).toBe('1.5 and 1.5000');
    expect(withPlainNumbers('so 0{,}125 of it')).toBe('so 0.125 of it');
  });

  it('leaves text without them as it is', () => {
    const text = 'The answer is 12.';
    expect(withPlainNumbers(text)).toBe(text);
  });
});

describe('dollars and cents (stop 36)', () => {
  it('reads an amount in dollars and cents as one value', () => {
    expect(withPlainNumbers('He has 12 dollars and 50 cents left.')).toBe('He has 12.50 dollars left.');
    expect(withPlainNumbers('It costs $12 and 5 cents.')).toBe('It costs 12.05 dollars.');
  });
  it('leaves other things counted beside cents', () => {
    expect(withPlainNumbers('I have 3 apples and 50 cents.')).toBe('I have 3 apples and 50 cents.');
  });
});
