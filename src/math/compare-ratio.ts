import type { CompareValues } from './compare-collection.js';
import { scalarJson } from './scalar-json.js';
import { describeValue, type MathJson, type MathValue, type RatioValue } from './value.js';
import { type CompareContext, equal, notEqual, type Verdict, withMethod } from './verdict.js';

function quotient(numerator: MathValue, denominator: MathValue): MathValue | undefined {
  const top = scalarJson(numerator);
  const bottom = scalarJson(denominator);
  if (top === undefined || bottom === undefined) return undefined;
  return {
    kind: 'expression',
    json: ['Divide', top, bottom] as MathJson,
    text: `(${describeValue(numerator)})/(${describeValue(denominator)})`,
  };
}

/** Each part divided by the first: the ratio's shape, independent of scale (none when it is 0). */
function shape(ratio: RatioValue): MathValue[] | undefined {
  const [first, ...rest] = ratio.items as [MathValue, ...MathValue[]];
  if (first.kind === 'number' && first.approx === 0) return undefined;
  const parts = rest.map((item) => quotient(item, first));
  return parts.some((part) => part === undefined) ? undefined : (parts as MathValue[]);
}

/**
 * A gold ratio `a:b(:c...)`: a prediction ratio is equal when proportional (`7:32` = `14:64`);
 * a two-part gold also accepts the quotient `a/b` (`7:32` = `\frac{7}{32}`).
 */
export function compareRatio(
  gold: RatioValue,
  pred: MathValue,
  context: CompareContext,
  compareValues: CompareValues,
): Verdict {
  if (pred.kind === 'ratio') {
    if (pred.items.length !== gold.items.length)
      return notEqual('ratio', `gold has ${gold.items.length} parts, prediction ${pred.items.length}`);
    const goldShape = shape(gold);
    const predShape = shape(pred);
    if (goldShape === undefined || predShape === undefined)
      return notEqual('ratio', 'ratio parts are not numbers or expressions');
    for (let index = 0; index < goldShape.length; index++) {
      const verdict = compareValues(goldShape[index] as MathValue, predShape[index] as MathValue, context);
      if (verdict.verdict !== 'equal')
        return withMethod(verdict, 'ratio', `the ratios are not proportional (${verdict.reason})`);
    }
    return equal('ratio', 'the ratios are proportional');
  }
  if (gold.items.length === 2 && (pred.kind === 'number' || pred.kind === 'expression')) {
    const value = quotient(gold.items[0] as MathValue, gold.items[1] as MathValue);
    if (value === undefined) return notEqual('ratio', 'ratio parts are not numbers or expressions');
    const verdict = compareValues(value, pred, context);
    return withMethod(verdict, `ratio-quotient/${verdict.method}`);
  }
  return notEqual('ratio', `gold is a ratio, prediction is a ${pred.kind}`);
}
