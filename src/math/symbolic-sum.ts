/**
 * A finite sum with a symbolic upper bound, `\sum_{k=1}^{n} k` or `\sum_{k=0}^{n-1} (2k+1)`,
 * evaluated where expressions are compared: at non-integer points n (1.412 ...), where "the sum
 * of the first 1.412 terms" means nothing term by term. When the summand is a polynomial in the
 * index, the partial sums S(m) are a polynomial in m of one degree more (Faulhaber), the sum's
 * closed form: `\frac{n(n+1)}{2}` for the first. It is found here without algebra, by Newton's
 * forward-difference interpolation (Newton's divided-difference formula at unit steps, as in any
 * numerical analysis text: S(m0 + t) = Σ_j binom(t, j) Δ^j S(m0)): the partial sums at
 * m0 = lower - 1, lower, ..., lower - 1 + POINTS - 1 (at most POINTS terms each: bounded work);
 * when their differences of some order r vanish, S is the polynomial of degree r - 1 through them,
 * evaluated at the non-integer bound. A summand that is no polynomial in the index (`2^k`,
 * `\frac{1}{k}`) leaves no vanishing differences: undefined, and the sum stays not evaluable.
 */

/** Partial sums computed: enough for a summand of degree 12 plus checks that the differences vanish. */
const POINTS = 16;
/** Differences smaller than this share of the largest partial sum count as zero. */
const RELATIVE_ZERO = 1e-9;

/**
 * The value at a non-integer `upper` of the polynomial the partial sums from `lower` follow;
 * `term(k)` is the summand at integer k (real; undefined when it is not).
 */
export function polynomialSumAt(
  term: (index: number) => number | undefined,
  lower: number,
  upper: number,
): number | undefined {
  if (!Number.isSafeInteger(lower) || !Number.isFinite(upper)) return undefined;
  const sums: number[] = [0];
  for (let count = 1; count < POINTS; count++) {
    const value = term(lower + count - 1);
    if (value === undefined || !Number.isFinite(value)) return undefined;
    sums.push((sums[count - 1] as number) + value);
  }
  const scale = Math.max(1, ...sums.map(Math.abs));
  // leading[j] = Δ^j S(m0); the first order whose differences all vanish ends the polynomial.
  const leading: number[] = [];
  let row = sums;
  while (row.length > 2) {
    leading.push(row[0] as number);
    if (row.every((value) => Math.abs(value) <= RELATIVE_ZERO * scale)) {
      leading.pop();
      break;
    }
    row = row.slice(1).map((value, index) => value - (row[index] as number));
  }
  // Differences that never vanish, or vanish only in the last two rows: no polynomial shown.
  if (row.length <= 3) return undefined;
  // The fitted summand T(lower + s) = Σ_j binom(s, j) Δ^(j+1) S(m0) must hold past the points it
  // was fitted on too: `k + \lfloor k/17 \rfloor` is k on the first 15 terms, not after.
  for (const offset of CHECK_OFFSETS) {
    const actual = term(lower + offset);
    if (actual === undefined || !Number.isFinite(actual)) return undefined;
    const predicted = newtonForward(leading.slice(1), offset);
    if (Math.abs(predicted - actual) > CHECK_TOLERANCE * Math.max(1, Math.abs(predicted), Math.abs(actual)))
      return undefined;
  }
  return newtonForward(leading, upper - (lower - 1));
}

/**
 * Indices past the fitted ones (offsets from the lower bound) where the summand is checked against
 * the fitted polynomial: a summand that only looks polynomial at first (a floor of k / p, a
 * binomial that starts late) departs from it there. Five term evaluations: bounded work.
 */
const CHECK_OFFSETS = [19, 37, 64, 131, 521];
/** Relative disagreement allowed at a check (rounding in the differences and the evaluation). */
const CHECK_TOLERANCE = 1e-6;

/** Newton's forward formula Σ_j binom(t, j) differences[j]. */
function newtonForward(differences: readonly number[], t: number): number {
  let value = 0;
  let binomial = 1;
  for (let order = 0; order < differences.length; order++) {
    value += binomial * (differences[order] as number);
    binomial = (binomial * (t - order)) / (order + 1);
  }
  return value;
}
