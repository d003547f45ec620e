import { describe, expect, it } from 'vitest';
import {
  areConvertedUnits,
  isConversion,
  isPercentOf,
  restatesInOtherUnits,
  unitDimension,
  withoutRestatement,
} from './unit-dimension.js';

describe('unitDimension', () => {
  it('names the dimension of measurement units, in any letter case, and none for counted nouns', () => {
    expect(unitDimension('Hours')).toBe('time');
    expect(unitDimension('in')).toBe('length');
    expect(unitDimension('$')).toBe('money');
    expect(unitDimension('apples')).toBeUndefined();
  });
});

describe('areConvertedUnits', () => {
  it('is true for two different units of one dimension only', () => {
    expect(areConvertedUnits('hours', 'minutes')).toBe(true);
    expect(areConvertedUnits('$', 'cents')).toBe(true);
    expect(areConvertedUnits('hours', 'hours')).toBe(false);
    expect(areConvertedUnits('hours', 'feet')).toBe(false);
    expect(areConvertedUnits('apples', 'cookies')).toBe(false);
  });
});

describe('isConversion', () => {
  it('joins two values of different units that agree after conversion (red team of stop 35)', () => {
    expect(isConversion(2, 'hours', 120, 'minutes')).toBe(true);
    expect(isConversion(1.5, '$', 150, 'cents')).toBe(true);
    // Rounded conversions: 1 mile is 1.609 km, a month about 30.4 days.
    expect(isConversion(1, 'mile', 1.6, 'km')).toBe(true);
    expect(isConversion(1, 'month', 30, 'days')).toBe(true);
    expect(isConversion(1, 'ton', 1000, 'kg')).toBe(true);
  });
  it('keeps apart a fake conversion, one unit, and counted nouns', () => {
    expect(isConversion(17, 'hours', 18, 'minutes')).toBe(false);
    expect(isConversion(17, 'm', 18, 'cm')).toBe(false);
    expect(isConversion(2, 'hours', 2, 'hours')).toBe(false);
    expect(isConversion(17, 'apples', 17, 'cookies')).toBe(false);
  });
});

describe('isPercentOf', () => {
  it('is true when the percent is the value times 100, rounded', () => {
    expect(isPercentOf(0.75, 75)).toBe(true);
    expect(isPercentOf(1 / 3, 33)).toBe(true);
    expect(isPercentOf(0.5, 18)).toBe(false);
  });
});

describe('restatesInOtherUnits', () => {
  it('reads the value that closes the stated text and the whole offered text', () => {
    expect(restatesInOtherUnits('The answer is 2 hours', '120 minutes')).toBe(true);
    expect(restatesInOtherUnits('$1.50', '150 cents')).toBe(true);
    expect(restatesInOtherUnits('3/4', '75%')).toBe(true);
    expect(restatesInOtherUnits('0.5', 'about 50\\%')).toBe(true);
  });
  it('is false for a fake conversion, a bare number, a percent after a unit, or a second clause', () => {
    expect(restatesInOtherUnits('17 hours', '18 minutes')).toBe(false);
    expect(restatesInOtherUnits('2 hours', '120')).toBe(false);
    expect(restatesInOtherUnits('2 hours', '50%')).toBe(false);
    expect(restatesInOtherUnits('2 hours', 'or 120 minutes')).toBe(false);
  });
});

describe('withoutRestatement', () => {
  it('drops a closing parenthesis that restates the value, and nothing else', () => {
    expect(withoutRestatement('0.5 (50\\%)')).toBe('0.5');
    expect(withoutRestatement('2 hours (120 minutes)')).toBe('2 hours');
    expect(withoutRestatement('0.5 (60%)')).toBe('0.5 (60%)');
    expect(withoutRestatement('(3, 5)')).toBe('(3, 5)');
    expect(withoutRestatement('f(2)')).toBe('f(2)');
  });
});
