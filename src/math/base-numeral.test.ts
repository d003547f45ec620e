import { describe, expect, it } from 'vitest';
import { compareBaseNumerals } from './base-numeral.js';

describe('compareBaseNumerals', () => {
  it('compares numerals in different bases by their values', () => {
    expect(compareBaseNumerals('1011_2', '1011_{10}')?.verdict).toBe('not_equal');
    expect(compareBaseNumerals('1011_2', '11_{10}')?.verdict).toBe('equal');
    expect(compareBaseNumerals('11', '1011_2')?.verdict).toBe('equal');
    expect(compareBaseNumerals('12', '1011_2')?.verdict).toBe('not_equal');
    expect(compareBaseNumerals('FF_{16}', '377_8')?.verdict).toBe('equal');
  });
  it('leaves numerals in the same base, and plain answers, to the usual reading', () => {
    expect(compareBaseNumerals('1011_2', '1011_{2}')).toBeUndefined();
    expect(compareBaseNumerals('1011_2', '1011')).toBeUndefined();
    expect(compareBaseNumerals('1011', '1011_{10}')).toBeUndefined();
    expect(compareBaseNumerals('1011', '1011_2')).toBeUndefined();
    expect(compareBaseNumerals('x_1', 'x_2')).toBeUndefined();
    expect(compareBaseNumerals('12', '129_8')).toBeUndefined();
  });
});
