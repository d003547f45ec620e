import { describe, expect, it } from 'vitest';
import { applyScaleWord, withScaleWordAfter } from './scale-words.js';

describe('applyScaleWord', () => {
  it.each([
    ['18 million', '18000000'],
    ['1.5 thousand', '1500'],
    ['2.25 billion', '2250000000'],
    ['-3 hundred', '-300'],
    ['3 dozen', '36'],
    ['18 million dollars', '18000000 dollars'],
    ['0.125 million', '125000'],
  ])('%s is %s', (text, value) => {
    expect(applyScaleWord(text)).toBe(value);
  });

  it('leaves text without a scale word after a number unchanged', () => {
    expect(applyScaleWord('18 dollars')).toBe('18 dollars');
    expect(applyScaleWord('a million')).toBe('a million');
  });
});

describe('withScaleWordAfter', () => {
  it('keeps the scale word after a last number read from prose', () => {
    const response = 'She earns 18 million dollars.';
    const end = response.indexOf('18') + 2;
    expect(withScaleWordAfter({ text: '18', extractor: 'last_number', end }, response)?.text).toBe(
      '18 million',
    );
  });

  it('leaves other extractors and numbers without a scale word alone', () => {
    expect(
      withScaleWordAfter({ text: '18', extractor: 'boxed', end: 10 }, '\\boxed{18} million'),
    ).toBeUndefined();
    const plain = 'She earns 18 dollars.';
    expect(withScaleWordAfter({ text: '18', extractor: 'last_number', end: 12 }, plain)).toBeUndefined();
  });
});
