import { bareVariable, isConstant } from './compare-interval.js';
import { freeVariables } from './evaluate.js';
import { scalarJson } from './scalar-json.js';
import type { MathJson, MathValue, RelationValue } from './value.js';

/** The word "or" or a logical-or sign in the answer as written (`\lor` reads as the word). */
const SAYS_OR = /\bor\b|\\(?:lor|vee)(?![A-Za-z])|∨/i;

/** The one unknown an equation names (`x = 1`, `x - 1 = 0`, `2 = y`), or undefined for none or several. */
function soleUnknown(left: MathValue, right: MathValue): string | undefined {
  const leftName = bareVariable(left);
  if (leftName !== undefined && isConstant(right)) return leftName;
  const rightName = bareVariable(right);
  if (rightName !== undefined && isConstant(left)) return rightName;
  const leftJson = scalarJson(left);
  const rightJson = scalarJson(right);
  if (leftJson === undefined || rightJson === undefined) return undefined;
  const unknowns = freeVariables(['Subtract', leftJson, rightJson]);
  return unknowns.size === 1 ? [...unknowns][0] : undefined;
}

/**
 * `a = 0, b = 0` and `a = 0 and b = 0` (or `x - 1 = 0, y - 2 = 0`): each equation names one
 * unknown and no unknown is named twice, so the list is a point, the solution of a system, and not alternatives: it holds
 * where both hold, while `ab = 0` holds where either does. Such a list is read as alternatives only
 * when the answer says "or" (`a = 0 or b = 0`, `a = 0 \lor b = 0`). `x = 1 and x = 2` names one
 * unknown twice: its roots, read as alternatives however they are joined.
 */
export function statesAPoint(pred: MathValue, writtenAs: string): boolean {
  if (pred.kind !== 'list' || SAYS_OR.test(writtenAs)) return false;
  const names = new Set<string>();
  for (const item of pred.items) {
    if (item.kind !== 'relation' || item.operators.length !== 1 || item.operators[0] !== '=') return false;
    const name = soleUnknown(item.sides[0] as MathValue, item.sides[1] as MathValue);
    if (name === undefined || names.has(name)) return false;
    names.add(name);
  }
  return names.size > 1;
}

/**
 * Equations joined by "or" (`a = 0 \lor b = 0`, `x = 1 or x = 2`) hold exactly where the product
 * of their `lhs - rhs` is 0: a product is zero when one of its factors is. So the list is the one
 * equation `(a - 0)(b - 0) = 0`, which the proportional-relation check compares with a gold
 * equation written as such (`ab = 0`, `x^2 - 3x + 2 = 0`), as STACK compares equations by
 * their solution sets. Proportional products are a sufficient test only: `x = 1 or x = 1` is not
 * `x - 1 = 0` here (a repeated factor), and a missing or extra solution never is.
 * Undefined unless every item is one two-sided equation with scalar sides.
 */
export function disjunctionAsEquation(pred: MathValue): RelationValue | undefined {
  if (pred.kind !== 'list' || pred.items.length < 2) return undefined;
  const factors: MathJson[] = [];
  for (const item of pred.items) {
    if (item.kind !== 'relation' || item.operators.length !== 1 || item.operators[0] !== '=')
      return undefined;
    const left = scalarJson(item.sides[0] as MathValue);
    const right = scalarJson(item.sides[1] as MathValue);
    if (left === undefined || right === undefined) return undefined;
    factors.push(['Subtract', left, right]);
  }
  const product: MathValue = { kind: 'expression', json: ['Multiply', ...factors], text: 'product' };
  const zero: MathValue = { kind: 'expression', json: 0, text: '0' };
  return { kind: 'relation', operators: ['='], sides: [product, zero] };
}
