import { describe, expect, it } from 'vitest';
import { compareSpacedUnit, numberBeforeShortUnit, withoutGluedUnit } from './glued-unit.js';
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

  // EleutherAI/lm-evaluation-harness tests/test_minerva_math_utils.py: "12ft" against 12.
  it('reads a two-letter glued unit as a unit when the gold is a number', () => {
    expect(numberBeforeShortUnit('12ft')).toBe('12');
    expect(numberBeforeShortUnit('-2.5cm^2')).toBe('-2.5');
    expect(numberBeforeShortUnit('10x')).toBeUndefined();
    expect(numberBeforeShortUnit('4s')).toBeUndefined();
    expect(numberBeforeShortUnit('3M')).toBeUndefined();
    expect(numberBeforeShortUnit('2mg')).toBeUndefined();
    expect(verifyAnswer('12', 'The answer is 12ft.').verdict).toBe('equal');
    expect(verifyAnswer('12', '13ft').verdict).toBe('not_equal');
    expect(verifyAnswer('4', '\\boxed{4s}').verdict).toBe('not_equal');
    expect(verifyAnswer('3x', '3m').verdict).toBe('not_equal');
  });
});

describe('compareSpacedUnit', () => {
  it('accepts the gold number and short unit spaced or set in text', () => {
    expect(compareSpacedUnit('5cm', '5\\text{cm}')?.verdict).toBe('equal');
    expect(compareSpacedUnit('5cm', '5\\,\\mathrm{cm}')?.verdict).toBe('equal');
    expect(compareSpacedUnit('5cm', '5 cm')?.verdict).toBe('equal');
  });
  it('decides nothing for another unit, a bare number, the gold as written, or a longer unit', () => {
    expect(compareSpacedUnit('5cm', '5\\text{mm}')).toBeUndefined();
    expect(compareSpacedUnit('5cm', '5')).toBeUndefined();
    expect(compareSpacedUnit('5cm', '5cm')).toBeUndefined();
    expect(compareSpacedUnit('5min', '5 min')).toBeUndefined();
    expect(verifyAnswer('10cm', '10').verdict).toBe('not_equal');
  });
});

// Graders' round 19 (a science quiz's tests): `44cm2` was read as 44 times c, m and 2.
describe('numberBeforeShortUnit with a bare power or a space', () => {
  it.each([
    ['44cm2', '44'],
    ['44 cm2', '44'],
    ['8 m3', undefined],
    ['8km²', '8'],
    ['12ft', '12'],
    ['44mg', undefined],
  ])('%j -> %j', (text, number) => {
    expect(numberBeforeShortUnit(text)).toBe(number);
  });
});

// Stop 47's red team: `1 in3` is a chance and `5 ft2` five feet two.
describe('a bare power digit only after a metric unit', () => {
  it.each(['1 in3', '5 ft2', '2 in2'])('%j is no number with a unit', (text) => {
    expect(numberBeforeShortUnit(text)).toBeUndefined();
  });
});
