import { describe, expect, it } from 'vitest';
import { withPlainFractions } from './unicode-fractions.js';

describe('withPlainFractions', () => {
  it('writes mixed numbers and lone glyphs as plain fractions of the same value', () => {
    expect(withPlainFractions('You need 2½ cups.')).toBe('You need 5/2 cups.');
    expect(withPlainFractions('You need 2 ½ cups.')).toBe('You need 5/2 cups.');
    expect(withPlainFractions('Add ½ cup and ¾ cup.')).toBe('Add 1/2 cup and 3/4 cup.');
    expect(withPlainFractions('-1⅔')).toBe('-5/3');
  });

  it('leaves a glyph after a number that is no whole part, so that no digits join', () => {
    expect(withPlainFractions('It is 3.2½.')).toBe('It is 3.2½.');
    expect(withPlainFractions('It is 1234567890123½.')).toBe('It is 1234567890123½.');
    expect(withPlainFractions('It is 1,5½ or ½, ⅞.')).toBe('It is 1,5½ or 1/2, 7/8.');
  });

  it('leaves text without glyphs as it is', () => {
    const text = 'The answer is 12.';
    expect(withPlainFractions(text)).toBe(text);
  });
});
