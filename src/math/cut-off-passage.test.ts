import { describe, expect, it } from 'vitest';
import { isUncommittedCutOff, numbersIn, restatesNumbers, wordCount } from './cut-off-passage.js';

describe('isUncommittedCutOff', () => {
  it('a passage stopped mid-sentence that states and revises nothing', () => {
    expect(isUncommittedCutOff('Given 15 red cards, green cards are 60%')).toBe(true);
    expect(isUncommittedCutOff('we compute 6x + 5 = 2(15) +')).toBe(true);
  });

  it.each([
    ['Given 15 red cards.', 'ends a sentence'],
    ['so we get $78$', 'ends a formula'],
    ['the total is **78**', 'ends bold text'],
    ['so the answer is 78 and', 'states an answer'],
    ['so \\boxed{7', 'a box'],
    ['Wait, it should be 80 since', 'a revision'],
    ['maybe 80 since', 'doubt'],
  ])('%j: not (%s)', (passage) => {
    expect(isUncommittedCutOff(passage)).toBe(false);
  });
});

describe('restatesNumbers', () => {
  it('every number of the passage appears in the work before it', () => {
    expect(restatesNumbers('there are 15 red and 9 green', 'red: 15, green: 9, total 78')).toBe(true);
    expect(restatesNumbers('there are 15 red and 10 green', 'red: 15, green: 9, total 78')).toBe(false);
    expect(numbersIn('15 red, 2.5 kg')).toEqual(['15', '2.5']);
    expect(wordCount('15 red, a 2.5 kg bag')).toBe(3);
  });
});
