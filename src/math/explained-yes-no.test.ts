import { describe, expect, it } from 'vitest';
import { compareExplainedYesNo } from './explained-yes-no.js';
import { verifyAnswer } from './verify.js';

describe('compareExplainedYesNo', () => {
  it('reads the leading yes or no of an explained answer against a yes/no gold', () => {
    expect(compareExplainedYesNo('Yes', 'Yes, the equilibrium x(t) = 0 is stable.')?.verdict).toBe('equal');
    expect(compareExplainedYesNo('No.', 'No, the ODE has a singular point at x = 0.')?.verdict).toBe('equal');
    expect(compareExplainedYesNo('Yes', 'No: the series diverges.')?.verdict).toBe('not_equal');
  });
  it('decides nothing when the explanation says yes or no again, or the gold is no yes/no', () => {
    expect(compareExplainedYesNo('Yes', 'Yes, or maybe no.')).toBeUndefined();
    expect(compareExplainedYesNo('No', 'No, wait, yes.')).toBeUndefined();
    // Words that take the answer back or flip it (stop 37's red team).
    for (const taken of [
      'Yes, scratch that.',
      'Yes, or rather the negation.',
      'Yes, wait, negative.',
      'Yes, it is false.',
    ])
      expect(compareExplainedYesNo('Yes', taken), taken).toBeUndefined();
    expect(verifyAnswer('Yes', 'The answer is: Yes, scratch that.').verdict).not.toBe('equal');
    expect(compareExplainedYesNo('Yes', 'Yes')).toBeUndefined();
    expect(compareExplainedYesNo('5', 'Yes, 5.')).toBeUndefined();
  });
  it('scores explained answers end to end', () => {
    expect(verifyAnswer('Yes', '<answer>Yes, the equilibrium is stable.</answer>').verdict).toBe('equal');
    expect(verifyAnswer('No', '<answer>Yes, the equilibrium is stable.</answer>').verdict).toBe('not_equal');
    expect(verifyAnswer('No', '{"answer": "No, there is none."}').verdict).toBe('equal');
    expect(verifyAnswer('Yes', '{"answer": "No, there is none."}').verdict).not.toBe('equal');
    // "no" again in the explanation: the leading word is not read.
    expect(verifyAnswer('No', '{"answer": "No, no such function exists."}').verdict).not.toBe('equal');
  });
});
