import { describe, expect, it } from 'vitest';
import { chainInterval } from './linear-chain.js';
import { parseAnswer } from './parse-answer.js';
import type { RelationValue } from './value.js';
import { verifyAnswer } from './verify.js';

const relation = (text: string) => parseAnswer(text, false) as RelationValue;

describe('chainInterval', () => {
  it('solves each link of a chain linear in one variable', () => {
    // -5 < 3x + 7 <= 22: -12 < 3x <= 15, x in (-4, 5].
    expect(chainInterval(relation('-5 < 3x + 7 \\le 22'))).toEqual({
      variable: 'x',
      lower: -4,
      upper: 5,
      lowerClosed: false,
      upperClosed: true,
    });
    // 4 >= z >= -1 reversed: -1 <= z <= 4; 0 < 2 < x: the constant link holds, x > 2.
    expect(chainInterval(relation('4 \\ge z \\ge -1'))).toMatchObject({
      lower: -1,
      upper: 4,
      lowerClosed: true,
    });
    expect(chainInterval(relation('0<2<x'))).toMatchObject({ lower: 2, upper: Number.POSITIVE_INFINITY });
  });

  it('states no interval for a chain that turns, is not linear, or has no constant side', () => {
    expect(chainInterval(relation('A < B > C'))).toBeUndefined();
    expect(chainInterval(relation('1 < x^2 < 4'))).toBeUndefined();
    expect(chainInterval(relation('f(2) < f(1) < f(4)'))).toBeUndefined();
  });
});

describe('chains of inequalities through verifyAnswer (pie-framework fixtures, graders round 12)', () => {
  it.each([
    ['1<2x \\le 3', '3 \\ge 2x>1', 'equal'],
    ['-3 < 2x +5 < 17', '-8 < 2x < 12', 'equal'],
    ['-99 \\le 9-12r \\le 45', '-3\\le r\\le 9', 'equal'],
    ['1<2x \\le 3', '1 \\le 2x < 3', 'not_equal'],
    ['-3 < 2x +5 < 17', '-8 < 2x < 14', 'not_equal'],
    // Half-lines: x > -1 against x < 1 (an open end is close only to itself).
    ['-x < 1', '-x > -1', 'not_equal'],
    ['-x < 1', 'x > -1', 'equal'],
  ])('%s against %s is %s', (gold, response, verdict) => {
    expect(verifyAnswer(gold, response).verdict).toBe(verdict);
  });
});
