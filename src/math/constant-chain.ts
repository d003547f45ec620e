import { isConstant } from './compare-interval.js';
import type { MathValue, RelationValue } from './value.js';

/**
 * The value a chain of equalities computes for the quantity it starts from: in
 * `m+n = 256+37 = 293` (three sides or more, every side after the first a constant) the first side
 * names what the question asks for and the rest compute it, so the chain states its last side. A
 * two-sided `x + 1 = 3` is not such a chain: it restates an equation and states no value.
 */
export function constantChainValue(relation: RelationValue): MathValue | undefined {
  const { sides, operators } = relation;
  if (sides.length < 3 || !operators.every((operator) => operator === '=')) return undefined;
  for (let index = 1; index < sides.length; index++) {
    if (!isConstant(sides[index] as MathValue)) return undefined;
  }
  return sides[sides.length - 1];
}

/**
 * A side that computes a constant: one without free variables, or arithmetic on numbers written
 * short with an ellipsis (`2*7 + 3*6 + ... `, `1 + 2 + \cdots + 10`), which reads as words.
 */
export function computesConstant(side: MathValue): boolean {
  if (side.kind !== 'text') return isConstant(side);
  return /\d/.test(side.text) && ELIDED_ARITHMETIC.test(side.text);
}

const ELIDED_ARITHMETIC =
  /^[\d\s+\-*/×·.,()^]*(?:\.\.\.|…|\\[lc]?dots(?![A-Za-z]))(?:[\d\s+\-*/×·.,()^]|\\[lc]?dots(?![A-Za-z]))*$/;
