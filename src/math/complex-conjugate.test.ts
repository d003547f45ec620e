import { describe, expect, it } from 'vitest';
import { conjugateOfConstant } from './complex-conjugate.js';
import { verifyAnswer } from './verify.js';

describe('conjugateOfConstant', () => {
  it('negates the imaginary part of a constant', () => {
    const value = conjugateOfConstant(
      'c',
      () => false,
      () => ({ re: 2, im: 3 }),
    );
    expect(value).toEqual({ re: 2, im: -3 });
  });

  it('is undefined over a variable', () => {
    expect(
      conjugateOfConstant(
        'z',
        () => true,
        () => ({ re: 1, im: 0 }),
      ),
    ).toBeUndefined();
  });
});

describe('a bar over a complex number', () => {
  it.each([
    ['2 - 3i', '\\overline{2+3i}'],
    ['\\overline{3+4i}', '3-4i'],
    ['-i', '\\bar{i}'],
    ['5', '\\overline{5}'],
  ])('gold %j, %j is equal', (gold, response) => {
    expect(verifyAnswer(gold, response).verdict).toBe('equal');
  });

  it.each([
    ['2 + 3i', '\\overline{2+3i}'],
    ['z', '\\bar{z}'],
    ['\\bar{z}', 'z'],
    ['\\frac{1}{3}', '0.\\overline{4}'],
  ])('gold %j, %j is not equal', (gold, response) => {
    expect(verifyAnswer(gold, response).verdict).not.toBe('equal');
  });

  it('a repeating decimal stays a repeating decimal', () => {
    expect(verifyAnswer('\\frac{1}{3}', '0.\\overline{3}').verdict).toBe('equal');
  });
});
