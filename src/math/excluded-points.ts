import { bareVariable, isConstant, removePoints } from './compare-interval.js';
import type { IntervalValue, MathValue, RelationValue } from './value.js';

/**
 * Conditions on one variable listed with exclusions, `1 \le x \le 3, x \ne 2`,
 * `x \in [1, 3], x \neq 2`, `x \ne 0, x \ne 1`: the exclusions remove their points from what the
 * other conditions allow (from the whole line when there are none): `[1, 2) \cup (2, 3]`,
 * `\mathbb{R} \setminus \{0, 1\}`. A listed `x \ne c` is never one branch of a union (that union
 * would be nearly the whole line; nobody writes a domain that way), so a list holding one is read
 * as a conjunction (issue 9 class 4, relations and intervals). Undefined unless the list holds at
 * least one `name \ne constant` and every item is a condition on that same bare name;
 * `unite` reads the other conditions (compare-interval.ts listToUnion).
 */
export function withoutExcludedPoints(
  items: readonly MathValue[],
  unite: (items: readonly MathValue[]) => IntervalValue | undefined,
  single: (relation: RelationValue) => IntervalValue | undefined,
): IntervalValue | undefined {
  const points: MathValue[] = [];
  const exclusions: RelationValue[] = [];
  const conditions: RelationValue[] = [];
  let name: string | undefined;
  for (const item of items) {
    if (item.kind !== 'relation') return undefined;
    const itemName = item.sides.map(bareVariable).find((side) => side !== undefined);
    if (itemName === undefined || (name !== undefined && itemName !== name)) return undefined;
    name = itemName;
    const excluded = excludedPoint(item);
    if (excluded === undefined) conditions.push(item);
    else {
      points.push(excluded);
      exclusions.push(item);
    }
  }
  if (exclusions.length === 0) return undefined;
  // No other condition: the line without the first point (its own reading), then the rest.
  if (conditions.length === 0) {
    const line = single(exclusions[0] as RelationValue);
    return line === undefined ? undefined : removePoints(line, points.slice(1));
  }
  const allowed = conditions.length === 1 ? single(conditions[0] as RelationValue) : unite(conditions);
  return allowed === undefined ? undefined : removePoints(allowed, points);
}

/** c of `x \ne c` (a bare name on the left, a constant on the right). */
function excludedPoint(relation: RelationValue): MathValue | undefined {
  if (relation.operators.length !== 1 || relation.operators[0] !== '!=') return undefined;
  const [left, right] = relation.sides as [MathValue, MathValue];
  return bareVariable(left) !== undefined && isConstant(right) ? right : undefined;
}
