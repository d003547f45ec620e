/**
 * One value written two ways: "The probability is $\frac{1}{2}$ (or 0.5).", `\boxed{\frac{1}{2}
 * = 0.5}` read as a list, `25\%, \frac14`. Against a gold of one value, a list whose items are
 * written differently and all equal the gold restates the answer (a relation by the value it
 * states: `x = 2` and `2`); it offers nothing else, so it is no hedge. Any item that differs (`1/2 or 1/3`) keeps the list several answers, which a single
 * gold never equals. A ratio item counts by its quotient (`\frac{\sqrt{6}}{4}`, `\sqrt{6}:4`). The same text twice (`5, 5`) is a repeated answer (a double root or a typo)
 * and is left to the list rules, as before.
 */
import type { CompareValues } from './compare-collection.js';
import { statedValue } from './compare-relation.js';
import { describeValue, type MathValue } from './value.js';
import { type CompareContext, equal, type Verdict } from './verdict.js';

/** Equal when every item (two to four, each written differently) equals the gold; undefined otherwise. */
export function compareRestatedValue(
  gold: MathValue,
  items: readonly MathValue[],
  context: CompareContext,
  compareValues: CompareValues,
): Verdict | undefined {
  if (items.length < 2 || items.length > 4) return undefined;
  const forms = new Set(items.map((item) => describeValue(item).replace(/\s+/g, '')));
  if (forms.size !== items.length) return undefined;
  // Relations restate one value only under one name: `a = 0, b = 0` gives two unknowns' values.
  const names = new Set(
    items.flatMap((item) =>
      item.kind === 'relation' ? [describeValue(item.sides[0] as MathValue).replace(/\s+/g, '')] : [],
    ),
  );
  if (names.size > 1) return undefined;
  for (const written of items) {
    // A relation restates the value it states: `\lim_{n\to\infty} P_n = 2e^{\pi/2-2}` "Или
    // эквивалентно" (or equivalently) `2\exp(\pi/2-2)` (real outputs round 28).
    const item = written.kind === 'relation' ? statedValue(written) : written;
    if (item === undefined) return undefined;
    // A ratio restates its quotient: `\frac{\sqrt{6}}{4}` "或者简化为" (or simplified to) `\sqrt{6}:4`
    // (held-out Gaokao outputs of real outputs round 11).
    if (item.kind !== 'number' && item.kind !== 'expression' && item.kind !== 'ratio') return undefined;
    if (compareValues(gold, item, context).verdict !== 'equal') return undefined;
  }
  return equal('restated', `${[...forms].join(' and ')} restate one value, equal to the gold`);
}
