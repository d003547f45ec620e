import { BeyondBudget, evaluate, freeVariables, NotEvaluable } from './evaluate.js';
import { scalarJson } from './scalar-json.js';
import type { MathJson, RelationValue } from './value.js';
import { equal, notEqual, type Verdict } from './verdict.js';

/**
 * A chain of inequalities in one variable whose sides are linear in it, read as the interval it
 * states: `-5 < 3x + 7 \le 22` is (-4, 5], `4 \ge z \ge -1` is [-1, 4], `0 < 2 < x` is (2, ∞).
 * Two such chains are equal when their intervals are, ends and their openness included
 * (pie-framework's fixtures, graders' round 12: a chain with an expression in the middle, or its
 * sides reversed, was "relation sides are not expressions"). Each link `a op b` is solved on its own
 * (a link of constants must hold); a side that holds a function or is not linear in the variable
 * (checked at eight points, not only integers), a chain that changes direction (`A < B > C`) or one without a constant side
 * (`f(2) < f(1) < f(4)` orders values) is no interval.
 */
export interface ChainInterval {
  variable: string;
  lower: number;
  upper: number;
  lowerClosed: boolean;
  upperClosed: boolean;
}

/**
 * Arithmetic a linear side may hold: sums, products, quotients, negation, numbers, the variable
 * and constants. Functions (`\lfloor x \rfloor`, `|x|`, `\sin(\pi x)`, `\max`) are piecewise or
 * curved however they look at a few points (a red team of stop 38: `|x| + 1 < 6` against `x < 5`).
 */
const LINEAR_HEADS = new Set([
  'Add',
  'Subtract',
  'Negate',
  'Multiply',
  'InvisibleOperator',
  'Divide',
  'Rational',
]);
/** Where a side is checked for linearity: not only integers (`x(x-1)(x-2) + x` is x at 0, 1, 2). */
const PROBE_POINTS = [0, 1, -2.37, 0.618, 3.14159, -0.5, 7.25, 12.5];

function arithmeticOnly(json: MathJson): boolean {
  if (!Array.isArray(json)) return true;
  const [head, ...operands] = json;
  if (typeof head !== 'string') return false;
  // A power of constants (`10^{-3}`, `\sqrt{2}`) is a constant factor.
  if (head === 'Power' || head === 'Sqrt' || head === 'Root')
    return operands.every((operand) => freeVariables(operand as MathJson).size === 0);
  return LINEAR_HEADS.has(head) && operands.every((operand) => arithmeticOnly(operand as MathJson));
}

const ASCENDING: Readonly<Record<string, '<' | '<='>> = { '<': '<', '<=': '<=' };
const DESCENDING: Readonly<Record<string, '<' | '<='>> = { '>': '<', '>=': '<=' };
/** Relative agreement of the slopes at three points that makes a side linear. */
const LINEAR_TOLERANCE = 1e-9;

function valueAt(json: MathJson, variable: string, at: number): number | undefined {
  try {
    const value = evaluate(json, new Map([[variable, at]]));
    return value.im === 0 && Number.isFinite(value.re) ? value.re : undefined;
  } catch (error) {
    if (error instanceof NotEvaluable || error instanceof BeyondBudget) return undefined;
    throw error;
  }
}

/** The interval a chain of inequalities in one variable states, or undefined. */
export function chainInterval(relation: RelationValue): ChainInterval | undefined {
  const operators = relation.operators;
  const ascending = operators.every((operator) => ASCENDING[operator] !== undefined);
  const descending = operators.every((operator) => DESCENDING[operator] !== undefined);
  if (!ascending && !descending) return undefined;
  const sides = relation.sides.map((side) => scalarJson(side));
  if (sides.some((side) => side === undefined)) return undefined;
  const ordered = (descending ? [...sides].reverse() : sides) as MathJson[];
  const links = (
    descending
      ? [...operators].reverse().map((operator) => DESCENDING[operator])
      : operators.map((operator) => ASCENDING[operator])
  ) as ('<' | '<=')[];
  const variables = new Set<string>();
  let constantSides = 0;
  for (const side of ordered) {
    const names = freeVariables(side);
    if (names.size === 0) constantSides++;
    for (const name of names) variables.add(name);
  }
  // A bound on each chain: `f(2) < f(1) < f(4)` (values of a function, read as products) is none.
  if (variables.size !== 1 || constantSides === 0 || !ordered.every(arithmeticOnly)) return undefined;
  const variable = [...variables][0] as string;
  const interval: ChainInterval = {
    variable,
    lower: Number.NEGATIVE_INFINITY,
    upper: Number.POSITIVE_INFINITY,
    lowerClosed: false,
    upperClosed: false,
  };
  for (let index = 0; index < links.length; index++) {
    // left op right, as g = left - right op 0 with g(v) = slope * v + offset.
    const difference: MathJson = ['Subtract', ordered[index] as MathJson, ordered[index + 1] as MathJson];
    const values = PROBE_POINTS.map((at) => valueAt(difference, variable, at));
    const at0 = values[0];
    const at1 = values[1];
    if (at0 === undefined || at1 === undefined) return undefined;
    const slope = at1 - at0;
    const scale = Math.max(1, Math.abs(slope), Math.abs(at0));
    for (let point = 2; point < PROBE_POINTS.length; point++) {
      const value = values[point];
      const expected = at0 + slope * (PROBE_POINTS[point] as number);
      if (value === undefined || Math.abs(value - expected) > LINEAR_TOLERANCE * scale * 16) return undefined;
    }
    const closed = links[index] === '<=';
    if (slope === 0) {
      if (closed ? at0 > 0 : at0 >= 0) return undefined;
      continue;
    }
    const bound = -at0 / slope;
    if (slope > 0) {
      if (bound < interval.upper || (bound === interval.upper && !closed)) {
        interval.upper = bound;
        interval.upperClosed = closed;
      }
    } else if (bound > interval.lower || (bound === interval.lower && !closed)) {
      interval.lower = bound;
      interval.lowerClosed = closed;
    }
  }
  return interval;
}

function close(left: number, right: number): boolean {
  if (left === right) return true;
  // An open end (±∞) is close only to itself; an end at 0 meets float noise (`0.1 + 0.2 - 0.3`).
  if (!Number.isFinite(left) || !Number.isFinite(right)) return false;
  return Math.abs(left - right) <= 1e-9 * Math.max(Math.abs(left), Math.abs(right), 1);
}

function describe(interval: ChainInterval): string {
  const lower = interval.lower === Number.NEGATIVE_INFINITY ? '-∞' : String(interval.lower);
  const upper = interval.upper === Number.POSITIVE_INFINITY ? '∞' : String(interval.upper);
  return `${interval.lowerClosed ? '[' : '('}${lower}, ${upper}${interval.upperClosed ? ']' : ')'}`;
}

/** Two chains of inequalities compared by the intervals they state; undefined when either states none. */
export function compareChainIntervals(gold: RelationValue, pred: RelationValue): Verdict | undefined {
  const goldInterval = chainInterval(gold);
  const predInterval = chainInterval(pred);
  if (goldInterval === undefined || predInterval === undefined) return undefined;
  const same =
    goldInterval.variable === predInterval.variable &&
    close(goldInterval.lower, predInterval.lower) &&
    close(goldInterval.upper, predInterval.upper) &&
    goldInterval.lowerClosed === predInterval.lowerClosed &&
    goldInterval.upperClosed === predInterval.upperClosed;
  const described = `${goldInterval.variable} in ${describe(goldInterval)}, prediction ${predInterval.variable} in ${describe(predInterval)}`;
  return same
    ? equal('chain-interval', `both state ${predInterval.variable} in ${describe(predInterval)}`)
    : notEqual('chain-interval', `gold states ${described}`);
}
