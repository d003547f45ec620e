import { describe, expect, it } from 'vitest';
import { withoutGluedUnit } from './glued-unit.js';
import { verifyAnswer } from './verify.js';

const units = new Set(['weeks', 'dollars', 'min', 'cm', 'm']);
const isUnit = (word: string) => units.has(word.toLowerCase());

describe('withoutGluedUnit', () => {
  it('drops a unit word of three letters or more glued to a number', () => {
    expect(withoutGluedUnit('10weeks', isUnit)).toBe('10');
    expect(withoutGluedUnit('-2.5dollars', isUnit)).toBe('-2.5');
    expect(withoutGluedUnit('12MIN', isUnit)).toBe('12');
  });

  it('keeps short units (a product with a variable?) and words that are no unit', () => {
    expect(withoutGluedUnit('10cm', isUnit)).toBe('10cm');
    expect(withoutGluedUnit('10m', isUnit)).toBe('10m');
    expect(withoutGluedUnit('3sin', isUnit)).toBe('3sin');
    expect(withoutGluedUnit('x10weeks', isUnit)).toBe('x10weeks');
  });

  // MARIO-Math-Reasoning/MARIO_EVAL math_evaluation/tests/test_is_equiv.py (test_is_equiv_units).
  it('reads a gold with a glued unit as its number', () => {
    expect(verifyAnswer('10weeks', '10').verdict).toBe('equal');
    expect(verifyAnswer('10weeks', '11').verdict).toBe('not_equal');
    expect(verifyAnswer('10cm', '10').verdict).toBe('not_equal');
  });
});
