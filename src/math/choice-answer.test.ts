import { describe, expect, it } from 'vitest';
import {
  compareChoiceAnswer,
  lastChosenLetter,
  namesOptionBeforeValue,
  statedChoiceAnswer,
} from './choice-answer.js';
import { DEFAULT_MATH_VERIFY_OPTIONS } from './options.js';
import { parseAnswer } from './parse-answer.js';
import { verifyAnswer } from './verify.js';

const goldB = { choice: 'B', trace: { normalized: 'B' } };
const far = () => performance.now() + 5_000;

function predicted(normalized: string, extractor = 'answer_phrase') {
  return { trace: { normalized, extractor }, value: parseAnswer(normalized, false) };
}

describe('lastChosenLetter', () => {
  it.each([
    [['It is D.', ' It cannot be A or B.'], 'D'],
    [['The answer is C.'], 'C'],
    [['So not A but B.'], 'B'],
    [['B is not the correct answer.'], undefined],
    [['Maybe B.'], undefined],
    [['A or B.'], undefined],
    [['No letter here.'], undefined],
    // A list of options names none of them (red team of stop 23).
    [['The correct options are A, B, C and D.'], undefined],
    [['C and D'], undefined],
    [['D as well as C'], undefined],
    [['(A) & (D) hold.'], undefined],
    [['Between C and D, I pick D.'], 'D'],
    [['Comparing B and C, C'], 'C'],
  ])('%j -> %s', (sentences, letter) => {
    expect(lastChosenLetter(sentences)).toBe(letter);
  });
});

describe('compareChoiceAnswer', () => {
  it('equal for the gold letter, not equal for another', () => {
    expect(
      compareChoiceAnswer(goldB, predicted('(B)'), DEFAULT_MATH_VERIFY_OPTIONS, far())?.verdict.verdict,
    ).toBe('equal');
    expect(
      compareChoiceAnswer(goldB, predicted('C'), DEFAULT_MATH_VERIFY_OPTIONS, far())?.verdict.verdict,
    ).toBe('not_equal');
  });

  it('several letters are not equal and final (no hedge rule turns them)', () => {
    const result = compareChoiceAnswer(goldB, predicted('B or C'), DEFAULT_MATH_VERIFY_OPTIONS, far());
    expect(result?.verdict.verdict).toBe('not_equal');
    expect(result?.hedgeable).toBe(false);
  });

  it('small letters in parentheses name options too, so they hedge as capitals do', () => {
    const verdictOf = (text: string) =>
      compareChoiceAnswer(goldB, predicted(text), DEFAULT_MATH_VERIFY_OPTIONS, far())?.verdict.verdict;
    expect(verdictOf('(b) f is increasing')).toBe('equal');
    expect(verdictOf('(a) or (b)')).toBe('not_equal');
    // An argument is no option: `f(a)` names none.
    expect(verdictOf('(b) since f(a) < 0')).toBe('equal');
  });

  it('an expression in a letter is no choice', () => {
    expect(compareChoiceAnswer(goldB, predicted('B+2'), DEFAULT_MATH_VERIFY_OPTIONS, far())).toBeUndefined();
  });

  it("the gold option's text answers by value: (B) 12 answered 12", () => {
    const gold = { ...goldB, option: parseAnswer('12', false) };
    const result = compareChoiceAnswer(gold, predicted('12'), DEFAULT_MATH_VERIFY_OPTIONS, far());
    expect(result?.verdict.verdict).toBe('equal');
    expect(compareChoiceAnswer(gold, predicted('13'), DEFAULT_MATH_VERIFY_OPTIONS, far())).toBeUndefined();
  });

  it('no choice gold: nothing to decide', () => {
    const gold = { trace: { normalized: '12' } };
    expect(compareChoiceAnswer(gold, predicted('B'), DEFAULT_MATH_VERIFY_OPTIONS, far())).toBeUndefined();
  });
});

describe('statedChoiceAnswer', () => {
  it('a closing statement answers when nothing stronger was read after it', () => {
    expect(statedChoiceAnswer(goldB, 'Step 4: so it is B.\nSolution: Choice_B', undefined)).toBe('B');
  });

  it('only against a choice gold', () => {
    expect(
      statedChoiceAnswer({ trace: { normalized: '12' } }, 'Solution: Choice_B', undefined),
    ).toBeUndefined();
  });
});

describe('namesOptionBeforeValue', () => {
  it('a weakly read value after a named option, against a choice gold', () => {
    const response = 'The correct option is (B) $\\frac{1}{2}$.';
    const read = { text: '\\frac{1}{2}', extractor: 'latex' as const, end: response.length };
    expect(namesOptionBeforeValue(goldB, read, response)).toBe(true);
    expect(namesOptionBeforeValue({ trace: { normalized: '1/2' } }, read, response)).toBe(false);
    expect(namesOptionBeforeValue(goldB, { ...read, extractor: 'boxed' }, response)).toBe(false);
  });

  it("AQuA's option label, a letter and a closing parenthesis (real outputs round 13, GPT-4)", () => {
    const response = 'The closest option to 11 helpers is: B) 10';
    const read = { text: '10', extractor: 'last_number' as const, end: response.length };
    expect(namesOptionBeforeValue(goldB, read, response)).toBe(true);
    expect(namesOptionBeforeValue(goldB, read, 'The value is f(x) = 10')).toBe(false);
    expect(verifyAnswer('B', response).verdict).toBe('equal');
    expect(verifyAnswer('A', 'A)272 minutes').verdict).toBe('equal');
    expect(verifyAnswer('C', 'A)272 minutes').verdict).toBe('not_equal');
    // A value offered after the option is still a second answer.
    expect(verifyAnswer('B', `${response}. Or maybe 12.`).verdict).toBe('not_equal');
  });
});

describe('small option letters (a red team of stop 29)', () => {
  it('reads the letters of the style the first one has', () => {
    expect(lastChosenLetter(['(a) since the field B is uniform'])).toBe('A');
    expect(lastChosenLetter(['Option (b) holds because E is conserved'])).toBe('B');
    expect(lastChosenLetter(['The answer is B (from (a))'])).toBe('B');
  });
});

describe('namesOptionAfterValue: an option named after the value that ends the response (a red team of stop 41)', () => {
  const verdict = (gold: string, response: string) => verifyAnswer(gold, response).verdict;
  it('reads the option after a connector, in parentheses or alone on the last line', () => {
    for (const response of [
      'The answer is 12, which is (B).',
      '\\boxed{12} (B)',
      'x = 12, so B.',
      'So the total is 28.\n\nB',
    ]) {
      expect(verdict('B', response)).toBe('equal');
      expect(verdict('C', response)).toBe('not_equal');
    }
  });
  it('leaves a unit letter, a denial and two options', () => {
    expect(verdict('A', 'The current is 12 A.')).not.toBe('equal');
    expect(verdict('B', 'The answer is 12, which is not (B).')).not.toBe('equal');
    for (const gold of ['B', 'C']) expect(verdict(gold, 'x = 12, so B or C.')).not.toBe('equal');
    expect(verdict('12', 'The answer is 12, which is (B).')).toBe('equal');
  });
});
