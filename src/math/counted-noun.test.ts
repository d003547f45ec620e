import { describe, expect, it } from 'vitest';
import { countsNamedObject, nounAfter } from './counted-noun.js';

/** Whether `word` in `phrase` counts a named object, the answer being `answer`. */
function counts(phrase: string, word: string, answer: string): boolean {
  const start = phrase.lastIndexOf(word);
  const at = phrase.indexOf(answer);
  return countsNamedObject(phrase, start, start + word.length, nounAfter(phrase, at + answer.length));
}

describe('countsNamedObject', () => {
  it.each([
    ['Each of the three friends paid $34', 'three', '34'],
    ['Darren does a total of 370 activities in the two days', 'two', '370'],
    ['Uncle Ben needs 4 bags of oats to feed his four horses for five days', 'four', '4'],
    ['The flock of ten ducks needs 5 pounds of insects per day', 'ten', '5'],
  ])('%j: %s counts something else', (phrase, word, answer) => {
    expect(counts(phrase, word, answer)).toBe(true);
  });

  it.each([
    ['45 apples, or forty apples', 'forty', '45'],
    ['45 apples, maybe forty', 'forty', '45'],
    ['45 apples, forty apples', 'forty', '45'],
    ['45, not forty', 'forty', '45'],
    ['It is 45 or forty-six', 'forty-six', '45'],
    ['It is 45, twelve or thirteen', 'twelve', '45'],
    ['4, five bags', 'five', '4'],
    ['4 bags; five bags', 'five', '4'],
  ])('%j: %s is offered as a value', (phrase, word, answer) => {
    expect(counts(phrase, word, answer)).toBe(false);
  });
});
