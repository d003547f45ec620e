import type { z } from 'zod';

/** What a scorer is asked to score: one sample in rewardkit's sample contract. */
export interface ScoringUnit {
  id: string;
  prompt?: string;
  response: string;
  steps?: string[];
  /** Scores carried by the benchmark line itself (a file of predictions), used when no scorer is given. */
  given?: UnitScore;
}

/** What came back for a unit: a score and per-step scores, or why there is none. */
export type UnitScore =
  | {
      score: number | null;
      stepScores?: (number | null)[];
      /** A model's own step verdicts (true = the step is valid), used as given instead of thresholding scores (PRMBench's `step_level_validity_labels`). */
      stepLabels?: boolean[];
      /** Step redundancy verdicts (true = redundant), PRMBench's `step_level_redundancy_labels`: used for its redundency and circular classes. */
      redundancyLabels?: boolean[];
      /** A judge's (or PRM's) predicted index of the earliest wrong step, -1 for none, null when it gave no usable answer (ProcessBench's `prediction`). */
      prediction?: number | null;
      /** Why, as the scorer said it (the engine's component details), copied into the predictions. */
      details?: Record<string, unknown>;
    }
  | { error: string };

/** A unit's details for the predictions file, when the scorer gave any. */
export const detailsOf = (score: UnitScore | undefined): { details?: Record<string, unknown> } =>
  score !== undefined && 'details' in score && score.details !== undefined ? { details: score.details } : {};

/** A chart for the HTML report: lines over x, or grouped bars. */
export type Chart =
  | {
      kind: 'lines';
      title: string;
      xLabel: string;
      yLabel: string;
      series: { name: string; points: [number, number][] }[];
      /** Draw the y = x diagonal (reliability diagrams). */
      diagonal?: boolean;
    }
  | {
      kind: 'bars';
      title: string;
      yLabel: string;
      groups: { label: string; values: { name: string; value: number }[] }[];
    };

export interface EvalOutcome {
  /** The metrics file (`--out`): numbers only, no per-sample data. */
  metrics: Record<string, unknown>;
  /** Tables for the report: a title, a header and rows. */
  tables: { title: string; header: string[]; rows: (string | number | null)[][] }[];
  charts: Chart[];
  /** Notes for the report and the terminal (warnings such as an empty split). */
  notes: string[];
}

/**
 * One benchmark format: how a data line becomes units to score, and how the scores become a
 * per-sample prediction (written to `--predictions`) and, at the end, the metrics. `accept` must
 * not keep the record: evaluators keep only what their metrics need, so input streams.
 */
export interface BenchmarkEvaluator<Record> {
  readonly name: string;
  readonly schema: z.ZodType<Record>;
  units(record: Record): ScoringUnit[];
  /** Called with the scores of `units(record)`, in order; returns the prediction line. */
  accept(record: Record, scores: UnitScore[]): object;
  finish(): EvalOutcome;
}

/** A unit score as a number, or the reason it is not one. */
export function scoreOf(score: UnitScore): number | string {
  if ('error' in score) return score.error;
  if (score.score === null) return 'the scorer could not decide (score null)';
  return score.score;
}

/** A unit's per-step labels (true = valid) when the scorer gave them, checked against the number of steps. */
export function stepLabelsOf(
  score: UnitScore,
  steps: number,
  field: 'stepLabels' | 'redundancyLabels' = 'stepLabels',
): boolean[] | string | undefined {
  if ('error' in score) return score.error;
  const labels = score[field];
  if (labels === undefined) return undefined;
  const name = field === 'stepLabels' ? 'step_labels' : 'redundancy_labels';
  if (labels.length !== steps) return `${name} has ${labels.length} entries for ${steps} steps`;
  return labels;
}

/** A unit's per-step scores, checked against the number of steps. */
export function stepScoresOf(score: UnitScore, steps: number): (number | null)[] | string {
  if ('error' in score) return score.error;
  if (score.stepScores === undefined) return 'the scorer gave no step scores';
  if (score.stepScores.length !== steps) {
    return `step_scores has ${score.stepScores.length} entries for ${steps} steps`;
  }
  return score.stepScores;
}

export const round = (value: number | null | undefined, digits = 4): number | null =>
  value === null || value === undefined ? null : Number(value.toFixed(digits));
