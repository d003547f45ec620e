import { describe, expect, it } from 'vitest';
import { applyScaleWord } from './scale-words.js';

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
