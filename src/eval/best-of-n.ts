/**
 * Best-of-N over scored candidates with correctness labels. For one prompt with n candidates,
 * best-of-k picks the highest-scored among k of them; its expected accuracy over all
 * C(n, k) subsets, with ties split evenly, is computed exactly (no sampling):
 * sort by score descending; candidate i (0-based rank, with m_i candidates ranked strictly above
 * it) is the pick of a subset when it is in the subset and none of the higher ones are, so
 * P(pick i) = C(n - 1 - m_i - t_i, k - 1) / C(n, k) summed over its tie group and shared equally
 * (t_i = other candidates tied with i). Also the unbiased pass@k of "Evaluating Large Language
 * Models Trained on Code" (Chen et al., 2021): pass@k = 1 - C(n - c, k) / C(n, k), c = correct.
 */

export interface Candidate {
  score: number;
  correct: boolean;
  /** Gold reward of the candidate when there is one (for the overoptimization curve); else correct as 0/1. */
  gold?: number;
}

/** C(n, k) as a double (exact for the sizes used here, n <= ~1000). */
export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let result = 1;
  const smaller = Math.min(k, n - k);
  for (let index = 1; index <= smaller; index++) result = (result * (n - smaller + index)) / index;
  return result;
}

/**
 * C(m, k) / C(n, k) for m <= n, as the product prod_{i<k} (m - i) / (n - i): the chance that a
 * random k-subset of n items avoids n - m given ones, without forming the (overflowing) binomials.
 */
export function binomialRatio(m: number, n: number, k: number): number {
  if (k > m) return 0;
  let ratio = 1;
  for (let index = 0; index < k; index++) ratio *= (m - index) / (n - index);
  return ratio;
}

/** Unbiased pass@k = 1 - C(n - c, k) / C(n, k) (Chen et al., 2021). */
export function passAtK(n: number, correct: number, k: number): number {
  if (k > n) throw new RangeError(`pass@${k} needs at least ${k} samples, got ${n}`);
  if (n - correct < k) return 1;
  let ratio = 1;
  for (let index = n - correct + 1; index <= n; index++) ratio *= 1 - k / index;
  return 1 - ratio;
}

/**
 * Expected value of `value(candidate)` for the best-of-k pick over all k-subsets, ties split
 * evenly: the probability that the pick falls in the tie group G (scores equal, with `above`
 * candidates scored higher) is [C(n - above, k) - C(n - above - |G|, k)] / C(n, k) (the subset
 * avoids every higher candidate but not all of G), shared equally inside G: each member of G
 * is the pick of a subset where it ties with j other chosen members with weight 1/(j + 1).
 */
export function expectedBestOf(
  candidates: readonly Candidate[],
  k: number,
  value: (candidate: Candidate) => number,
): number {
  const n = candidates.length;
  if (k > n) throw new RangeError(`best-of-${k} needs at least ${k} candidates, got ${n}`);
  const sorted = [...candidates].sort((a, b) => b.score - a.score);
  let expected = 0;
  let above = 0;
  for (let start = 0; start < n; ) {
    let end = start;
    while (end < n && (sorted[end] as Candidate).score === (sorted[start] as Candidate).score) end++;
    const group = sorted.slice(start, end);
    const pickInGroup = binomialRatio(n - above, n, k) - binomialRatio(n - above - group.length, n, k);
    const mean = group.reduce((sum, candidate) => sum + value(candidate), 0) / group.length;
    expected += pickInGroup * mean;
    above += group.length;
    start = end;
  }
  return expected;
}

/** 1, 2, 4, ... up to n. */
export const powersOfTwoUpTo = (n: number): number[] => {
  const sizes: number[] = [];
  for (let k = 1; k <= n; k *= 2) sizes.push(k);
  return sizes;
};

const mean = (values: number[]) =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

/**
 * Per n in `sizes`: BoN accuracy (the verifier's verdict on the pick, gold), the proxy score of
 * the pick (the reward model's own score), the gold reward of the pick, and pass@n, each averaged
 * over prompts with at least n candidates. The proxy rising while gold falls is overoptimization
 * ("Scaling Laws for Reward Model Overoptimization", Gao et al., 2022).
 */
export function bestOfNCurve(prompts: readonly (readonly Candidate[])[], sizes: readonly number[]) {
  return sizes.map((n) => {
    const eligible = prompts.filter((candidates) => candidates.length >= n);
    return {
      n,
      prompts: eligible.length,
      accuracy: mean(eligible.map((c) => expectedBestOf(c, n, (x) => (x.correct ? 1 : 0)))),
      proxy: mean(eligible.map((c) => expectedBestOf(c, n, (x) => x.score))),
      gold: mean(eligible.map((c) => expectedBestOf(c, n, (x) => x.gold ?? (x.correct ? 1 : 0)))),
      passAtN: mean(eligible.map((c) => passAtK(c.length, c.filter((x) => x.correct).length, n))),
    };
  });
}
