import { describe, expect, it } from 'vitest';
import {
  areConvertedUnits,
  isConversion,
  isPercentOf,
  restatesInOtherUnits,
  roundingMargin,
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
  const half = 0.5; // the margin of an integer: half a unit of its last place
  it('joins two values of different units, the second the first converted and rounded (stop 35)', () => {
    expect(isConversion(2, 'hours', 120, 'minutes', half)).toBe(true);
    expect(isConversion(1.5, '$', 150, 'cents', half)).toBe(true);
    // Rounded conversions: 1 mile is 1.609 km (1.6 at one place), a month about 30.4 days.
    expect(isConversion(1, 'mile', 1.6, 'km', roundingMargin('1.6'))).toBe(true);
    expect(isConversion(1, 'month', 30, 'days', half)).toBe(true);
    expect(isConversion(1, 'ton', 1000, 'kg', half)).toBe(true);
  });
  it('keeps apart a fake conversion, one unit, counted nouns, and a second value near the conversion (stop 36)', () => {
    expect(isConversion(17, 'hours', 18, 'minutes', half)).toBe(false);
    expect(isConversion(17, 'm', 18, 'cm', half)).toBe(false);
    expect(isConversion(2, 'hours', 2, 'hours', half)).toBe(false);
    expect(isConversion(17, 'apples', 17, 'cookies', half)).toBe(false);
    // 51 hours and 16.7 hours: within 2% of the conversion, but other values.
    expect(isConversion(50, 'hours', 3060, 'minutes', half)).toBe(false);
    expect(isConversion(17, 'hours', 1000, 'minutes', half)).toBe(false);
    expect(isConversion(1, 'mile', 1.7, 'km', roundingMargin('1.7'))).toBe(false);
  });
});

describe('roundingMargin', () => {
  it('is half a unit of the last written decimal place', () => {
    expect(roundingMargin('30')).toBeCloseTo(0.5);
    expect(roundingMargin('1.6')).toBeCloseTo(0.05);
    expect(roundingMargin('33.33')).toBeCloseTo(0.005);
  });
});

describe('isPercentOf', () => {
  it('is true when the percent is the value times 100, rounded at its own places', () => {
    expect(isPercentOf(0.75, 75, 0.5)).toBe(true);
    expect(isPercentOf(1 / 3, 33, 0.5)).toBe(true);
    expect(isPercentOf(1 / 3, 33.3, 0.05)).toBe(true);
    expect(isPercentOf(0.5, 18, 0.5)).toBe(false);
    expect(isPercentOf(0.5, 51, 0.5)).toBe(false);
    expect(isPercentOf(1 / 3, 34, 0.5)).toBe(false);
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
