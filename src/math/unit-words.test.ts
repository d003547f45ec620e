import { describe, expect, it } from 'vitest';
import { isNeverUnit, isUnitWord, withoutMicroUnit, withoutUnitCommand } from './unit-words.js';

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

describe('withoutMicroUnit (real outputs round 21: GPT-4 on JEEBench, `100 \\mu F`)', () => {
  it('drops a micro-unit ending the answer after its number', () => {
    expect(withoutMicroUnit('100 \\mu F')).toBe('100');
    expect(withoutMicroUnit('100\\,\\mu\\text{F}')).toBe('100');
    expect(withoutMicroUnit('100 μF')).toBe('100');
  });

  it('keeps friction (`2\\mu g`, `\\mu N`) and anything followed by more', () => {
    expect(withoutMicroUnit('2\\mu g')).toBe('2\\mu g');
    expect(withoutMicroUnit('2\\mu W')).toBe('2\\mu W');
    expect(withoutMicroUnit('0.3 \\mu N')).toBe('0.3 \\mu N');
    expect(withoutMicroUnit('100 \\mu F + 3')).toBe('100 \\mu F + 3');
  });
});
