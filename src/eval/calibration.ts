/**
 * Calibration of scores read as probabilities of being correct (scores must lie in [0, 1]).
 * Brier score = (1/N) sum_i (p_i - y_i)^2 (Brier, 1950, "Verification of forecasts expressed in
 * terms of probability"). Expected calibration error with M equal-width bins
 * ("On Calibration of Modern Neural Networks", Guo et al., 2017, Section 2):
 *   ECE = sum_m (|B_m| / N) * |acc(B_m) - conf(B_m)|,
 * B_m the predictions with confidence in I_m = ((m-1)/M, m/M], m = 1..M (right-closed, edges
 * m/M); a confidence of exactly 0, outside every I_m, goes to the first bin. Empty bins add
 * nothing. M = 15 by default, the number Guo et al. use.
 */

/** Guo et al. (2017) report ECE with 15 bins. */
export const DEFAULT_ECE_BINS = 15;

/** The 0-based bin m - 1 of I_m = ((m-1)/M, m/M] holding p (p = 0 in the first), by comparison with the edges m/M. */
export function binIndex(probability: number, binCount: number): number {
  let index = Math.min(binCount - 1, Math.max(0, Math.ceil(probability * binCount) - 1));
  while (index > 0 && probability <= index / binCount) index--;
  while (index < binCount - 1 && probability > (index + 1) / binCount) index++;
  return index;
}

export interface Prediction {
  probability: number;
  correct: boolean;
}

export function brierScore(predictions: readonly Prediction[]): number | null {
  if (predictions.length === 0) return null;
  return (
    predictions.reduce((sum, p) => sum + (p.probability - (p.correct ? 1 : 0)) ** 2, 0) / predictions.length
  );
}

export interface ReliabilityBin {
  lower: number;
  upper: number;
  count: number;
  /** Mean probability in the bin (null when empty). */
  confidence: number | null;
  /** Fraction correct in the bin (null when empty). */
  accuracy: number | null;
}

export function reliabilityBins(
  predictions: readonly Prediction[],
  binCount = DEFAULT_ECE_BINS,
): ReliabilityBin[] {
  const sums = Array.from({ length: binCount }, () => ({ count: 0, probability: 0, correct: 0 }));
  for (const p of predictions) {
    if (!(p.probability >= 0 && p.probability <= 1))
      throw new RangeError(`probability ${p.probability} is outside [0, 1]`);
    const bin = sums[binIndex(p.probability, binCount)] as (typeof sums)[number];
    bin.count++;
    bin.probability += p.probability;
    if (p.correct) bin.correct++;
  }
  return sums.map((bin, index) => ({
    lower: index / binCount,
    upper: (index + 1) / binCount,
    count: bin.count,
    confidence: bin.count === 0 ? null : bin.probability / bin.count,
    accuracy: bin.count === 0 ? null : bin.correct / bin.count,
  }));
}

export function expectedCalibrationError(bins: readonly ReliabilityBin[]): number | null {
  const total = bins.reduce((sum, bin) => sum + bin.count, 0);
  if (total === 0) return null;
  return bins.reduce(
    (sum, bin) =>
      bin.count === 0
        ? sum
        : sum + (bin.count / total) * Math.abs((bin.accuracy as number) - (bin.confidence as number)),
    0,
  );
}
