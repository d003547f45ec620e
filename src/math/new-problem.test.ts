import { describe, expect, it } from 'vitest';
import { beforeNewProblem } from './new-problem.js';
import { verifyAnswer } from './verify.js';

const CONTINUED =
  'She makes 9 * $2 = $18 every day.\n#### 18\nAnswer:\nThe answer is: 18\n\nProblem:\nIf $x^2 = 16$, what is the sum of all possible values of $x$?\nAnswer:\nThe sum is $4 + (-4) = \\boxed{0}$.\n#### 0';

describe('beforeNewProblem', () => {
  it('ends the response before a problem it invented after its answer', () => {
    expect(beforeNewProblem(CONTINUED)).toBe(
      'She makes 9 * $2 = $18 every day.\n#### 18\nAnswer:\nThe answer is: 18\n',
    );
    expect(beforeNewProblem('So \\boxed{5}.\n\n## Question 2: What is 2+2?\n\\boxed{4}')).toBe(
      'So \\boxed{5}.\n',
    );
  });

  it('finds the new problem in any letter case (capitals were missed before)', () => {
    expect(beforeNewProblem('So \\boxed{5}.\n\n## PROBLEM 2: What is 2+2?\n\\boxed{4}')).toBe(
      'So \\boxed{5}.\n',
    );
    expect(beforeNewProblem('#### 7\n  **QUESTION:** How many?\n#### 9')).toBe('#### 7');
    expect(beforeNewProblem('#### 7\nHUMAN:\nWhat next? #### 9')).toBe('#### 7');
  });

  it('ends the response before a chat turn written out as text', () => {
    expect(beforeNewProblem('#### 800\nuser\nA group of 5 children go to a park. #### 19')).toBe('#### 800');
  });

  it.each([
    'Problem: find x.\nWe have x = 5, so the answer is 5.',
    'The problem: we need x.\nSo x = 5.',
    'x = 5 solves the problem.\nThe answer is 5.',
    'Each user pays $5, so the answer is 5.\nThe user count is 3.',
  ])('%j: read whole', (text) => {
    expect(beforeNewProblem(text)).toBe(text);
  });
});

describe('verifyAnswer with an invented next problem', () => {
  it('reads the answer to the problem asked', () => {
    expect(verifyAnswer('18', CONTINUED).verdict).toBe('equal');
    expect(verifyAnswer('0', CONTINUED).verdict).toBe('not_equal');
  });

  it('a hedge before the new problem is still a hedge', () => {
    expect(
      verifyAnswer('18', CONTINUED.replace('The answer is: 18', 'The answer is 18 or 20')).verdict,
    ).not.toBe('equal');
  });

  it.each([
    'The answer is \\boxed{18}.\n\nQ: How many bolts?\nA: \\boxed{3}',
    'So the answer is 18.\n\nUSER: Now solve this one: 2+2?\nASSISTANT: 4',
    'The answer is 18.\n\n### Instruction:\nSolve 2+2.\n\n### Response:\n4',
  ])('%j ends before the few-shot turn it invented', (response) => {
    expect(beforeNewProblem(response)).not.toContain('4\n');
    expect(verifyAnswer('18', response).verdict).toBe('equal');
  });
});
