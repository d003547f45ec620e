import { describe, expect, it } from 'vitest';
import { verifyAnswer } from './verify.js';

const verdict = (gold: string, response: string) => verifyAnswer(gold, response).verdict;

describe('powers beyond double range compared by their bases', () => {
  it('decides an even power of opposite bases equal, an odd one not equal', () => {
    expect(verdict('(x-a)^{6000}', '(a-x)^{6000}')).toBe('equal');
    expect(verdict('(x+1)^{6000}', '(-x-1)^{6000}')).toBe('equal');
    expect(verdict('(x-a)^{6001}', '(a-x)^{6001}')).toBe('not_equal');
  });
  it('leaves other exponents and bases as the numeric test finds them', () => {
    expect(verdict('(x-a)^{6000}', '(x-a)^{5999}')).toBe('undecidable');
    expect(verdict('(x-a)^{6000}', '(x-b)^{6000}')).toBe('not_equal');
  });
});
