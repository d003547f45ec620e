import { describe, expect, it } from 'vitest';
import { isSentenceList } from './sentence-list.js';
import { numberValue } from './value.js';
import { verifyAnswer } from './verify.js';

describe('isSentenceList', () => {
  it('a list with an item of prose', () => {
    expect(
      isSentenceList({
        kind: 'list',
        items: [
          { kind: 'text', text: 'Jenna' },
          { kind: 'text', text: 'her mom picked a total of 30 apples' },
        ],
      }),
    ).toBe(true);
  });

  it('a list of values', () => {
    expect(
      isSentenceList({
        kind: 'list',
        items: [numberValue(undefined, 3, false, '3'), numberValue(undefined, 4, false, '4')],
      }),
    ).toBe(false);
    expect(isSentenceList({ kind: 'text', text: 'two words' })).toBe(false);
  });
});

describe('verifyAnswer with an answer sentence that joins names by "and"', () => {
  it.each([
    ['30', 'Answer: Jenna and her mom picked a total of 30 apples.', 'equal'],
    ['30', 'Answer: Jenna and her mom picked a total of 31 apples.', 'not_equal'],
    ['30', 'Answer: Jenna and her mom picked 30 or 31 apples.', 'not_equal'],
    ['30', 'Answer: Jenna picked 30 apples and her mom picked 20 apples.', 'not_equal'],
    ['(3, 4)', 'Answer: 3 and 4', 'equal'],
  ])('%s against %j: %s', (gold, response, verdict) => {
    expect(verifyAnswer(gold, response).verdict).toBe(verdict);
  });
});
