/**
 * Chains of inequalities compared side by side: `\frac{a}{3} < 2x + 4 \le \frac{4}{3}a + 5` and
 * `\frac{4a}{3} + 5 \ge 2(x + 2) > \frac{1}{3}a` bound the same expression by the same bounds (the
 * same expressions, no answer rule between them: sameSide), in the same strictness, one written
 * from the other end (graders' round 16: chains of two letters were undecidable, even
 * `1 < x + a \le 3` against `1 < a + x \le 3`). Only equal is decided
 * here: chains whose sides or strictness differ may still be equivalent (`2 < 2x + 2a \le 6`;
 * `0 < x^2 + 1` and `0 \le x^2 + 1`), and are left to the checks after this one.
 */
import { evaluateAtPoints, randomPoints, valuesClose } from './compare-expression.js';
import { freeVariables } from './evaluate.js';
import { scalarJson } from './scalar-json.js';
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

/** Relative difference below which two sides' values at a point are the same (floating noise only). */
const SAME_VALUE = 1e-9;

/**
 * Whether two sides are the same expression: equal at random points of their variables within
 * floating noise. No answer rule applies (no rounding, no percent, no unit): a bound moved by any of
 * them is another set (the red team of stop 46: `0.33 < x + a < 1` was paid for `\frac13 < x + a < 1`).
 */
function sameSide(gold: MathValue, pred: MathValue, context: CompareContext): boolean {
  if (gold.kind === 'number' && gold.percent) return false;
  if (pred.kind === 'number' && pred.percent) return false;
  const goldJson = scalarJson(gold);
  const predJson = scalarJson(pred);
  if (goldJson === undefined || predJson === undefined) return false;
  const points = randomPoints(
    freeVariables(goldJson, freeVariables(predJson)),
    context.options.numericPoints,
  );
  const goldValues = evaluateAtPoints(goldJson, points, context.budget.deadline);
  const predValues = evaluateAtPoints(predJson, points, context.budget.deadline);
  let compared = 0;
  for (let index = 0; index < points.length; index++) {
    const goldValue = goldValues[index];
    const predValue = predValues[index];
    if (goldValue === undefined || predValue === undefined) continue;
    if (!valuesClose(goldValue, predValue, SAME_VALUE, SAME_VALUE)) return false;
    compared++;
  }
  return compared >= 2;
}

export function compareChainSides(
  gold: RelationValue,
  pred: RelationValue,
  context: CompareContext,
): Verdict | undefined {
  if (gold.operators.length < 2 || pred.operators.length !== gold.operators.length) return undefined;
  const goldChain = upward(gold);
  const predChain = upward(pred);
  if (goldChain === undefined || predChain === undefined) return undefined;
  if (goldChain.operators.some((operator, index) => predChain.operators[index] !== operator))
    return undefined;
  context.budget.check();
  const sameSides = goldChain.sides.every((side, index) =>
    sameSide(side, predChain.sides[index] as MathValue, context),
  );
  return sameSides
    ? equal('relation-chain', 'the chains bound the same expressions by the same bounds')
    : undefined;
}
