import { describe, expect, it } from 'vitest';
import { areConvertedUnits, unitDimension } from './unit-dimension.js';

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
