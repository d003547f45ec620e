import { describe, expect, it } from 'vitest';
import { isCutOffMethod } from './cut-off-method.js';
import { verifyAnswer } from './verify.js';

/** The work before the method: its numbers (15, 1, 2 ...) are restated by the method. */
const WORK =
  'Since \\(3x + 2 = 15\\), \\(x = 13/3\\). So the value of \\(6x + 5\\) is \\(\\boxed{23}\\).\n\n';
const METHOD =
  'Alternatively, we can find the value of \\(6x + 5\\) directly without solving for \\(x\\) first. Notice that it is twice \\(3x + 2\\) plus 1:\n\\[\n6x + 5 = 2(15) +';

describe('isCutOffMethod', () => {
  it('a second method cut off by the token limit', () => {
    expect(isCutOffMethod(METHOD, WORK)).toBe(true);
    expect(
      isCutOffMethod(
        "Alternatively, let's simplify the expression before taking the root: factor each number first, then multiply 2",
        WORK,
      ),
    ).toBe(true);
  });

  it.each([
    [`${METHOD} 1 = 31.`, 'it ends a sentence'],
    ['Alternatively, we can get 50', 'too short'],
    [
      'Or maybe 50 if we count the ones that did not grow, since the problem is not clear about them',
      'not a method',
    ],
    [`${METHOD.replace('directly', 'directly, the answer being 31,')}`, 'states an answer'],
    [
      'Alternatively, it could be 50 if we count the flowers that did not grow in the first fifteen days',
      'not a method',
    ],
    [
      'Alternatively, we can find the value of 6x + 5 directly, which gives 24 when we compute 2(12) and',
      'a number the work never had',
    ],
    [
      'Alternatively, we can see that the value should be 15 + 8 because the earlier step was wrong, so we',
      'a revision',
    ],
  ])('%j: not a cut-off method (%s)', (passage) => {
    expect(isCutOffMethod(passage, WORK)).toBe(false);
  });
});

describe('verifyAnswer with a method after the answer', () => {
  const answer = WORK;
  it('a cut-off second method does not hedge the boxed answer', () => {
    expect(verifyAnswer('23', answer + METHOD).verdict).toBe('equal');
    expect(verifyAnswer('31', answer + METHOD).verdict).toBe('not_equal');
  });

  it('a complete alternative with another value is still a hedge', () => {
    expect(verifyAnswer('23', `${answer}Alternatively, the value could be 31.`).verdict).not.toBe('equal');
    expect(verifyAnswer('23', `${answer}Or maybe 31`).verdict).not.toBe('equal');
    expect(
      verifyAnswer(
        '23',
        `${answer}Alternatively, we can compute 6x + 5 directly, which gives 24 when we take 2(12) and`,
      ).verdict,
    ).not.toBe('equal');
  });
});
