import { describe, expect, it } from 'vitest';
import { isLabel } from './label.js';
import { parseAnswer } from './parse-answer.js';
import type { MathValue } from './value.js';

/** The left side of a relation as the parser reads it. */
function leftSide(relation: string): MathValue {
  const value = parseAnswer(relation, false);
  if (value?.kind !== 'relation') throw new Error(`not a relation: ${relation}`);
  return value.sides[0] as MathValue;
}

describe('isLabel', () => {
  it.each(['\\Delta p = 2', '\\Delta E_k = 2', '\\Delta\\theta = 2', '|PQ| = 1', 'x = 3'])(
    '%j names its answer',
    (relation) => {
      expect(isLabel(leftSide(relation))).toBe(true);
    },
  );

  it.each(['\\Delta x + 1 = 2', '2\\Delta p = 2', 'x + 1 = 2'])('%j is an equation', (relation) => {
    expect(isLabel(leftSide(relation))).toBe(false);
  });
});
