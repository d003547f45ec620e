import { isIntegerSetBuilder } from './integer-set-builder.js';
import { notEqual, type Verdict } from './verdict.js';

/** A gold in parentheses with a comma: an ordered pair or tuple (or an open interval), `(1, 2)`. */
const PARENTHESISED_ITEMS = /^\s*(?:\\left\s*)?\([^()]*,[^()]*(?:\\right\s*)?\)\s*$/;
/**
 * A prediction written as a set with set braces: `\{1, 2\}`, `\left\{1, 2\right\}`, `\lbrace 1, 2
 * \rbrace`, or as sympy prints one, `FiniteSet(1, 2)` (sympy-printed.ts; a red team of stop 45).
 */
const SET_BRACES =
  /^\s*(?:(?:\\left\s*)?(?:\\\{|\\lbrace)[\s\S]*(?:\\\}|\\rbrace)|FiniteSet\s*\([\s\S]*\))\s*$/;

/** What set-builder notation holds: a bar, a colon, a relation. */
const SET_BUILDER = /\\mid|[:|<>=]|\\[lg]eq?(?![A-Za-z])|\\in(?![A-Za-z])/;

/**
 * A set written with set braces (`\{1, 2\}`) against a gold in parentheses (`(1, 2)`): a set has
 * no order and is no ordered pair, nor an interval (stop 36's graders' tests; Math-Verify agrees).
 * TeX's invisible grouping braces (`{1, 2}`) are still read as the values in their written order
 * (compare.ts), as Math-Verify reads them.
 */
export function compareSetWithTuple(
  goldText: string | undefined,
  predText: string | undefined,
): Verdict | undefined {
  if (goldText === undefined || predText === undefined) return undefined;
  if (!predText.includes('\\') && !predText.includes('FiniteSet')) return undefined;
  if (!PARENTHESISED_ITEMS.test(goldText) || !SET_BRACES.test(predText)) return undefined;
  // Set-builder notation (`\{x \mid 1 < x < 2\}`) may be the gold's interval: the other rules read
  // it; over the integers it is a set of values (integer-set-builder.ts).
  if (SET_BUILDER.test(predText) && !isIntegerSetBuilder(predText)) return undefined;
  return notEqual('tuple', 'gold is ordered (in parentheses), the prediction a set written with set braces');
}
