/** Scores are probabilities; logit is clipped away from 0 and 1, as its_hub does (1e-7). */
const CLIP = 1e-7;

/** logit(r) = ln(r / (1 - r)), with r clipped to [1e-7, 1 - 1e-7]. */
export function logit(probability: number): number {
  const clipped = Math.min(1 - CLIP, Math.max(CLIP, probability));
  return Math.log(clipped / (1 - clipped));
}

/**
 * The unnormalized softmax weights exp((x_i - max x) / T), shifted by the maximum for stability
 * (the largest is 1). T > 0. For rules that use ratios of the weights, such as REBASE's
 * allocation, without a division by their sum.
 */
export function softmaxWeights(values: readonly number[], temperature = 1): number[] {
  if (values.length === 0) return [];
  const top = Math.max(...values);
  return values.map((value) => Math.exp((value - top) / temperature));
}

/**
 * softmax(x / T)_i = exp((x_i - max x) / T) / sum_j exp((x_j - max x) / T), shifted by the maximum
 * for stability. T > 0; an empty input gives an empty output.
 */
export function softmax(values: readonly number[], temperature = 1): number[] {
  const exps = softmaxWeights(values, temperature);
  const total = exps.reduce((sum, value) => sum + value, 0);
  return exps.map((value) => value / total);
}
