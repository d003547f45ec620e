import { describe, expect, it } from 'vitest';
import { boundIndex } from './bound-index.js';
import { verifyAnswer } from './verify.js';

describe('boundIndex', () => {
  it('reads the index of either parser and a held differential', () => {
    expect(boundIndex(['Limits', 'k', 1, 'n'])).toBe('k');
    expect(boundIndex(['Tuple', 'x', 0, 1])).toBe('x');
    expect(boundIndex(['Tuple', ['Hold', 'x'], 0, 1])).toBe('x');
  });

  it('is undefined for other shapes', () => {
    expect(boundIndex(['Tuple', 1, 0, 1])).toBeUndefined();
    expect(boundIndex(['Tuple', ['Hold', 1], 0, 1])).toBeUndefined();
    expect(boundIndex(['Pair', 'x', 0])).toBeUndefined();
    expect(boundIndex('x')).toBeUndefined();
  });
});

describe('an integral with its differential in a numerator', () => {
  it.each([
    ['\\frac{\\pi}{4}', '\\int_0^1 \\frac{dx}{1+x^2}'],
    ['\\frac{\\pi}{4}', '\\int_{0}^{1}\\frac{\\mathrm{d}x}{1+x^2}'],
    ['\\ln 2', '\\int_1^2 \\frac{dt}{t}'],
  ])('gold %j, %j is equal', (gold, response) => {
    expect(verifyAnswer(gold, response).verdict).toBe('equal');
  });

  it.each([
    ['\\frac{\\pi}{4}', '\\int_0^1 \\frac{dx}{2+x^2}'],
    ['\\ln 3', '\\int_1^2 \\frac{dt}{t}'],
  ])('gold %j, %j is not equal', (gold, response) => {
    expect(verifyAnswer(gold, response).verdict).not.toBe('equal');
  });
});
