import { describe, expect, it } from 'vitest';
import { splitRestatement } from './restatement.js';

describe('splitRestatement', () => {
  it('splits an answer from its restatement', () => {
    expect(splitRestatement('x ≡ 3 (mod 7), or equivalently x ≡ 10 (mod 7)')).toEqual({
      answer: 'x ≡ 3 (mod 7)',
      restated: 'x ≡ 10 (mod 7)',
    });
    expect(splitRestatement('1/4 (i.e., 25%)')).toEqual({ answer: '1/4', restated: '25%' });
    expect(splitRestatement('$\\frac{1}{4}$ (i.e., 25%).')).toEqual({
      answer: '$\\frac{1}{4}$',
      restated: '25%',
    });
    expect(splitRestatement('\\frac12, that is 0.5')).toEqual({ answer: '\\frac12', restated: '0.5' });
  });
  it('leaves other answers alone', () => {
    expect(splitRestatement('3 or 4')).toBeUndefined();
    expect(splitRestatement('(1, 2)')).toBeUndefined();
  });
  it('finds the words after any separator, in any case and spacing RESTATED allows', () => {
    expect(splitRestatement('5, THAT IS 5.0')).toEqual({ answer: '5', restated: '5.0' });
    expect(splitRestatement('5;\n that is 5.0')).toEqual({ answer: '5', restated: '5.0' });
    expect(splitRestatement('x = 3, which is odd; in other words 3')).toEqual({
      answer: 'x = 3, which is odd',
      restated: '3',
    });
    expect(splitRestatement('The answer is 4, i.e.\n4.0')).toEqual({
      answer: 'The answer is 4',
      restated: '4.0',
    });
    expect(splitRestatement('12 (1, 2), (i.e., 25%)')).toEqual({ answer: '12 (1, 2),', restated: '25%' });
    // The words with no separator before them, or not right after it: no restatement.
    expect(splitRestatement('In other words, 3')).toBeUndefined();
    expect(splitRestatement('4 so that is 4.0')).toBeUndefined();
    expect(splitRestatement('4, so that is 4.0')).toBeUndefined();
    // The whole-text gate still applies: "that  is" (two spaces) alone was never a restatement.
    expect(splitRestatement('5,  that  is 5.0')).toBeUndefined();
  });
});
