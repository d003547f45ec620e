import { evaluate, freeVariables } from './evaluate.js';
import { scalarJson } from './scalar-json.js';
import type { IntervalPiece, IntervalValue, MathValue, SetValue } from './value.js';

/**
 * Union, intersection and difference of intervals and of finite sets whose ends and items are
 * constants (`(1,5] \cup [2,7)` is `(1,7)`, `(0,6] \setminus (0,2]` is `(2,6]`, `\{1,2\} \cap
 * \{2,3\}` is `\{2\}`), as WeBWorK's and sympy's graders accept them (graders' rounds 13 and 14).
 * Every end of a result is an end of an operand, kept as written (an exact value stays exact for
 * compare); only the order of the ends is decided here, by their values as doubles. Undefined
 * when an end or item is not a real constant (`(a, b)`), so that such values are read as written.
 */

/** A piece with the values of its ends. */
interface Span {
  piece: IntervalPiece;
  low: number;
  high: number;
}

/** The real value of a constant (an infinity included), or undefined. */
function constantValue(value: MathValue): number | undefined {
  if (value.kind === 'number') return value.percent ? undefined : value.approx;
  const json = scalarJson(value);
  if (json === undefined || freeVariables(json).size > 0) return undefined;
  const result = evaluate(json, new Map());
  return result.im === 0 && !Number.isNaN(result.re) ? result.re : undefined;
}

function spansOf(...values: IntervalValue[]): Span[][] | undefined {
  const all: Span[][] = [];
  const ends = new Map<number, MathValue>();
  for (const value of values) {
    const spans: Span[] = [];
    for (const piece of value.pieces) {
      const low = constantValue(piece.lower);
      const high = constantValue(piece.upper);
      if (low === undefined || high === undefined || low > high) return undefined;
      if (!sameAsSeen(ends, low, piece.lower) || !sameAsSeen(ends, high, piece.upper)) return undefined;
      spans.push({ piece, low, high });
    }
    all.push(spans);
  }
  return all;
}

/**
 * Whether a value is the value seen before with the same double, if any (then recorded): ends or
 * items equal as doubles but written differently (`\sqrt{2}` and `1.4142135623730951`, `10^{20}`
 * and `10^{20}+1`: a red team of stop 40) may differ, and are not ordered here.
 */
function sameAsSeen(seen: Map<number, MathValue>, double: number, value: MathValue): boolean {
  const before = seen.get(double);
  if (before === undefined) {
    seen.set(double, value);
    return true;
  }
  return exactlySame(before, value);
}

function exactlySame(left: MathValue, right: MathValue): boolean {
  if (
    left.kind === 'number' &&
    right.kind === 'number' &&
    left.exact !== undefined &&
    right.exact !== undefined
  )
    return left.exact.numerator * right.exact.denominator === right.exact.numerator * left.exact.denominator;
  return left.kind === right.kind && JSON.stringify(scalarJson(left)) === JSON.stringify(scalarJson(right));
}

/** Whether a span holds no point: `(2, 2)`, `[2, 2)`. */
function isEmpty(span: Span): boolean {
  return span.low === span.high && !(span.piece.lowerClosed && span.piece.upperClosed);
}

/** The spans sorted and joined where they overlap or touch at an end one of them holds. */
function merged(spans: readonly Span[]): Span[] {
  const sorted = spans
    .filter((span) => !isEmpty(span))
    .sort(
      (left, right) =>
        left.low - right.low || Number(right.piece.lowerClosed) - Number(left.piece.lowerClosed),
    );
  const result: Span[] = [];
  for (const span of sorted) {
    const last = result[result.length - 1];
    const joins =
      last !== undefined &&
      (span.low < last.high ||
        (span.low === last.high && (span.piece.lowerClosed || last.piece.upperClosed)));
    if (last === undefined || !joins) {
      result.push(span);
      continue;
    }
    if (span.high > last.high || (span.high === last.high && span.piece.upperClosed)) {
      result[result.length - 1] = {
        piece: { ...last.piece, upper: span.piece.upper, upperClosed: span.piece.upperClosed },
        low: last.low,
        high: span.high,
      };
    }
  }
  return result;
}

/** The union of the spans; the empty set when there is none (`(1,2) \cap (3,4)`). */
function asValue(spans: readonly Span[]): IntervalValue | SetValue {
  return spans.length === 0
    ? { kind: 'set', items: [] }
    : { kind: 'interval', pieces: spans.map((span) => span.piece) };
}

/** The union with overlapping pieces joined, or undefined when an end is not a constant. */
export function mergedUnion(value: IntervalValue): IntervalValue | undefined {
  const [spans] = spansOf(value) ?? [];
  if (spans === undefined) return undefined;
  const union = asValue(merged(spans));
  return union.kind === 'interval' ? union : undefined;
}

/** The points two spans share, or undefined when none. */
function overlap(left: Span, right: Span): Span | undefined {
  const lower = left.low > right.low || (left.low === right.low && !left.piece.lowerClosed) ? left : right;
  const upper =
    left.high < right.high || (left.high === right.high && !left.piece.upperClosed) ? left : right;
  const span: Span = {
    piece: {
      lower: lower.piece.lower,
      lowerClosed: lower.piece.lowerClosed,
      upper: upper.piece.upper,
      upperClosed: upper.piece.upperClosed,
    },
    low: lower.low,
    high: upper.high,
  };
  return span.low > span.high || isEmpty(span) ? undefined : span;
}

/** The intersection of unions of intervals; undefined when empty or not constant. */
function intersectIntervals(left: IntervalValue, right: IntervalValue): IntervalValue | SetValue | undefined {
  const [leftSpans, rightSpans] = spansOf(left, right) ?? [];
  if (leftSpans === undefined || rightSpans === undefined) return undefined;
  const shared: Span[] = [];
  for (const one of leftSpans) {
    for (const other of rightSpans) {
      const common = overlap(one, other);
      if (common !== undefined) shared.push(common);
    }
  }
  return asValue(merged(shared));
}

/** What is left of a span once another is removed: nothing, one span or two. */
function withoutSpan(span: Span, removed: Span): Span[] {
  if (overlap(span, removed) === undefined) return [span];
  const pieces: Span[] = [];
  // The points below the removed span (they share points, so it starts before the span ends).
  if (
    span.low < removed.low ||
    (span.low === removed.low && span.piece.lowerClosed && !removed.piece.lowerClosed)
  )
    pieces.push({
      piece: { ...span.piece, upper: removed.piece.lower, upperClosed: !removed.piece.lowerClosed },
      low: span.low,
      high: removed.low,
    });
  // The points above it.
  if (
    span.high > removed.high ||
    (span.high === removed.high && span.piece.upperClosed && !removed.piece.upperClosed)
  )
    pieces.push({
      piece: { ...span.piece, lower: removed.piece.upper, lowerClosed: !removed.piece.upperClosed },
      low: removed.high,
      high: span.high,
    });
  return pieces.filter((piece) => !isEmpty(piece));
}

/** The first union without the points of the second; undefined when empty or not constant. */
function subtractIntervals(
  whole: IntervalValue,
  removed: IntervalValue,
): IntervalValue | SetValue | undefined {
  let [spans, removedSpans] = spansOf(whole, removed) ?? [];
  if (spans === undefined || removedSpans === undefined) return undefined;
  for (const cut of removedSpans) spans = spans.flatMap((span) => withoutSpan(span, cut));
  return asValue(merged(spans));
}

/** The items of a finite set once duplicates (by value) are dropped, or undefined when one is not constant. */
function keyed(
  items: readonly MathValue[],
  seen: Map<number, MathValue>,
): Map<number, MathValue> | undefined {
  const byValue = new Map<number, MathValue>();
  for (const item of items) {
    const value = constantValue(item);
    if (value === undefined || !sameAsSeen(seen, value, item)) return undefined;
    if (!byValue.has(value)) byValue.set(value, item);
  }
  return byValue;
}

/** Intersection (`cap`) or difference (`minus`) of finite sets of constants; undefined otherwise. */
function finiteSetOperation(
  operation: 'cap' | 'minus',
  left: readonly MathValue[],
  right: readonly MathValue[],
): MathValue[] | undefined {
  const seen = new Map<number, MathValue>();
  const leftItems = keyed(left, seen);
  const rightItems = keyed(right, seen);
  if (leftItems === undefined || rightItems === undefined) return undefined;
  return [...leftItems]
    .filter(([value]) => rightItems.has(value) === (operation === 'cap'))
    .map(([, item]) => item);
}

/**
 * An operand of a set operation written with bare braces (`{1} ∪ {2}`, as plain text writes a
 * set) as the set it is, `\{1\}`; any other operand as written.
 */
export function asSetOperand(part: string): string {
  const text = part.trim();
  if (text[0] !== '{' || text[text.length - 1] !== '}') return part;
  let depth = 0;
  for (let index = 0; index < text.length - 1; index++) {
    if (text[index] === '{') depth++;
    else if (text[index] === '}' && --depth === 0) return part;
  }
  return `\\{${text.slice(1, -1)}\\}`;
}

/** The intersection of operands that are all finite sets of constants or all intervals (unions). */
export function intersectionOf(
  values: readonly MathValue[],
  asInterval: (value: MathValue) => IntervalValue | undefined,
): MathValue | undefined {
  const [first, ...rest] = values;
  if (first === undefined) return undefined;
  if (values.every((value) => value.kind === 'set')) {
    let items: MathValue[] | undefined = first.kind === 'set' ? first.items : undefined;
    for (const value of rest)
      items =
        items === undefined || value.kind !== 'set'
          ? undefined
          : finiteSetOperation('cap', items, value.items);
    return items === undefined ? undefined : { kind: 'set', items };
  }
  let result: MathValue | undefined = first;
  for (const value of rest) {
    // An empty intersection stays empty; any other operand must read as an interval.
    if (result?.kind === 'set' && result.items.length === 0) return result;
    const interval: IntervalValue | undefined = result === undefined ? undefined : asInterval(result);
    const other = asInterval(value);
    result = interval === undefined || other === undefined ? undefined : intersectIntervals(interval, other);
  }
  return result;
}

/** The first operand without the second: finite sets of constants, or intervals (unions). */
export function differenceOf(
  whole: MathValue,
  removed: MathValue,
  asInterval: (value: MathValue) => IntervalValue | undefined,
): MathValue | undefined {
  if (whole.kind === 'set' && removed.kind === 'set') {
    const items = finiteSetOperation('minus', whole.items, removed.items);
    return items === undefined ? undefined : { kind: 'set', items };
  }
  const wholeInterval = asInterval(whole);
  const removedInterval = asInterval(removed);
  return wholeInterval === undefined || removedInterval === undefined
    ? undefined
    : subtractIntervals(wholeInterval, removedInterval);
}
