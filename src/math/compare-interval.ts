import type { CompareValues } from './compare-collection.js';
import { evaluate, freeVariables } from './evaluate.js';
import { withoutExcludedPoints } from './excluded-points.js';
import { isLabel } from './label.js';
import { scalarJson } from './scalar-json.js';
import { mergedUnion } from './set-operations.js';
import {
  describeValue,
  type IntervalPiece,
  type IntervalValue,
  type MathJson,
  type MathValue,
  type RelationOperator,
  type RelationValue,
} from './value.js';
import { type CompareContext, equal, notEqual, type Verdict } from './verdict.js';

const POSITIVE_INFINITY: MathValue = { kind: 'expression', json: 'PositiveInfinity', text: '\\infty' };
const NEGATIVE_INFINITY: MathValue = {
  kind: 'expression',
  json: ['Negate', 'PositiveInfinity'],
  text: '-\\infty',
};

/** The variable a side names, when the side is a bare variable. */
export function bareVariable(value: MathValue): string | undefined {
  if (value.kind !== 'expression') return undefined;
  const json = value.json;
  if (typeof json === 'string' && !json.startsWith("'") && freeVariables(json).size === 1) return json;
  if (Array.isArray(json) && (json[0] === 'At' || json[0] === 'Subscript')) return JSON.stringify(json);
  return undefined;
}

/** True when the value has no free variable (a number, a constant expression, an infinity). */
export function isConstant(value: MathValue): boolean {
  if (value.kind === 'number') return true;
  return value.kind === 'expression' && freeVariables(value.json).size === 0;
}

const MIRROR: Partial<Record<RelationOperator, RelationOperator>> = {
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<=',
};

function oneSided(operator: RelationOperator, bound: MathValue): IntervalPiece | undefined {
  switch (operator) {
    case '<':
    case '<=':
      return { lower: NEGATIVE_INFINITY, upper: bound, lowerClosed: false, upperClosed: operator === '<=' };
    case '>':
    case '>=':
      return { lower: bound, upper: POSITIVE_INFINITY, lowerClosed: operator === '>=', upperClosed: false };
    default:
      return undefined;
  }
}

/**
 * The variable under `|...|` when the side is `|x|`, `|x - a|` or `|x + a|` (a constant), with the
 * centre a (0 for `|x|`).
 */
function absoluteOfVariable(value: MathValue): { centre: MathJson } | undefined {
  if (value.kind !== 'expression' || !Array.isArray(value.json) || value.json[0] !== 'Abs') return undefined;
  const inner = value.json[1] as MathJson;
  const isVariable = (json: MathJson | undefined) =>
    json !== undefined && bareVariable({ kind: 'expression', json, text: '' }) !== undefined;
  const isNumber = (json: MathJson | undefined) =>
    json !== undefined && isConstant({ kind: 'expression', json, text: '' });
  if (isVariable(inner)) return { centre: 0 };
  if (!Array.isArray(inner) || inner.length !== 3) return undefined;
  const [head, left, right] = inner as [string, MathJson, MathJson];
  if (head === 'Subtract' && isVariable(left) && isNumber(right)) return { centre: right };
  if (head === 'Add' && isVariable(left) && isNumber(right)) return { centre: ['Negate', right] };
  if (head === 'Add' && isVariable(right) && isNumber(left)) return { centre: ['Negate', left] };
  return undefined;
}

/** The intervals of |x - c| moved by c: each finite end e becomes e + c. */
function shifted(interval: IntervalValue | undefined, centre: MathJson): IntervalValue | undefined {
  if (interval === undefined || centre === 0) return interval;
  const move = (end: MathValue): MathValue =>
    end === POSITIVE_INFINITY || end === NEGATIVE_INFINITY
      ? end
      : {
          kind: 'expression',
          json: ['Add', scalarJson(end) ?? 0, centre],
          text: `${describeValue(end)} + c`,
        };
  return {
    kind: 'interval',
    pieces: interval.pieces.map((piece) => ({
      ...piece,
      lower: move(piece.lower),
      upper: move(piece.upper),
    })),
  };
}

export function numericValue(value: MathValue): number | undefined {
  const json = scalarJson(value);
  if (json === undefined || !isConstant(value)) return undefined;
  try {
    const result = evaluate(json, new Map());
    return result.im === 0 ? result.re : undefined;
  } catch {
    return undefined;
  }
}

function negated(value: MathValue): MathValue {
  const json = scalarJson(value) ?? 0;
  return { kind: 'expression', json: ['Negate', json], text: `-${describeValue(value)}` };
}

/**
 * `a <(=) |x| <(=) b`, `|x| < b`, `|x| > a` as a union of intervals: `1 \le |z| \le 2` is
 * [-2, -1] U [1, 2]. Only numeric bounds; undefined when a bound is negative or not a number.
 */
function absoluteToIntervals(
  low: { bound: MathValue; closed: boolean } | undefined,
  high: { bound: MathValue; closed: boolean } | undefined,
): IntervalValue | undefined {
  const lowValue = low === undefined ? 0 : numericValue(low.bound);
  const highValue = high === undefined ? Number.POSITIVE_INFINITY : numericValue(high.bound);
  if (lowValue === undefined || highValue === undefined || lowValue < 0 || highValue <= lowValue)
    return undefined;
  const upper = high?.bound ?? POSITIVE_INFINITY;
  const lowerUpper = high === undefined ? NEGATIVE_INFINITY : negated(high.bound);
  const upperClosed = high?.closed ?? false;
  if (low === undefined || (lowValue === 0 && low.closed)) {
    return {
      kind: 'interval',
      pieces: [{ lower: lowerUpper, upper, lowerClosed: upperClosed, upperClosed }],
    };
  }
  return {
    kind: 'interval',
    pieces: [
      { lower: lowerUpper, upper: negated(low.bound), lowerClosed: upperClosed, upperClosed: low.closed },
      { lower: low.bound, upper, lowerClosed: low.closed, upperClosed },
    ],
  };
}

/** A side that names the quantity an inequality bounds: `x`, `f(x)`, `v_0`. */
function boundedName(value: MathValue): boolean {
  return bareVariable(value) !== undefined || (value.kind === 'expression' && isLabel(value));
}

/**
 * Reads a one-variable inequality as an interval: `x \le 3`, `3 > x`, `1 < x \le 3`, `x \in I`,
 * `0 < f(x) < 1`, `1 \le |z| \le 2` (a union). Undefined for anything else (two variables,
 * equations, non-constant bounds).
 */
export function relationToInterval(relation: RelationValue): IntervalValue | undefined {
  const { sides, operators } = relation;
  const absolute = absoluteRelation(relation);
  if (absolute !== undefined) return absolute;
  if (operators.length === 1) {
    const [left, right] = sides as [MathValue, MathValue];
    const operator = operators[0] as RelationOperator;
    if (operator === 'in' && bareVariable(left) !== undefined)
      return right.kind === 'relation' ? undefined : asInterval(right);
    if (operator === '!=' && boundedName(left) && isConstant(right)) {
      // `x \ne 2`: the line without the point.
      return {
        kind: 'interval',
        pieces: [
          { lower: NEGATIVE_INFINITY, upper: right, lowerClosed: false, upperClosed: false },
          { lower: right, upper: POSITIVE_INFINITY, lowerClosed: false, upperClosed: false },
        ],
      };
    }
    if (boundedName(left) && isConstant(right)) {
      const piece = oneSided(operator, right);
      return piece === undefined ? undefined : { kind: 'interval', pieces: [piece] };
    }
    const mirrored = MIRROR[operator];
    if (boundedName(right) && isConstant(left) && mirrored !== undefined) {
      const piece = oneSided(mirrored, left);
      return piece === undefined ? undefined : { kind: 'interval', pieces: [piece] };
    }
    return undefined;
  }
  if (operators.length === 2 && sides.length === 3) {
    const [low, middle, high] = sides as [MathValue, MathValue, MathValue];
    if (!boundedName(middle) || !isConstant(low) || !isConstant(high)) return undefined;
    const [first, second] = operators as [RelationOperator, RelationOperator];
    const ascending = (first === '<' || first === '<=') && (second === '<' || second === '<=');
    const descending = (first === '>' || first === '>=') && (second === '>' || second === '>=');
    if (ascending) {
      return {
        kind: 'interval',
        pieces: [{ lower: low, upper: high, lowerClosed: first === '<=', upperClosed: second === '<=' }],
      };
    }
    if (descending) {
      return {
        kind: 'interval',
        pieces: [{ lower: high, upper: low, lowerClosed: second === '>=', upperClosed: first === '>=' }],
      };
    }
  }
  return undefined;
}

/** `|x|` bounded on one or both sides, read as intervals (see absoluteToIntervals). */
function absoluteRelation(relation: RelationValue): IntervalValue | undefined {
  const { sides, operators } = relation;
  const lessThan = (operator: RelationOperator | undefined) => operator === '<' || operator === '<=';
  const greaterThan = (operator: RelationOperator | undefined) => operator === '>' || operator === '>=';
  const closed = (operator: RelationOperator | undefined) => operator === '<=' || operator === '>=';
  const middle = operators.length === 2 ? absoluteOfVariable(sides[1] as MathValue) : undefined;
  if (middle !== undefined) {
    const [low, , high] = sides as [MathValue, MathValue, MathValue];
    const [first, second] = operators;
    if (lessThan(first) && lessThan(second))
      return shifted(
        absoluteToIntervals({ bound: low, closed: closed(first) }, { bound: high, closed: closed(second) }),
        middle.centre,
      );
    if (greaterThan(first) && greaterThan(second))
      return shifted(
        absoluteToIntervals({ bound: high, closed: closed(second) }, { bound: low, closed: closed(first) }),
        middle.centre,
      );
    return undefined;
  }
  if (operators.length !== 1) return undefined;
  let [left, right] = sides as [MathValue, MathValue];
  let operator = operators[0];
  if (absoluteOfVariable(right) !== undefined && operator !== undefined && MIRROR[operator] !== undefined) {
    [left, right] = [right, left];
    operator = MIRROR[operator];
  }
  const absolute = absoluteOfVariable(left);
  if (absolute === undefined || !isConstant(right)) return undefined;
  if (lessThan(operator))
    return shifted(
      absoluteToIntervals(undefined, { bound: right, closed: closed(operator) }),
      absolute.centre,
    );
  if (greaterThan(operator))
    return shifted(
      absoluteToIntervals({ bound: right, closed: closed(operator) }, undefined),
      absolute.centre,
    );
  return undefined;
}

/**
 * `x < -1, x > 1` (from "x < -1 or x > 1"): one-variable inequalities joined into a union. The
 * words "and"/"or" are gone by now, so two one-sided bounds that overlap (`x \ge 2, x < 5`, from
 * "x >= 2 and x < 5") are read as their intersection: "or" would make them the whole line, which
 * nobody writes that way.
 */
function listToUnion(items: readonly MathValue[]): IntervalValue | undefined {
  if (items.length > 1 && items.some(isExclusion)) {
    return withoutExcludedPoints(items, listToUnion, relationToInterval);
  }
  const pieces: IntervalPiece[] = [];
  for (const item of items) {
    if (item.kind !== 'relation' || item.operators.includes('=')) return undefined;
    const interval = relationToInterval(item);
    if (interval === undefined) return undefined;
    pieces.push(...interval.pieces);
  }
  if (pieces.length === 2) {
    const [first, second] = pieces as [IntervalPiece, IntervalPiece];
    const upperOnly = (piece: IntervalPiece) =>
      piece.lower === NEGATIVE_INFINITY && piece.upper !== POSITIVE_INFINITY;
    const lowerOnly = (piece: IntervalPiece) =>
      piece.upper === POSITIVE_INFINITY && piece.lower !== NEGATIVE_INFINITY;
    const below = upperOnly(first) ? first : upperOnly(second) ? second : undefined;
    const above = lowerOnly(first) ? first : lowerOnly(second) ? second : undefined;
    const top = below === undefined ? undefined : numericValue(below.upper);
    const bottom = above === undefined ? undefined : numericValue(above.lower);
    if (
      below !== undefined &&
      above !== undefined &&
      top !== undefined &&
      bottom !== undefined &&
      bottom < top
    ) {
      return {
        kind: 'interval',
        pieces: [
          {
            lower: above.lower,
            upper: below.upper,
            lowerClosed: above.lowerClosed,
            upperClosed: below.upperClosed,
          },
        ],
      };
    }
  }
  return { kind: 'interval', pieces };
}

/** Cheap trigger for excluded-points.ts: a listed `\ne` relation. */
function isExclusion(item: MathValue): boolean {
  return item.kind === 'relation' && item.operators.length === 1 && item.operators[0] === '!=';
}

/**
 * `(-2, 2) \setminus \{0\}`: an interval (or union) without some points; a point inside a piece
 * splits it, a closed end at a point opens. Undefined when a point is not a number.
 */
export function removePoints(
  interval: IntervalValue,
  points: readonly MathValue[],
): IntervalValue | undefined {
  let pieces = interval.pieces;
  for (const point of points) {
    const at = numericValue(point);
    if (at === undefined) return undefined;
    const next: IntervalPiece[] = [];
    for (const piece of pieces) {
      const lower = numericValue(piece.lower);
      const upper = numericValue(piece.upper);
      if (lower === undefined || upper === undefined) return undefined;
      if (at > lower && at < upper) {
        next.push(
          { ...piece, upper: point, upperClosed: false },
          { ...piece, lower: point, lowerClosed: false },
        );
      } else if (at === lower) next.push({ ...piece, lowerClosed: false });
      else if (at === upper) next.push({ ...piece, upperClosed: false });
      else next.push(piece);
    }
    pieces = next;
  }
  return { kind: 'interval', pieces };
}

/** Any value that reads as an interval (or union): intervals, 2-tuples, one-variable inequalities. */
export function asInterval(value: MathValue): IntervalValue | undefined {
  if (value.kind === 'interval') return value;
  if (value.kind === 'tuple' && value.items.length === 2 && value.open !== '\\langle') {
    const [lower, upper] = value.items as [MathValue, MathValue];
    return {
      kind: 'interval',
      pieces: [{ lower, upper, lowerClosed: value.open === '[', upperClosed: value.close === ']' }],
    };
  }
  if (value.kind === 'relation') return relationToInterval(value);
  if (value.kind === 'list' && value.items.length > 1) return listToUnion(value.items);
  return undefined;
}

function comparePieces(
  gold: IntervalPiece,
  pred: IntervalPiece,
  context: CompareContext,
  compareValues: CompareValues,
): boolean {
  if (gold.lowerClosed !== pred.lowerClosed || gold.upperClosed !== pred.upperClosed) return false;
  return (
    compareValues(gold.lower, pred.lower, context).verdict === 'equal' &&
    compareValues(gold.upper, pred.upper, context).verdict === 'equal'
  );
}

/** Intervals and unions: same pieces in any order, same open/closed ends, equal endpoints. */
export function compareIntervals(
  gold: IntervalValue,
  pred: IntervalValue,
  context: CompareContext,
  compareValues: CompareValues,
): Verdict {
  // Pieces that overlap or touch are one interval (`(1,5] \cup [2,7)` is `(1,7)`), when every
  // end is a constant (set-operations.ts); pieces with letters are compared as written.
  if (gold.pieces.length > 1 || pred.pieces.length > 1) {
    gold = mergedUnion(gold) ?? gold;
    pred = mergedUnion(pred) ?? pred;
  }
  if (gold.pieces.length !== pred.pieces.length) {
    return notEqual('interval', `gold has ${gold.pieces.length} intervals, prediction ${pred.pieces.length}`);
  }
  const used = new Array<boolean>(pred.pieces.length).fill(false);
  for (const goldPiece of gold.pieces) {
    const index = pred.pieces.findIndex(
      (predPiece, position) => !used[position] && comparePieces(goldPiece, predPiece, context, compareValues),
    );
    if (index < 0)
      return notEqual(
        'interval',
        'an interval of the gold has no equal in the prediction (ends or endpoints)',
      );
    used[index] = true;
  }
  return equal('interval', 'same intervals with the same open and closed ends');
}
