import { describe, expect, it } from 'vitest';
import { valueAfterOptionLabel } from './option-label.js';

describe('valueAfterOptionLabel', () => {
  it.each([
    ['(c) 18', '18'],
    ['(C) $\\frac{1}{2}$', '$\\frac{1}{2}$'],
  ])('%j gives the option value', (answer, value) => {
    expect(valueAfterOptionLabel(answer)).toBe(value);
  });

  it.each(['(c)18', '(a) 5 (b) 6', '(a) 5, B. 6', '18', '(x) 18', '(2, 3)', undefined])(
    '%j has no option label',
    (answer) => {
      expect(valueAfterOptionLabel(answer)).toBeUndefined();
    },
  );
});

describe('valueAfterOptionLabel in bold (AMC)', () => {
  it('reads the value after a label set in a text command', () => {
    expect(valueAfterOptionLabel('\\textbf{(B)}\\ 12')).toBe('12');
    expect(valueAfterOptionLabel('\\textbf{(B) }12')).toBe('12');
    expect(valueAfterOptionLabel('\\mathrm{(B)}~12')).toBe('12');
  });
  it('refuses a list of labelled options', () => {
    expect(valueAfterOptionLabel('\\textbf{(A)}\\ 10 \\qquad \\textbf{(B)}\\ 12')).toBeUndefined();
  });
});
