/**
 * Inequalities joined by "and" are their intersection; joined by "or", their union (the
 * convention of algebra courses for compound inequalities: basic-mathematics.com "Compound
 * inequality", Bootstrap's "Compound Inequality Solutions" lesson). Normalization reads both words
 * as list separators, and `asInterval` then unites the bounds unless they overlap; so
 * `x \le -2 \text{ and } x \ge 7` read as the union `(-\infty, -2] \cup [7, \infty)`. Literally
 * no x is both at most -2 and at least 7: this answer states the empty set, and a grader of
 * MATH-style answers marks it wrong against the union (and right against "no solution").
 *
 * `emptyConjunction` finds exactly that case: an answer whose relations are all joined by "and"
 * (`\text{ and }`, `\land`, `\wedge`, `且`, never an "or", `\lor`, `\vee`, `\cup` or a bare comma
 * between them), each a one-sided or two-sided bound on the same name with numeric ends, whose
 * intersection is empty. Overlapping "and" bounds keep today's reading (their intersection).
 */
import { asInterval, bareVariable, numericValue } from './compare-interval.js';
import type { MathValue, RelationValue, SetValue } from './value.js';

const AND_WORD = /\band\b|\\land(?![A-Za-z])|\\wedge(?![A-Za-z])|且/;
const OR_WORD = /\bor\b|\\lor(?![A-Za-z])|\\vee(?![A-Za-z])|\\cup(?![A-Za-z])|或/;

/** The name a bound constrains (`x` of `x \le 3` or `1 < x < 2`), if one side is a bare name. */
function boundedName(relation: RelationValue): string | undefined {
  const middle = relation.sides.length === 3 ? relation.sides[1] : undefined;
  const candidates = middle === undefined ? relation.sides : [middle];
  for (const side of candidates) {
    const name = bareVariable(side);
    if (name !== undefined) return name;
  }
  return undefined;
}

/** Whether the written answer joins its parts by "and" only: one "and" fewer than parts at least. */
function joinedByAndOnly(text: string, parts: number): boolean {
  if (OR_WORD.test(text)) return false;
  const ands = text.split(AND_WORD).length - 1;
  return ands >= parts - 1;
}

const EMPTY_SET: SetValue = { kind: 'set', items: [] };

/**
 * The empty set when `value` (parsed from `text`) is inequalities on one name joined by "and"
 * that no number satisfies together; undefined otherwise (then the value stands as parsed).
 */
export function emptyConjunction(value: MathValue | undefined, text: string): SetValue | undefined {
  if (value?.kind !== 'list' || value.items.length < 2 || !AND_WORD.test(text)) return undefined;
  let name: string | undefined;
  let lower = Number.NEGATIVE_INFINITY;
  let lowerClosed = false;
  let upper = Number.POSITIVE_INFINITY;
  let upperClosed = false;
  for (const item of value.items) {
    if (item.kind !== 'relation' || item.operators.some((operator) => operator === '=' || operator === '!='))
      return undefined;
    const itemName = boundedName(item);
    if (itemName === undefined || (name !== undefined && itemName !== name)) return undefined;
    name = itemName;
    const interval = asInterval(item);
    if (interval === undefined || interval.pieces.length !== 1) return undefined;
    const piece = interval.pieces[0] as (typeof interval.pieces)[0];
    const low = numericValue(piece.lower);
    const high = numericValue(piece.upper);
    if (low === undefined || high === undefined) return undefined;
    if (low > lower || (low === lower && !piece.lowerClosed)) {
      lower = low;
      lowerClosed = piece.lowerClosed;
    }
    if (high < upper || (high === upper && !piece.upperClosed)) {
      upper = high;
      upperClosed = piece.upperClosed;
    }
  }
  const empty = lower > upper || (lower === upper && !(lowerClosed && upperClosed));
  if (!empty || !joinedByAndOnly(text, value.items.length)) return undefined;
  return EMPTY_SET;
}
