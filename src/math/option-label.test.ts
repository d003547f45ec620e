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
