import { describe, expect, it } from 'vitest';
import { unrepeatedCopy, withZeroDecimals } from '../../bench/math/unrepeated-copy.js';

const pair = {
  id: 'p',
  gold: '18',
  response: 'She makes 9 * 2 = $18 every day.\nThe answer is 18.',
  equal: true,
  group: 'g',
};

describe('unrepeated copies (bench/math)', () => {
  it('pads integers and decimals with zero decimals', () => {
    expect(withZeroDecimals('18', 1)).toBe('18.0');
    expect(withZeroDecimals('18', 3)).toBe('18.000');
    expect(withZeroDecimals('-2.5', 2)).toBe('-2.500');
  });

  it('keeps copy 0 and rewrites the gold and the read answer of later copies in tandem', () => {
    expect(unrepeatedCopy(pair, 0)).toBe(pair);
    const copy = unrepeatedCopy(pair, 2);
    expect(copy?.gold).toBe('18.00');
    // The answer the verifier reads is padded, the worked numbers before it are not.
    expect(copy?.response).toBe('She makes 9 * 2 = $18 every day.\nThe answer is 18.00.  ');
  });

  it('only appends spaces where the answer is not written digit for digit', () => {
    const separated = { ...pair, gold: '1430', response: 'The answer is 1,430.' };
    expect(unrepeatedCopy(separated, 1)).toMatchObject({ gold: '1430.0', response: 'The answer is 1,430. ' });
    const none = { ...pair, response: 'I do not know.' };
    expect(unrepeatedCopy(none, 3)?.response).toBe('I do not know.   ');
  });

  it('has no copy of a pair whose gold is not a plain number', () => {
    expect(unrepeatedCopy({ ...pair, gold: '\\frac{1}{2}' }, 1)).toBeUndefined();
  });
});
