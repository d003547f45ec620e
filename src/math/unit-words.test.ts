import { describe, expect, it } from 'vitest';
import { isNeverUnit, isUnitWord, withoutUnitCommand } from './unit-words.js';

describe('isUnitWord and isNeverUnit', () => {
  it('knows units, SI names among them, and words that qualify instead', () => {
    expect(isUnitWord('cm')).toBe(true);
    expect(isUnitWord('Newtons')).toBe(true);
    expect(isUnitWord('apple')).toBe(false);
    expect(isUnitWord('MB')).toBe(true);
    expect(isUnitWord('dm')).toBe(true);
    expect(isNeverUnit('maybe')).toBe(true);
  });
});

describe('withoutUnitCommand', () => {
  it('drops a unit set in a text command after a number, with its power', () => {
    expect(withoutUnitCommand('5 \\text{ N}')).toBe('5 ');
    // The byte (units of data such as `MB` are unit words: an Omni-MATH gold `7200\mathrm{MB}` read as M times B).
    expect(withoutUnitCommand('7200\\mathrm{B}')).toBe('7200 ');
    expect(withoutUnitCommand('x\\mathrm{B}')).toBe('x\\mathrm{B}');
    expect(withoutUnitCommand('9.8\\,\\mathrm{m\\,s^{-2}}')).toBe('9.8 ');
    expect(withoutUnitCommand('9.8 \\text{ m/s}^2')).toBe('9.8 ');
    expect(withoutUnitCommand('\\frac{1}{2}\\,\\text{kJ}')).toBe('\\frac{1}{2} ');
  });
  it('keeps words that are no unit, one plain unit word (normalize.ts reads it), and a command after no number', () => {
    expect(withoutUnitCommand('40 \\text{ dollars}')).toBe('40 \\text{ dollars}');
    expect(withoutUnitCommand('3\\text{ and }4')).toBe('3\\text{ and }4');
    expect(withoutUnitCommand('x\\,\\text{N}')).toBe('x\\,\\text{N}');
    expect(withoutUnitCommand('5\\text{ apples or N}')).toBe('5\\text{ apples or N}');
  });
});
