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
