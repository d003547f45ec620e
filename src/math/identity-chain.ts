import type { MathValue, RelationValue } from './value.js';
import type { CompareContext, Verdict } from './verdict.js';

type Compare = (gold: MathValue, pred: MathValue, context: CompareContext) => Verdict;

/**
 * A chain of equalities that holds identically, `(x+1)^2 = x^2 + 2x + 1` or
 * `x(x(1+x)+2x) - 3(x^2-x+2) = x^3 + 3x - 6` (a simplification: graders' round 10 of stop 37), states
 * its last side: every side equals that one as an expression, so the chain is no equation to solve
 * but a value written several ways. Undefined when a side differs from the last (`x + 1 = 2` is an
 * equation), when the chain has no variable (the constant rules decide), or when a comparison cannot
 * decide. A policy gains nothing: the last side must still equal the gold.
 */
export function identityChainValue(
  relation: RelationValue,
  context: CompareContext,
  compare: Compare,
): MathValue | undefined {
  if (relation.sides.length < 2 || !relation.operators.every((operator) => operator === '='))
    return undefined;
  const last = relation.sides[relation.sides.length - 1] as MathValue;
  if (!relation.sides.some((side) => side.kind === 'expression')) return undefined;
  for (const side of relation.sides.slice(0, -1)) {
    if (side.kind !== 'expression' && side.kind !== 'number') return undefined;
    if (compare(last, side, context).verdict !== 'equal') return undefined;
  }
  return last;
}
