/**
 * Calibration of scores read as probabilities of being correct (scores must lie in [0, 1]).
 * Brier score = (1/N) sum_i (p_i - y_i)^2 (Brier, 1950, "Verification of forecasts expressed in
 * terms of probability"). Expected calibration error with B equal-width bins
 * ("On Calibration of Modern Neural Networks", Guo et al., 2017):
 *   ECE = sum_b (|B_b| / N) * |acc(B_b) - conf(B_b)|,
 * bin b = [b/B, (b+1)/B), the last bin closed at 1.
 */

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

export function reliabilityBins(predictions: readonly Prediction[], binCount = 10): ReliabilityBin[] {
  const sums = Array.from({ length: binCount }, () => ({ count: 0, probability: 0, correct: 0 }));
  for (const p of predictions) {
    if (!(p.probability >= 0 && p.probability <= 1))
      throw new RangeError(`probability ${p.probability} is outside [0, 1]`);
    const bin = sums[Math.min(binCount - 1, Math.floor(p.probability * binCount))] as (typeof sums)[number];
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
