import { describe, expect, it } from 'vitest';
import { withoutCalculatorNotes } from './calculator-note.js';
import { verifyAnswer } from './verify.js';

describe('withoutCalculatorNotes', () => {
  it('drops GSM8K calculator notes, so their `>>` qualifies no value', () => {
    expect(withoutCalculatorNotes('She has 4*3=<<4*3=12>>12 cupcakes.')).toBe('She has 4*3=12 cupcakes.');
    expect(verifyAnswer('12', 'She has 4*3=<<4*3=12>>12 cupcakes.').verdict).toBe('equal');
    expect(verifyAnswer('13', 'She has 4*3=<<4*3=12>>12 cupcakes.').verdict).toBe('not_equal');
  });

  it('keeps text between angle quotes that is no computation', () => {
    expect(withoutCalculatorNotes('\\boxed{42} <<or 43>>')).toBe('\\boxed{42} <<or 43>>');
  });
});
