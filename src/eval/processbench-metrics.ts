/**
 * ProcessBench's metrics ("ProcessBench: Identifying Process Errors in Mathematical Reasoning",
 * Zheng et al., 2024, arXiv:2412.06559; github.com/QwenLM/ProcessBench):
 * each sample has `label` = the index of the earliest wrong step, or -1 when every step is right.
 * A PRM predicts the first step whose score is below a threshold (-1 when none is); a sample is
 * right when the prediction equals the label.
 *   acc_error   = right predictions among samples with label != -1
 *   acc_correct = right predictions among samples with label == -1
 *   F1          = 2 * acc_error * acc_correct / (acc_error + acc_correct)
 * as `code/run_eval.py` computes them per split (there in percent, here as fractions). Where that
 * script divides 0 by 0 (both accuracies 0) it gets NaN; here F1 is 0, the harmonic mean's limit.
 * An empty side (no erroneous or no correct samples) has no accuracy: null, and F1 null.
 * For a PRM, the paper turns step scores into a prediction with a threshold chosen on the GSM8K
 * split and applies it to the others (Section 4.1); the prediction is the first step scored below
 * it (a score equal to the threshold is not below).
 */

/** The first step scored below `threshold`, or -1. A null score (undecided) is not below. */
export function firstStepBelow(stepScores: readonly (number | null)[], threshold: number): number {
  return stepScores.findIndex((score) => score !== null && score < threshold);
}

export interface ProcessBenchCounts {
  errorRight: number;
  errorTotal: number;
  correctRight: number;
  correctTotal: number;
}

export const emptyProcessBenchCounts = (): ProcessBenchCounts => ({
  errorRight: 0,
  errorTotal: 0,
  correctRight: 0,
  correctTotal: 0,
});

/** Counts one sample; a null prediction (a judge with no usable answer) matches no label, as in ProcessBench's `pred == label`. */
export function addPrediction(counts: ProcessBenchCounts, label: number, predicted: number | null): void {
  if (label === -1) {
    counts.correctTotal++;
    if (predicted === -1) counts.correctRight++;
  } else {
    counts.errorTotal++;
    if (predicted === label) counts.errorRight++;
  }
}

export interface ProcessBenchScore {
  accError: number | null;
  accCorrect: number | null;
  /** Harmonic mean of the two accuracies; null when a side has no samples. */
  f1: number | null;
}

export function processBenchScore(counts: ProcessBenchCounts): ProcessBenchScore {
  const accError = counts.errorTotal === 0 ? null : counts.errorRight / counts.errorTotal;
  const accCorrect = counts.correctTotal === 0 ? null : counts.correctRight / counts.correctTotal;
  const f1 =
    accError === null || accCorrect === null
      ? null
      : accError + accCorrect === 0
        ? 0
        : (2 * accError * accCorrect) / (accError + accCorrect);
  return { accError, accCorrect, f1 };
}

/** One sample for the threshold sweep: its step scores, or a fixed prediction (a judge's index) that no threshold changes. */
export interface ScoredProcess {
  label: number;
  stepScores?: readonly (number | null)[];
  prediction?: number | null;
}

/** The sample's prediction at a threshold: its own prediction when it has one, else the first step below. */
export const predictionAt = (sample: ScoredProcess, threshold: number): number | null =>
  sample.prediction !== undefined ? sample.prediction : firstStepBelow(sample.stepScores ?? [], threshold);

/**
 * F1 at each threshold of a grid. The threshold to report is chosen on one split (the `tune`
 * split, by best F1, ties to the lower threshold) and applied to the others, never chosen on the
 * split it is reported on.
 */
export function thresholdSweep(samples: readonly ScoredProcess[], thresholds: readonly number[]) {
  return thresholds.map((threshold) => {
    const counts = emptyProcessBenchCounts();
    for (const sample of samples) addPrediction(counts, sample.label, predictionAt(sample, threshold));
    return { threshold, ...processBenchScore(counts) };
  });
}

/** The threshold of the best F1 on a sweep (the first of equals); undefined when no F1 is defined. */
export function bestThreshold(sweep: ReturnType<typeof thresholdSweep>): number | undefined {
  let best: { threshold: number; f1: number } | undefined;
  for (const point of sweep) {
    if (point.f1 !== null && (best === undefined || point.f1 > best.f1))
      best = { threshold: point.threshold, f1: point.f1 };
  }
  return best?.threshold;
}

/** 0.00, 0.05, ..., 1.00. */
export const DEFAULT_THRESHOLDS: readonly number[] = Array.from({ length: 21 }, (_, index) => index / 20);
