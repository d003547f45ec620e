/** Scores are probabilities; logit is clipped away from 0 and 1, as its_hub does (1e-7). */
const CLIP = 1e-7;

/** logit(r) = ln(r / (1 - r)), with r clipped to [1e-7, 1 - 1e-7]. */
export function logit(probability: number): number {
  const clipped = Math.min(1 - CLIP, Math.max(CLIP, probability));
  return Math.log(clipped / (1 - clipped));
}

/**
 * softmax(x / T)_i = exp((x_i - max x) / T) / sum_j exp((x_j - max x) / T), shifted by the maximum
 * for stability. T > 0; an empty input gives an empty output.
 */
export function softmax(values: readonly number[], temperature = 1): number[] {
  if (values.length === 0) return [];
  const top = Math.max(...values);
  const exps = values.map((value) => Math.exp((value - top) / temperature));
  const total = exps.reduce((sum, value) => sum + value, 0);
  return exps.map((value) => value / total);
}
