import { describe, expect, it } from 'vitest';
import { isLabelNumber, isStepLabel, withoutStepReferences } from './step-label.js';
import { verifyAnswer } from './verify.js';

/** The predicate applied to the last occurrence of `number` in the text. */
const atLast =
  (predicate: (text: string, start: number, end: number) => boolean) =>
  (text: string, number: string): boolean => {
    const start = text.lastIndexOf(number);
    return predicate(text, start, start + number.length);
  };
const label = atLast(isStepLabel);
const numbering = atLast(isLabelNumber);

describe('isStepLabel', () => {
  it.each([
    ['Step 4: days = 6\nStep 5: print(total_days)', '5'],
    ['x = 2\n**Step 3.** Done', '3'],
    ['step 2) so we stop', '2'],
  ])('%j: %s counts steps', (text, number) => {
    expect(label(text, number)).toBe(true);
  });

  it.each([
    ['It takes 5 steps.', '5'],
    ['The next step 5 is:', '5'],
    ['Step 2: we get 5: done', '5'],
  ])('%j: %s is a value', (text, number) => {
    expect(label(text, number)).toBe(false);
  });
});

// KbsdJames/Omni-MATH GPT_eval/examples (Llama-3.1-70B, cut-off responses).
describe('isLabelNumber', () => {
  it.each([
    ['Step 4: days = 6\nStep 5: print(total_days)', '5'],
    ['(1) The minimum is 6.\n\n(2) Now we find the maximum', '2'],
    ['We pair up $(a_1 + \\cdots + a_{10})', '10'],
    ['So the value is x_5', '5'],
  ])('%j: %s numbers something', (text, number) => {
    expect(numbering(text, number)).toBe(true);
  });

  it.each([
    ['The answer is (2).', '2'],
    ['We have 12 in total\n(2)', '2'],
    ['so x_{1} = 4', '4'],
    ['The sum is 2^{10}', '10'],
  ])('%j: %s is a value', (text, number) => {
    expect(numbering(text, number)).toBe(false);
  });
});

// An examiner's hard pairs of stop 47: "The answer is 48 (see steps 1-3 above)." read -3.
describe('a step named in a sentence', () => {
  it.each([
    ['The answer is 48 (see step 3 above).', '3'],
    ['Let me know if you have questions about steps 1-3.', '-3'],
    ['Let me know if you have questions about steps 1', '1'],
    ['as computed in Step #2.', '2'],
  ])('%j: %s names a step', (text, number) => {
    expect(numbering(text, number)).toBe(true);
  });

  it.each([
    ['It takes 3 steps.', '3'],
    ['After 5 steps, 12 remain.', '12'],
    ['The result is 10-3', '-3'],
  ])('%j: %s is a value', (text, number) => {
    expect(numbering(text, number)).toBe(false);
  });

  it('leaves a phrase the numbers of its steps do not hold', () => {
    expect(withoutStepReferences('48 (see steps 1-3 above)')).toBe('48 (see   above)');
    expect(withoutStepReferences('48 and 49')).toBe('48 and 49');
  });

  it('reads the value before the steps named', () => {
    expect(verifyAnswer('48', 'The answer is 48 (see steps 1-3 above).').verdict).toBe('equal');
    expect(verifyAnswer('3', 'The answer is 48 (see step 3 above).').verdict).toBe('not_equal');
  });
});

// Stop 47's red team: a step the answer names, and a count before "steps", keep their numbers.
describe('a step that is not cited', () => {
  it.each([
    ['The total first exceeds 100 at step 4.', '4'],
    ['The answer is step 7.', '7'],
    ['After 4 steps 12 remain.', '12'],
    ['From step 1, 15 is the total.', '15'],
    ['The grid step 0.25', '0.25'],
    // Stop 47's second red team: ProcessBench-style answers name a step with "in".
    ['The earliest error is in step 3.', '3'],
    ['It first exceeds 100 in step 7.', '7'],
  ])('%j: %s is a value', (text, number) => {
    expect(numbering(text, number)).toBe(false);
  });
});
