import { describe, expect, it } from 'vitest';
import { choiceLetter, leadingChoiceLetter } from './compare-text.js';
import { optionRangeOf } from './option-letters.js';
import { verifyAnswer } from './verify.js';

const verdict = (gold: string, response: string) => verifyAnswer(gold, response).verdict;

describe('option letters beyond E (MMLU-Pro, SuperGPQA: ten options)', () => {
  it('takes the range from the gold letter', () => {
    expect(optionRangeOf('B')).toBe('A-E');
    expect(optionRangeOf('H')).toBe('A-J');
    expect(optionRangeOf('K')).toBe('A-E');
    expect(optionRangeOf(undefined)).toBe('A-E');
    expect(choiceLetter('(H)')).toBeUndefined();
    expect(choiceLetter('(H)', 'A-J')).toBe('H');
    expect(leadingChoiceLetter('H: 7.5', 'A-J')).toBe('H');
  });

  it('reads the letter of a ten-option answer against a gold F-J', () => {
    // Real outputs round 12 (Qwen3-32B on MMLU-Pro) answered "The correct answer is H: 7.5.".
    expect(verdict('H', 'The correct answer is H: 7.5.')).toBe('equal');
    expect(verdict('H', 'The answer is (H).')).toBe('equal');
    expect(verdict('J', '\\boxed{J}')).toBe('equal');
    expect(verdict('G', 'The answer is (H).')).toBe('not_equal');
    expect(verdict('H', 'The answer is (G).')).toBe('not_equal');
    expect(verdict('H', 'The answer is (H) or (G).')).toBe('not_equal');
    // A letter in an expression is no choice.
    expect(verdict('H', 'H = 5')).not.toBe('equal');
  });

  it("reads an option's label before its text, letters inside its math aside (real outputs round 14)", () => {
    expect(verdict('G', '**Answer: G. 3.1**')).toBe('equal');
    expect(verdict('I', 'The answer is I. adopting a new constitution.')).toBe('equal');
    expect(verdict('G', 'The answer is (G) Mixed agriculture among the Iroquois.')).toBe('equal');
    // GPQA (A-D): the option's math names variables, not options.
    const gpqa = 'Therefore, the correct answer is:\n\nB. $\\left\\langle H\\right\\rangle \\ll\\Delta E$';
    expect(verdict('B', gpqa)).toBe('equal');
    expect(verdict('E', gpqa)).toBe('not_equal');
    // Another option named in the prose after the label: several choices.
    expect(verdict('B', 'The answer is B. 5, or C')).toBe('not_equal');
    expect(verdict('B', 'The answer is (B) Both A and C')).toBe('not_equal');
    expect(verdict('B', 'The answer is (B) 5 or (C) 6')).toBe('not_equal');
  });

  it('refuses hedges between ten options, the pronoun "I" aside (a red team of stop 40)', () => {
    for (const [gold, response] of [
      ['J', 'I or J'],
      ['J', 'The answer is I, J.'],
      ['J', 'The answer is H. $5$ or $J$'],
      ['I', '(H) $\\text{or } I$'],
      ['H', 'The answer is (H) 5 or (j)'],
      ['H', 'So the answer is H. 7.5 or j.'],
      ['I', 'H. I am fairly sure.'],
      ['I', 'G. I and II only'],
      ['J', 'H\n\n(J) is the last option listed.'],
      ['J', 'Options:\n(A) 1\n(B) 4\n(C) 9\n(D) 16\n(E) 25\n(F) 36\n(G) 49\n(H) 64\n(I) 81\n(J) 100'],
    ])
      expect(verdict(gold as string, response as string), response).not.toBe('equal');
    expect(verdict('J', 'I think the answer is J.')).toBe('equal');
    expect(verdict('H', "The answer is (H). I'm confident.")).toBe('equal');
  });

  it('leaves five-option golds as they were: a capital F-J is no option there', () => {
    expect(verdict('B', 'The answer is B, I believe.')).toBe('equal');
    expect(verdict('B', 'I think the answer is B.')).toBe('equal');
    // Against a gold B, "(H)" names no option of five: not read as a second choice.
    expect(verdict('B', 'The answer is (B).')).toBe('equal');
  });
});
