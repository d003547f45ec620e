import type { Rational } from './rational.js';

/** MathJSON as produced by compute-engine: numbers, symbols, strings, `[head, ...args]`, `{num}`. */
export type MathJson = number | string | { num: string } | { str: string } | { sym: string } | MathJson[];

/** A number literal: exact when written as an integer, decimal or fraction; `approx` always set. */
export interface NumberValue {
  kind: 'number';
  exact: Rational | undefined;
  approx: number;
  /** Written with a percent sign: the value as written (50 for `50%`), the percent read by compare. */
  percent: boolean;
  text: string;
}

/**
 * A number value, built here so every one shares one hidden class. The first one, made at load
 * with a fractional `approx` and no `exact`, fixes the class's field kinds (a double `approx`, any
 * `exact`): were the first `approx` an integer, V8 would give the field a small-integer kind and,
 * at the first fractional value, deprecate the class and throw away the optimised code of every
 * function that number values reach (a run's first pairs paid for those recompilations).
 */
export function numberValue(
  exact: Rational | undefined,
  approx: number,
  percent: boolean,
  text: string,
): NumberValue {
  return { kind: 'number', exact, approx, percent, text };
}
numberValue(undefined, 0.5, false, '');

/** A number's exact and approximate readings (see numberValue for the primed first one). */
export interface NumberReading {
  exact: Rational | undefined;
  approx: number;
}

export function numberReading(exact: Rational | undefined, approx: number): NumberReading {
  return { exact, approx };
}
numberReading(undefined, 0.5);

/** A symbolic expression (radicals, pi, variables, functions), held as MathJSON. */
export interface ExpressionValue {
  kind: 'expression';
  json: MathJson;
  text: string;
}

/** Words or choice letters, compared case- and space-blind. */
export interface TextValue {
  kind: 'text';
  text: string;
}

/** `{1, 2}`: order-free, written as a set. */
export interface SetValue {
  kind: 'set';
  items: MathValue[];
}

/** `2, 3` or `2 and 3`: several answers without brackets; order-free against sets and lists. */
export interface ListValue {
  kind: 'list';
  items: MathValue[];
}

/** `(1, 2)`, `[1, 2]`, `\langle 1, 2 \rangle`: ordered. Two items in ( ) or [ ] may also be an interval. */
export interface TupleValue {
  kind: 'tuple';
  items: MathValue[];
  open: string;
  close: string;
}

export interface IntervalPiece {
  lower: MathValue;
  upper: MathValue;
  lowerClosed: boolean;
  upperClosed: boolean;
}

/** A union of intervals, `(-\infty, 1) \cup [2, 3]`; a single interval has one piece. */
export interface IntervalValue {
  kind: 'interval';
  pieces: IntervalPiece[];
}

export type RelationOperator = '=' | '<' | '<=' | '>' | '>=' | '!=' | 'in';

/** `x = 2`, `y \le 2x + 1`, `1 < x \le 3`: sides joined by operators (a chain when longer). */
export interface RelationValue {
  kind: 'relation';
  operators: RelationOperator[];
  sides: MathValue[];
}

/** `7:32`, `1:2:3`: a ratio, equal to any proportional ratio (and a two-part one to its quotient). */
export interface RatioValue {
  kind: 'ratio';
  items: MathValue[];
}

export interface MatrixValue {
  kind: 'matrix';
  rows: MathValue[][];
}

export type MathValue =
  | NumberValue
  | ExpressionValue
  | TextValue
  | SetValue
  | ListValue
  | TupleValue
  | IntervalValue
  | RelationValue
  | RatioValue
  | MatrixValue;

/**
 * describeValue of each item, joined by `separator`. A loop: `items.map(describeValue)` was
 * deoptimised each time an items array of another elements kind reached it.
 */
function describeEach(items: readonly MathValue[], separator: string): string {
  let text = '';
  for (let index = 0; index < items.length; index++) {
    if (index > 0) text += separator;
    text += describeValue(items[index] as MathValue);
  }
  return text;
}

/** A short, readable rendering of a parsed value, for `details`. */
export function describeValue(value: MathValue): string {
  switch (value.kind) {
    case 'number':
      return value.percent ? `${value.text}%` : value.text;
    case 'expression':
    case 'text':
      return value.text;
    case 'set':
      return `{${describeEach(value.items, ', ')}}`;
    case 'list':
      // Groups of lists (`p = 5, q = 2; p = 7, q = 2`) keep their semicolons.
      return describeEach(value.items, value.items.some((item) => item.kind === 'list') ? '; ' : ', ');
    case 'tuple':
      return `${value.open}${describeEach(value.items, ', ')}${value.close}`;
    case 'interval':
      return value.pieces
        .map(
          (piece) =>
            `${piece.lowerClosed ? '[' : '('}${describeValue(piece.lower)}, ${describeValue(piece.upper)}${piece.upperClosed ? ']' : ')'}`,
        )
        .join(' U ');
    case 'relation':
      return value.sides
        .map((side, index) =>
          index === 0 ? describeValue(side) : ` ${value.operators[index - 1]} ${describeValue(side)}`,
        )
        .join('');
    case 'ratio':
      return describeEach(value.items, ':');
    case 'matrix':
      return `[${value.rows.map((row) => row.map(describeValue).join(', ')).join('; ')}]`;
  }
}
