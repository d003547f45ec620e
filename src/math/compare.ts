import {
  compareMatrix,
  compareOrdered,
  compareRows,
  compareUnordered,
  itemsOf,
  nestedRows,
} from './compare-collection.js';
import { compareExpressions } from './compare-expression.js';
import { asInterval, compareIntervals } from './compare-interval.js';
import { compareNumbers } from './compare-number.js';
import { compareRatio } from './compare-ratio.js';
import {
  compareLabelledTuple,
  compareRelationGold,
  groupRepeatedLabels,
  statedValue,
} from './compare-relation.js';
import { compareRoundedDecimal } from './compare-rounding.js';
import { compareTexts } from './compare-text.js';
import { writtenUnroundedScalar } from './exact-rationals.js';
import { identityChainValue } from './identity-chain.js';
import { rootsOfIndexedUnknown } from './label.js';
import { lettersAsProduct } from './letter-product.js';
import { isPlusMinusPair, namesNoCoordinates } from './plus-minus-pair.js';
import { compareRestatedValue } from './restated-value.js';
import { scalarJson } from './scalar-json.js';
import { compareSolutionCounts } from './solution-count.js';
import { describeValue, type MathValue } from './value.js';
import { type CompareContext, equal, notEqual, type Verdict, withMethod } from './verdict.js';

/** Set items without repeats (`\{1, 1, 2\}` is `\{1, 2\}`), by written form. */
function distinct(items: readonly MathValue[]): MathValue[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = describeValue(item).replace(/\s+/g, '');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isScalar(value: MathValue): value is MathValue & { kind: 'number' | 'expression' } {
  return value.kind === 'number' || value.kind === 'expression';
}

/** Numbers and expressions: exact numbers first (no CAS), then the symbolic comparison. */
function compareScalars(
  gold: MathValue & { kind: 'number' | 'expression' },
  pred: MathValue & { kind: 'number' | 'expression' },
  context: CompareContext,
): Verdict {
  const verdict = compareScalarForms(gold, pred, context);
  if (verdict.verdict === 'equal') return verdict;
  return compareRoundedDecimal(gold, pred, context) ?? verdict;
}

function compareScalarForms(
  gold: MathValue & { kind: 'number' | 'expression' },
  pred: MathValue & { kind: 'number' | 'expression' },
  context: CompareContext,
): Verdict {
  if (gold.kind === 'number' && pred.kind === 'number') return compareNumbers(gold, pred, context);
  // A percent on both sides is the same unit: no cross reading (`25\%` is not `0.25\%`).
  const bothPercent = gold.kind === 'number' && pred.kind === 'number' && gold.percent && pred.percent;
  const goldReadings = gold.kind === 'number' && gold.percent && !bothPercent ? [false, true] : [false];
  const predReadings = pred.kind === 'number' && pred.percent && !bothPercent ? [false, true] : [false];
  let last: Verdict | undefined;
  for (const goldFraction of goldReadings) {
    for (const predFraction of predReadings) {
      const goldJson = scalarJson(gold, goldFraction) as never;
      const predJson = scalarJson(pred, predFraction) as never;
      last = compareExpressions(
        goldJson,
        predJson,
        context,
        writtenUnroundedScalar(gold) && writtenUnroundedScalar(pred),
      );
      if (last.verdict === 'equal') return last;
    }
  }
  return last as Verdict;
}

/** The gold is a single value (number or expression). */
function compareToScalarGold(
  gold: MathValue & { kind: 'number' | 'expression' },
  pred: MathValue,
  context: CompareContext,
): Verdict {
  if (isScalar(pred)) return compareScalars(gold, pred, context);
  if (pred.kind === 'relation') {
    const value = statedValue(pred) ?? identityChainValue(pred, context, compareValues);
    if (value === undefined)
      return notEqual('relation', 'the prediction restates a relation instead of giving a value');
    const verdict = compareValues(gold, value, context);
    return withMethod(verdict, `relation-value/${verdict.method}`);
  }
  const items = itemsOf(pred);
  if (items !== undefined && items.length === 1) return compareValues(gold, items[0] as MathValue, context);
  // `\frac{1}{2}, 0.5`: one value written two ways (restated-value.ts).
  if (pred.kind === 'list') {
    const restated = compareRestatedValue(gold, pred.items, context, compareValues);
    if (restated !== undefined) return restated;
  }
  if (pred.kind === 'ratio' && pred.items.length === 2) {
    // `7:32` for a gold 7/32: the ratio's quotient.
    const verdict = compareRatio({ kind: 'ratio', items: pred.items }, gold, context, compareValues);
    return withMethod(verdict, verdict.method.replace('ratio-quotient', 'ratio-as-quotient'));
  }
  // `xyz` against a gold in x, y and z: letters side by side are their product (letter-product.ts).
  const product = lettersAsProduct(gold, pred);
  if (product !== undefined) {
    const verdict = compareValues(gold, product, context);
    return withMethod(
      verdict,
      `letter-product/${verdict.method}`,
      `${verdict.reason} (letters read as a product)`,
    );
  }
  if (pred.kind === 'text')
    return notEqual('text', `the prediction is words ("${pred.text}"), the gold a value`);
  return notEqual('shape', `gold is a single value, prediction is a ${pred.kind} (${describeValue(pred)})`);
}

/**
 * `[0, 1]`, `(2, 5]`: two items with a square bracket at an end are an interval, never the set of
 * its two ends (`\{0, 1\}`). A round pair `(1, 3)` stays ambiguous (a point or an open
 * interval; a braced `{1, 3}` is read against it in written order, as Math-Verify does).
 */
function isBracketInterval(value: MathValue): boolean {
  if (value.kind !== 'tuple' || value.items.length !== 2 || (value.open !== '[' && value.close !== ']'))
    return false;
  // `[4.8, 2.28]` (a mean and a deviation, real round-10 golds of odyssey-math) cannot be an
  // interval: its ends decrease. It is a bracketed list of values.
  const [low, high] = value.items;
  return !(low?.kind === 'number' && high?.kind === 'number' && low.approx > high.approx);
}

/**
 * Compares a parsed prediction with a parsed gold. Asymmetric on purpose: the gold's shape
 * decides which prediction shapes may match (a gold value accepts `x = value`; a gold equation in
 * solved form wants that value; a gold interval accepts an equivalent inequality).
 */
export function compareValues(gold: MathValue, pred: MathValue, context: CompareContext): Verdict {
  context.budget.check();
  if (gold.kind !== 'text' && describeValue(gold) === describeValue(pred))
    return equal('structural', 'identical answers');
  // "no solution" against the empty set, "infinitely many" in other words (solution-count.ts).
  const count = compareSolutionCounts(gold, pred);
  if (count !== undefined) return count;
  if (pred.kind === 'list' && pred.items.length === 1)
    return compareValues(gold, pred.items[0] as MathValue, context);
  if (
    pred.kind === 'relation' &&
    gold.kind !== 'relation' &&
    gold.kind !== 'number' &&
    gold.kind !== 'expression'
  ) {
    const value = statedValue(pred);
    if (value !== undefined) return compareValues(gold, value, context);
  }
  switch (gold.kind) {
    case 'number':
    case 'expression':
      return compareToScalarGold(gold, pred, context);
    case 'text':
      return compareTexts(gold.text, pred.kind === 'text' ? pred.text : describeValue(pred));
    case 'set':
    case 'list': {
      // `p = 5, q = 2, p = 7, q = 2`: two labelled solutions, on either side.
      const goldGroups = gold.kind === 'list' ? groupRepeatedLabels(gold) : undefined;
      if (goldGroups !== undefined) return compareValues(goldGroups, pred, context);
      const predGroups = pred.kind === 'list' ? groupRepeatedLabels(pred) : undefined;
      if (predGroups !== undefined) return compareValues(gold, predGroups, context);
      if (pred.kind === 'relation' && gold.items.length === 1)
        return compareValues(gold.items[0] as MathValue, pred, context);
      // `x < 1 or x > 3` (a list of inequalities once "or" is read) against a union of intervals.
      const goldUnion = gold.kind === 'list' && pred.kind !== 'list' ? asInterval(gold) : undefined;
      const predUnion = goldUnion === undefined ? undefined : asInterval(pred);
      if (goldUnion !== undefined && predUnion !== undefined)
        return compareIntervals(goldUnion, predUnion, context, compareValues);
      // `x = 2, x = -3` for a gold `x_1 = 2, x_2 = -3`: the roots of one unknown (label.ts).
      const roots = rootsOfIndexedUnknown(gold, pred);
      if (roots !== undefined) return compareValues(gold, roots, context);
      if (gold.kind === 'set' && isBracketInterval(pred))
        return notEqual('set', 'gold is a set of values, the prediction an interval with a closed end');
      const items = itemsOf(pred) ?? (gold.items.length === 1 ? [pred] : undefined);
      if (items === undefined)
        return notEqual(gold.kind, `gold has ${gold.items.length} answers, prediction is a ${pred.kind}`);
      const labelled =
        gold.kind === 'list' ? compareLabelledTuple(gold, pred, context, compareValues) : undefined;
      if (labelled !== undefined) return labelled;
      const goldItems = gold.kind === 'set' ? distinct(gold.items) : gold.items;
      // Repeats in the prediction count only when the gold repeats too (a double root `2, 2`).
      const goldRepeats = goldItems.length !== distinct(goldItems).length;
      const predItems = pred.kind === 'set' || gold.kind === 'set' || !goldRepeats ? distinct(items) : items;
      return compareUnordered(goldItems, predItems, context, compareValues, gold.kind);
    }
    case 'tuple': {
      // `x > 1 and x < 3` (a list of inequalities) against `(1, 3)` is an interval too.
      const predInterval =
        pred.kind === 'interval' ||
        pred.kind === 'relation' ||
        (pred.kind === 'list' && pred.items.every((item) => item.kind === 'relation'))
          ? asInterval(pred)
          : undefined;
      const goldInterval = asInterval(gold);
      if (predInterval !== undefined && goldInterval !== undefined) {
        return compareIntervals(goldInterval, predInterval, context, compareValues);
      }
      if (pred.kind === 'matrix') {
        const isVector = pred.rows.length === 1 || pred.rows.every((row) => row.length === 1);
        if (isVector) return compareOrdered(gold.items, pred.rows.flat(), context, compareValues, 'vector');
        // A gold matrix written as its rows, `[[1, 2], [3, 4]]`.
        const goldRows = nestedRows(gold);
        if (goldRows !== undefined) return compareRows(goldRows, pred.rows, context, compareValues);
      }
      if (pred.kind === 'tuple' && goldInterval !== undefined && pred.items.length === 2) {
        const predAsInterval = asInterval(pred);
        if (predAsInterval !== undefined && (pred.open !== gold.open || pred.close !== gold.close)) {
          return compareIntervals(goldInterval, predAsInterval, context, compareValues);
        }
      }
      if (pred.kind === 'set' && isBracketInterval(gold))
        return notEqual('tuple', 'gold is an interval with a closed end, the prediction a set of values');
      // `[1, 3]` against `1, 3`: bare values name the ends, not whether they belong (as `[1, 3)` against
      // `1, 3` already scores 0); a gold point `(1, 3)` still accepts its bare coordinates.
      if (pred.kind === 'list' && isBracketInterval(gold))
        return notEqual(
          'tuple',
          'gold is an interval with a closed end, the prediction bare values (its ends)',
        );
      // A braced prediction `{1, 3}` (TeX's grouping braces) for a gold `(1, 3)` is read in its
      // written order (as Math-Verify does): `{3, 1}` stays different. A set written as one,
      // `\{1, 3\}`, is no tuple (set-against-tuple.ts).
      const items =
        pred.kind === 'tuple' || pred.kind === 'list' || pred.kind === 'set' ? pred.items : undefined;
      if (items === undefined) return notEqual('tuple', `gold is a tuple, prediction is a ${pred.kind}`);
      if (pred.kind === 'list' && isPlusMinusPair(gold.items) && namesNoCoordinates(pred.items)) {
        const verdict = compareUnordered(gold.items, items, context, compareValues, 'plus-minus-pair');
        return verdict.verdict === 'equal'
          ? withMethod(
              verdict,
              'plus-minus-pair',
              'both values of X ± Y, in any order (the gold is X - Y and X + Y)',
            )
          : verdict;
      }
      return compareOrdered(gold.items, items, context, compareValues, 'tuple');
    }
    case 'interval': {
      const predInterval = asInterval(pred);
      if (predInterval === undefined)
        return notEqual('interval', `gold is an interval, prediction is a ${pred.kind}`);
      return compareIntervals(gold, predInterval, context, compareValues);
    }
    case 'relation':
      return compareRelationGold(gold, pred, context, compareValues);
    case 'matrix':
      return compareMatrix(gold, pred, context, compareValues);
    case 'ratio':
      return compareRatio(gold, pred, context, compareValues);
  }
}
