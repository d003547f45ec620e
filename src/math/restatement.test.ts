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
});
