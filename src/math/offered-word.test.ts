import { describe, expect, it } from 'vitest';
import { offeredChoice, opposedYesNo, wordHedge } from './offered-word.js';

describe('opposedYesNo', () => {
  it('finds the other of yes and no standing as an answer after the answer', () => {
    expect(opposedYesNo('Yes', ' and no.')).toBe('no');
    expect(opposedYesNo('\\text{Yes}', '} (or no)')).toBe('no');
    expect(opposedYesNo('Yes', '}. Hmm, actually no.')).toBe('no');
    expect(opposedYesNo('yes', ' if n is even, no otherwise.')).toBe('no');
    expect(opposedYesNo('No', ', yes.')).toBe('yes');
  });

  it('keeps "no" that is not an answer, and the same word again', () => {
    expect(opposedYesNo('Yes', ', no matter what n is.')).toBeUndefined();
    expect(opposedYesNo('Yes', '. There is no solution with n = 3.')).toBeUndefined();
    expect(opposedYesNo('Yes', ', and no other value works.')).toBeUndefined();
    expect(opposedYesNo('Yes', '. Yes.')).toBeUndefined();
  });
});

describe('offeredChoice', () => {
  it('finds another letter in a sentence of alternative after the answer', () => {
    expect(offeredChoice('B', '. C is also possible.')).toBe('C');
    expect(offeredChoice('B', '}\n\nActually, C.')).toBe('C');
    expect(offeredChoice('A', ' (or possibly B).')).toBe('B');
  });

  it('offers nothing when the letter is rejected, the same, or the article "A"', () => {
    expect(offeredChoice('B', '. It is not C, or D.')).toBeUndefined();
    expect(offeredChoice('B', '. Actually, B.')).toBeUndefined();
    expect(offeredChoice('B', '. Or, A better way is to count.')).toBeUndefined();
    expect(offeredChoice('B', '. The other options fail.')).toBeUndefined();
  });
});

describe('wordHedge', () => {
  it('asks the yes/no rule only for a yes/no gold and the choice rule only for a choice gold', () => {
    expect(wordHedge('Yes', undefined, 'Yes', ' and no.')).toContain('no');
    expect(wordHedge('5', undefined, '5', ' and no.')).toBeUndefined();
    expect(wordHedge('B', 'B', 'B', '. C is also possible.')).toContain('C');
  });
});
