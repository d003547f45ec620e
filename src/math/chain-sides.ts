/**
 * Chains of inequalities compared side by side: `\frac{a}{3} < 2x + 4 \le \frac{4}{3}a + 5` and
 * `\frac{4a}{3} + 5 \ge 2(x + 2) > \frac{1}{3}a` bound the same expression by the same bounds, in
 * the same strictness, one written from the other end (graders' round 16: chains of two letters
 * were undecidable, even `1 < x + a \le 3` against `1 < a + x \le 3`). Only equal is decided
 * here: chains whose sides or strictness differ may still be equivalent (`2 < 2x + 2a \le 6`;
 * `0 < x^2 + 1` and `0 \le x^2 + 1`), and are left to the checks after this one.
 */
import type { CompareValues } from './compare-collection.js';
import type { MathValue, RelationOperator, RelationValue } from './value.js';
import { type CompareContext, equal, type Verdict } from './verdict.js';

const FLIPPED: Partial<Record<RelationOperator, RelationOperator>> = { '>': '<', '>=': '<=' };

/** The chain written with `<` and `<=` only (reversed when it runs downward), or undefined for a mixed one. */
function upward(relation: RelationValue): { operators: RelationOperator[]; sides: MathValue[] } | undefined {
  const { operators, sides } = relation;
  if (operators.every((operator) => operator === '<' || operator === '<=')) return { operators, sides };
  if (!operators.every((operator) => FLIPPED[operator] !== undefined)) return undefined;
  return {
    operators: operators.map((operator) => FLIPPED[operator] as RelationOperator).reverse(),
    sides: [...sides].reverse(),
  };
}

export function compareChainSides(
  gold: RelationValue,
  pred: RelationValue,
  context: CompareContext,
  compareValues: CompareValues,
): Verdict | undefined {
  if (gold.operators.length < 2 || pred.operators.length !== gold.operators.length) return undefined;
  const goldChain = upward(gold);
  const predChain = upward(pred);
  if (goldChain === undefined || predChain === undefined) return undefined;
  const sameSides = goldChain.sides.every(
    (side, index) => compareValues(side, predChain.sides[index] as MathValue, context).verdict === 'equal',
  );
  if (!sameSides || goldChain.operators.some((operator, index) => predChain.operators[index] !== operator))
    return undefined;
  return equal('relation-chain', 'the chains bound the same expressions by the same bounds');
}
