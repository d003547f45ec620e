export interface HybridWeights {
  outcome: number;
  process: number;
  /** Added to the std in each z-score's denominator. */
  epsilon: number;
}

function zScores(values: readonly number[], epsilon: number): number[] {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  if (values.length < 2) return values.map(() => 0);
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1);
  if (variance === 0) return values.map(() => 0);
  return values.map((value) => (value - mean) / (Math.sqrt(variance) + epsilon));
}

/**
 * Hybrid normalization: outcome rewards (often 0/1) and process rewards (PRM probabilities,
 * sums of steps ...) live on different scales, so a weighted sum lets one stream drown the
 * other. Each stream is z-scored over the batch (unbiased std) before mixing:
 *   h_i = w_o * (o_i - mean(o)) / (std(o) + eps) + w_p * (p_i - mean(p)) / (std(p) + eps)
 * A stream that is constant over the batch carries no signal and contributes 0.
 */
export function hybridNormalize(
  outcomes: readonly number[],
  processScores: readonly number[],
  weights: HybridWeights,
): number[] {
  const outcomeZ = zScores(outcomes, weights.epsilon);
  const processZ = zScores(processScores, weights.epsilon);
  return outcomeZ.map(
    (value, index) => weights.outcome * value + weights.process * (processZ[index] as number),
  );
}
