/**
 * A finite geometric sum with a symbolic upper bound, `\sum_{k=0}^{n-1} 2^k` or
 * `\sum_{k=1}^{n} 3 \cdot 2^{k-1}`, evaluated where expressions are compared: at non-integer
 * points n. Terms a, ar, ar^2, ... sum to a (r^m - 1) / (r - 1) after m terms (the textbook
 * formula), which is defined for real m when r > 0: that closed form is the sum's value there, as
 * symbolic-sum.ts gives the Faulhaber polynomial for a polynomial summand (tried first).
 * The summand must keep one ratio r (r > 0, r != 1) at every checked index, the first twelve and
 * a few far ones, so `2^k + k` or `2^{\lfloor k/2 \rfloor}` is no geometric sum (undefined: the sum
 * stays not evaluable). Bounded work: fifteen summand evaluations.
 */

/** Offsets from the lower bound where the ratio is checked. */
const CHECK_OFFSETS = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 19, 37, 64];
/** Relative disagreement allowed between a term and a r^offset. */
const TOLERANCE = 1e-9;

/**
 * The first term and the one ratio of a geometric summand (checked at CHECK_OFFSETS), or
 * undefined. `positive` asks for r > 0 (the closed form at a non-integer count needs it).
 */
function geometricTerms(
  term: (index: number) => number | undefined,
  lower: number,
  positive: boolean,
): { first: number; ratio: number } | undefined {
  if (!Number.isSafeInteger(lower)) return undefined;
  const first = term(lower);
  const second = term(lower + 1);
  if (first === undefined || second === undefined || first === 0 || !Number.isFinite(first)) return undefined;
  const ratio = second / first;
  if (!Number.isFinite(ratio) || ratio === 0 || (positive && !(ratio > 0)) || Math.abs(ratio - 1) < TOLERANCE)
    return undefined;
  for (const offset of CHECK_OFFSETS) {
    const expected = first * ratio ** offset;
    const actual = term(lower + offset);
    if (actual === undefined || !Number.isFinite(expected) || !Number.isFinite(actual)) return undefined;
    if (Math.abs(actual - expected) > TOLERANCE * Math.max(Math.abs(actual), Math.abs(expected)))
      return undefined;
  }
  return { first, ratio };
}

/**
 * The sum of `term(lower) + ... + term(upper)` at a non-integer `upper`, continued by the geometric
 * closed form; undefined unless the summand is geometric in the index.
 */
export function geometricSumAt(
  term: (index: number) => number | undefined,
  lower: number,
  upper: number,
): number | undefined {
  if (!Number.isFinite(upper)) return undefined;
  const geometric = geometricTerms(term, lower, true);
  if (geometric === undefined) return undefined;
  const { first, ratio } = geometric;
  const count = upper - (lower - 1);
  return (first * (ratio ** count - 1)) / (ratio - 1);
}

/**
 * An infinite geometric series, `\sum_{n=0}^{\infty} \frac{1}{2^n}` = 2: a / (1 - r) for first
 * term a and ratio |r| < 1 (negative r too: `\sum (-1/2)^n` = 2/3). Undefined for any other
 * summand or |r| >= 1 (divergent): such a sum is not evaluated.
 */
export function geometricSeries(
  term: (index: number) => number | undefined,
  lower: number,
): number | undefined {
  const geometric = geometricTerms(term, lower, false);
  if (geometric === undefined || !(Math.abs(geometric.ratio) < 1)) return undefined;
  return geometric.first / (1 - geometric.ratio);
}
