import type { CompareValues } from './compare-collection.js';
import { freeVariables } from './evaluate.js';
import type { IntervalPiece, IntervalValue, MathValue, RelationOperator, RelationValue } from './value.js';
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
 * Reads a one-variable inequality as an interval: `x \le 3`, `3 > x`, `1 < x \le 3`, `x \in I`.
 * Undefined for anything else (two variables, equations, non-constant bounds).
 */
export function relationToInterval(relation: RelationValue): IntervalValue | undefined {
  const { sides, operators } = relation;
  if (operators.length === 1) {
    const [left, right] = sides as [MathValue, MathValue];
    const operator = operators[0] as RelationOperator;
    if (operator === 'in' && bareVariable(left) !== undefined)
      return right.kind === 'relation' ? undefined : asInterval(right);
    if (bareVariable(left) !== undefined && isConstant(right)) {
      const piece = oneSided(operator, right);
      return piece === undefined ? undefined : { kind: 'interval', pieces: [piece] };
    }
    const mirrored = MIRROR[operator];
    if (bareVariable(right) !== undefined && isConstant(left) && mirrored !== undefined) {
      const piece = oneSided(mirrored, left);
      return piece === undefined ? undefined : { kind: 'interval', pieces: [piece] };
    }
    return undefined;
  }
  if (operators.length === 2 && sides.length === 3) {
    const [low, middle, high] = sides as [MathValue, MathValue, MathValue];
    if (bareVariable(middle) === undefined || !isConstant(low) || !isConstant(high)) return undefined;
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
