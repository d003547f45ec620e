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

  // Real outputs round 24 (neulab/gemini-benchmark, Mixtral-8x7B on SVAMP and MAWPS-MultiArith).
  it('ends a response opened by the answer prefix "A:" at its next few-shot turn', () => {
    const runOn =
      'A: So 180 / 15 = 12. The water bottles would last for 12 days.\n\nQ: There are 100 cars. What percentage speed?\n\nA: 20 / 100 = 0.2. The answer is 20%.';
    expect(beforeNewProblem(runOn)).toBe(' So 180 / 15 = 12. The water bottles would last for 12 days.');
    expect(verifyAnswer('12', runOn).verdict).toBe('equal');
    expect(verifyAnswer('20', runOn).verdict).toBe('not_equal');
    // Without the prefix, a "Q:" table line is no turn before an answer is stated outright.
    const table = 'Sales by quarter:\nQ1: 100\nQ2: 120\nA: the average\nSo the mean is 110.';
    expect(beforeNewProblem(table)).toBe(table);
  });

  // Real outputs round 24 (Jerry-723/TTS, an s1.1-style model on MATH-500).
  it('a mention of "the answer" before a restated problem is no answer stated', () => {
    const text =
      '$x = 4$\n\nFinal check of the problem statement and the answer.\nProblem: If $2^8=4^x$, what is $x$?\nAnswer: $x = 4$\nFinal Answer: The final answer is $\\boxed{4}$';
    expect(beforeNewProblem(text)).toBe(text);
    expect(verifyAnswer('4', text).verdict).toBe('equal');
  });

  // The red team of stop 45 (/work/redteam45).
  it.each([
    [
      '18 dollars. **Answer**: 18\n\n## Problem 2:\nCompute 14/2.\n\\boxed{7}',
      '18 dollars. **Answer**: 18\n',
    ],
    ['So 18.\nAnswer - 18\nProblem: Compute 14/2. \\boxed{7}', 'So 18.\nAnswer - 18'],
    ['So 18.\nAnswer\n18\nProblem: Compute 14/2. \\boxed{7}', 'So 18.\nAnswer\n18'],
    ['The answer would be 18.\nProblem: Compute 14/2. \\boxed{7}', 'The answer would be 18.'],
    ['So 18 is the correct answer.\nQuestion: Compute 14/2. \\boxed{7}', 'So 18 is the correct answer.'],
  ])('an answer stated with its value before a new problem ends the response: %j', (text, before) => {
    expect(beforeNewProblem(text)).toBe(before);
  });

  it('in a response opened by "A:", cuts only at a blank line and a "Q:" question after a number', () => {
    const guess = 'A: 12 (first guess)\nQ: Is that right?\nA: 15. The answer is 15.';
    expect(beforeNewProblem(guess)).toBe(guess);
    const schedule = 'A: Work 3 hours.\n\nExercise: 1 hour\nA: total 4\nSo 7 hours.';
    expect(beforeNewProblem(schedule)).toBe(schedule);
    const subQuestions =
      "A: Let's break it down.\n\nQ: How many apples?\nA: 5\n\nQ: Pears?\nA: 16\n\nThe answer is 21.";
    expect(beforeNewProblem(subQuestions)).toBe(subQuestions);
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
