import { describe, expect, it } from 'vitest';
import { differentUnits } from './unit-mismatch.js';
import { verifyAnswer } from './verify.js';

describe('differentUnits', () => {
  it('finds two answers that end in different units of the table', () => {
    expect(differentUnits('4 gal', '4 L')).toEqual(['gal', 'L']);
    expect(differentUnits('12\\,\\mathrm{cm}', '12 mm')).toEqual(['cm', 'mm']);
    expect(differentUnits('5 \\text{ hours}', '5 kg')).toEqual(['hours', 'kg']);
  });

  it('leaves one unit spelled two ways, a side without a unit, and words it does not know', () => {
    expect(differentUnits('4 liters', '4 L')).toBeUndefined();
    expect(differentUnits('18', '18 dollars')).toBeUndefined();
    expect(differentUnits('3 apples', '3 pears')).toBeUndefined();
  });
});

describe('verifyAnswer with units (pie-framework fixtures, graders round 12)', () => {
  it.each([
    ['4 gal', '4 L', 'not_equal'],
    ['2 * 3.5 \\text{gal}', '7 \\text{L}', 'not_equal'],
    ['12 \\text{ cm}', 'The answer is 12 m.', 'not_equal'],
    ['12 \\text{ cm}', '12 cm', 'equal'],
    ['18', 'The answer is 18 dollars.', 'equal'],
  ])('%s against %s is %s', (gold, response, verdict) => {
    expect(verifyAnswer(gold, response).verdict).toBe(verdict);
  });
});
