import type { MathValue } from './value.js';
import { type CompareContext, equal, notEqual, undecidable, type Verdict, withMethod } from './verdict.js';

export type CompareValues = (gold: MathValue, pred: MathValue, context: CompareContext) => Verdict;

/** Items in order: tuples, points, vectors, matrix rows. */
export function compareOrdered(
  gold: readonly MathValue[],
  pred: readonly MathValue[],
  context: CompareContext,
  compareValues: CompareValues,
  what: string,
): Verdict {
  if (gold.length !== pred.length) {
    return notEqual(what, `gold has ${gold.length} items, prediction ${pred.length}`);
  }
  for (let index = 0; index < gold.length; index++) {
    const verdict = compareValues(gold[index] as MathValue, pred[index] as MathValue, context);
    if (verdict.verdict !== 'equal') {
      return withMethod(verdict, what, `item ${index + 1}: ${verdict.reason}`);
    }
  }
  return equal(what, `all ${gold.length} items equal in order (the gold is ordered: a ${what})`);
}

/**
 * Items in any order (sets, several answers): every gold item is matched to a distinct
 * prediction item. Greedy matching is exact here because equality is transitive on answers.
 */
export function compareUnordered(
  gold: readonly MathValue[],
  pred: readonly MathValue[],
  context: CompareContext,
  compareValues: CompareValues,
  what: string,
): Verdict {
  if (gold.length !== pred.length) {
    return notEqual(what, `gold has ${gold.length} items, prediction ${pred.length}`);
  }
  const used = new Array<boolean>(pred.length).fill(false);
  let undecided = false;
  for (const goldItem of gold) {
    let matched = false;
    for (let index = 0; index < pred.length && !matched; index++) {
      if (used[index]) continue;
      const verdict = compareValues(goldItem, pred[index] as MathValue, context);
      if (verdict.verdict === 'equal') {
        used[index] = true;
        matched = true;
      } else if (verdict.verdict === 'undecidable') {
        undecided = true;
      }
    }
    if (!matched) {
      return undecided
        ? undecidable(what, 'an item could not be compared')
        : notEqual(what, 'a gold item has no equal item in the prediction');
    }
  }
  return equal(
    what,
    `all ${gold.length} items matched in any order (the gold is ${what === 'set' ? 'a set' : 'several answers'}: order-free)`,
  );
}

/** The items of a collection-like value, or undefined for a single value. */
export function itemsOf(value: MathValue): readonly MathValue[] | undefined {
  if (value.kind === 'set' || value.kind === 'list' || value.kind === 'tuple') return value.items;
  return undefined;
}

/**
 * The rows of a matrix written as a list of its rows, as Python and JSON print one (`[[1, 2], [3,
 * 4]]`): a bracketed tuple of at least two tuples of one length. Undefined for anything else.
 */
export function nestedRows(value: MathValue): readonly (readonly MathValue[])[] | undefined {
  // Bracketed rows only: a bare list "(1,2) or (3,4)" offers two points (red team of stop 24).
  if (value.kind !== 'tuple' || value.items.length < 2) return undefined;
  const width = value.items[0]?.kind === 'tuple' ? value.items[0].items.length : 0;
  if (width === 0) return undefined;
  const rows: MathValue[][] = [];
  for (const item of value.items) {
    if (item.kind !== 'tuple' || item.items.length !== width) return undefined;
    rows.push(item.items);
  }
  return rows;
}

/** Two matrices (one may be written as nested rows): same shape and equal entries in order. */
export function compareRows(
  goldRows: readonly (readonly MathValue[])[],
  predRows: readonly (readonly MathValue[])[],
  context: CompareContext,
  compareValues: CompareValues,
): Verdict {
  if (predRows.length !== goldRows.length || (predRows[0]?.length ?? 0) !== (goldRows[0]?.length ?? 0)) {
    return notEqual('matrix', 'the matrices have different shapes');
  }
  return compareOrdered(goldRows.flat(), predRows.flat(), context, compareValues, 'matrix');
}

/**
 * Matrices: same shape and equal entries; a one-row or one-column matrix also matches a tuple, and
 * a matrix matches the list of its rows (`[[1, 2], [3, 4]]`, MARIO_EVAL's README).
 */
export function compareMatrix(
  gold: MathValue & { kind: 'matrix' },
  pred: MathValue,
  context: CompareContext,
  compareValues: CompareValues,
): Verdict {
  const goldRows = gold.rows;
  if (pred.kind === 'matrix') return compareRows(goldRows, pred.rows, context, compareValues);
  const isVector = goldRows.length === 1 || goldRows.every((row) => row.length === 1);
  const predRows = isVector ? undefined : nestedRows(pred);
  if (predRows !== undefined) return compareRows(goldRows, predRows, context, compareValues);
  const predItems = itemsOf(pred);
  if (predItems !== undefined && pred.kind !== 'set' && isVector) {
    return compareOrdered(goldRows.flat(), predItems, context, compareValues, 'vector');
  }
  return notEqual('matrix', `gold is a matrix, prediction is a ${pred.kind}`);
}
