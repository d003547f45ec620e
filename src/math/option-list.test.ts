import { describe, expect, it } from 'vitest';
import { withoutOptionLabels } from './option-list.js';
import { verifyAnswer } from './verify.js';

describe('withoutOptionLabels', () => {
  it('blanks the labels of a list of two or more options', () => {
    expect(withoutOptionLabels('A. first option; B. second option')).not.toMatch(/[AB][.)]/);
    expect(withoutOptionLabels('A) first\nB) second')).not.toMatch(/[AB][.)]/);
    expect(withoutOptionLabels('A) first\nB) second')).toContain('second');
  });

  it('keeps one labelled option and letters that are not item labels', () => {
    expect(withoutOptionLabels('A. lightning.')).toBe('A. lightning.');
    expect(withoutOptionLabels('It is B. Not A.')).toBe('It is B. Not A.');
  });

  // A public grader test (eval_power grading tests, test_flexible_choice_extraction).
  it('finds no choice in a bare list of options, and the choice stated after one', () => {
    expect(verifyAnswer('B', 'A. first option; B. second option').verdict).toBe('undecidable');
    expect(verifyAnswer('B', 'A. is wrong; B. is right. So B.').verdict).toBe('equal');
    expect(verifyAnswer('A', 'A. lightning.').verdict).toBe('equal');
    expect(verifyAnswer('B', '\nA. first\nB. second\nC. third\nD. fourth\nTherefore: B').verdict).toBe(
      'equal',
    );
  });
});
