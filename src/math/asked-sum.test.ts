import { describe, expect, it } from 'vitest';
import { namesAskedSum } from './asked-sum.js';
import { parseAnswer } from './parse-answer.js';
import type { MathValue } from './value.js';
import { verifyAnswer } from './verify.js';

function leftSide(relation: string): MathValue {
  const value = parseAnswer(relation, false);
  if (value?.kind !== 'relation') throw new Error(`not a relation: ${relation}`);
  return value.sides[0] as MathValue;
}

describe('namesAskedSum', () => {
  it.each(['m + n = 7', 'a+b+c=12', 'p + q + r + s = 40', 'a_1 + a_2 = 3'])('%j names a sum', (relation) => {
    expect(namesAskedSum(leftSide(relation))).toBe(true);
  });

  it.each(['2m + n = 7', 'x + 1 = 7', 'm - n = 7', 'mn = 12', 'm + m = 7', 'x = 7', 'm + 2 = 7'])(
    '%j is an equation, not a name',
    (relation) => {
      expect(namesAskedSum(leftSide(relation))).toBe(false);
    },
  );
});

describe('a stated sum against a gold value', () => {
  it.each([
    ['7', 'm+n=7'],
    ['7', 'The answer is $m + n = 7$.'],
    ['12', 'a+b+c=12'],
  ])('gold %j, %j is equal', (gold, response) => {
    expect(verifyAnswer(gold, response).verdict).toBe('equal');
  });

  it.each([
    ['7', 'm+n=8'],
    ['7', '2m+n=7'],
    ['7', 'x+1=7'],
    ['7', 'm+n=7 \\text{ or } m+n=8'],
    ['1', 'x + y = 1'.replace('1', '2')],
  ])('gold %j, %j is not equal', (gold, response) => {
    expect(verifyAnswer(gold, response).verdict).not.toBe('equal');
  });

  it('a gold line x + y = 1 is not its constant', () => {
    expect(verifyAnswer('x + y = 1', '1').verdict).not.toBe('equal');
  });
});
