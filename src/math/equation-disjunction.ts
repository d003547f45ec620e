import { scalarJson } from './scalar-json.js';
import type { MathJson, MathValue, RelationValue } from './value.js';

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
