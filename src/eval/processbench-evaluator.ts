import { z } from 'zod';
import type { BenchmarkEvaluator, EvalOutcome, UnitScore } from './evaluator.js';
import { detailsOf, round, stepLabelsOf, stepScoresOf } from './evaluator.js';
import {
  addPrediction,
  bestThreshold,
  DEFAULT_THRESHOLDS,
  emptyProcessBenchCounts,
  type ProcessBenchCounts,
  predictionAt,
  processBenchScore,
  type ScoredProcess,
  type thresholdSweep,
} from './processbench-metrics.js';

/** ProcessBench's four Hugging Face splits; their ids are `<split>-<n>` (`gsm8k-0`). */
const PROCESSBENCH_SPLITS = ['gsm8k', 'math', 'olympiadbench', 'omnimath'];

/** The split of a line without a `split` field: the prefix of its id when that names a ProcessBench split, else `default`. */
export function splitOfId(id: string): string {
  const prefix = /^(.+)-\d+$/.exec(id)?.[1];
  return prefix !== undefined && PROCESSBENCH_SPLITS.includes(prefix) ? prefix : 'default';
}

/**
 * One ProcessBench line (Qwen/ProcessBench on Hugging Face: `id`, `generator`, `problem`, `steps`,
 * `final_answer_correct`, `label`); `split` names the subset, else it comes from the id. A file of
 * predictions may carry the PRM's `step_scores` or the judge's `prediction` (an index, -1, or null
 * as ProcessBench's `run_eval.py` writes it) in the line itself.
 */
export const ProcessBenchRecordSchema = z
  .object({
    id: z.union([z.string().min(1), z.number().int()]).transform(String),
    problem: z.string(),
    steps: z.array(z.string()).min(1),
    label: z.number().int().min(-1),
    final_answer_correct: z.boolean().optional(),
    split: z.string().min(1).optional(),
    prediction: z.number().int().nullable().optional(),
    step_scores: z.array(z.number().finite().nullable()).optional(),
  })
  .refine((record) => record.label < record.steps.length, {
    message: 'label must be -1 or the index of a step',
    path: ['label'],
  })
  .transform((record) => ({ ...record, split: record.split ?? splitOfId(record.id) }));
export type ProcessBenchRecord = z.infer<typeof ProcessBenchRecordSchema>;

/** The scores a line of predictions carries, when it carries any. */
function givenScore(record: ProcessBenchRecord): UnitScore | undefined {
  if (record.prediction === undefined && record.step_scores === undefined) return undefined;
  return {
    score: null,
    ...(record.step_scores === undefined ? {} : { stepScores: record.step_scores }),
    ...(record.prediction === undefined ? {} : { prediction: record.prediction }),
  };
}

export interface ProcessBenchOptions {
  /** A fixed threshold; or */
  threshold?: number | undefined;
  /** the split on which the threshold is chosen by the sweep (then reported on the other splits). */
  tuneSplit?: string | undefined;
}

/**
 * What one split keeps while the file streams: the counts at every threshold of the sweep's grid
 * and at the fixed threshold, updated as each sample is accepted (constant memory per split). A
 * sample with its own prediction (a judge's index, or a PRM's own labels) counts the same at
 * every threshold. The threshold finally used is the fixed one or a grid point, so every figure
 * comes from these counts: the integers `thresholdSweep` and `addPrediction` would give.
 */
interface SplitCounts {
  grid: ProcessBenchCounts[];
  fixed: ProcessBenchCounts;
}

const emptySplitCounts = (): SplitCounts => ({
  grid: DEFAULT_THRESHOLDS.map(emptyProcessBenchCounts),
  fixed: emptyProcessBenchCounts(),
});

function countSample(split: SplitCounts, sample: ScoredProcess, fixed: number): void {
  DEFAULT_THRESHOLDS.forEach((threshold, index) => {
    addPrediction(split.grid[index] as ProcessBenchCounts, sample.label, predictionAt(sample, threshold));
  });
  addPrediction(split.fixed, sample.label, predictionAt(sample, fixed));
}

/** A split's sweep (the shape `thresholdSweep` returns), from its counts. */
const sweepOf = (split: SplitCounts): ReturnType<typeof thresholdSweep> =>
  DEFAULT_THRESHOLDS.map((threshold, index) => ({
    threshold,
    ...processBenchScore(split.grid[index] as ProcessBenchCounts),
  }));

/**
 * `--benchmark processbench`: the prediction is the judge's own, or the first step labelled wrong,
 * or the first step scored below the threshold. With `tuneSplit`, the threshold is the best-F1
 * point of the sweep on that split, applied to the others; the tuning split's own figures are
 * marked as such. Memory per split is constant (SplitCounts): no step scores are kept.
 */
export function processBenchEvaluator(options: ProcessBenchOptions): BenchmarkEvaluator<ProcessBenchRecord> {
  const bySplit = new Map<string, SplitCounts>();
  const fixed = options.threshold ?? 0.5;
  return {
    name: 'processbench',
    schema: ProcessBenchRecordSchema as unknown as z.ZodType<ProcessBenchRecord>,
    units: (record) => {
      const given = givenScore(record);
      return [
        {
          id: record.id,
          prompt: record.problem,
          response: record.steps.join('\n\n'),
          steps: record.steps,
          ...(given === undefined ? {} : { given }),
        },
      ];
    },
    accept(record, [score]) {
      const unit = score ?? { error: 'no score' };
      let sample: ScoredProcess;
      const labels = stepLabelsOf(unit, record.steps.length);
      if (typeof labels === 'string') return { id: record.id, error: labels };
      if (!('error' in unit) && unit.prediction !== undefined) {
        sample = { label: record.label, prediction: unit.prediction };
      } else if (labels !== undefined) {
        // A PRM's own step verdicts (e.g. RLHFlow's '+'/'-'): the first step judged wrong, as run_eval_prm_rlhflow.py stops there.
        sample = { label: record.label, prediction: labels.indexOf(false) };
      } else {
        const stepScores = stepScoresOf(unit, record.steps.length);
        if (typeof stepScores === 'string') return { id: record.id, error: stepScores };
        sample = { label: record.label, stepScores };
      }
      let split = bySplit.get(record.split);
      if (split === undefined) {
        split = emptySplitCounts();
        bySplit.set(record.split, split);
      }
      countSample(split, sample, fixed);
      return {
        id: record.id,
        split: record.split,
        label: record.label,
        ...(sample.prediction !== undefined
          ? { prediction: sample.prediction, match: sample.prediction === record.label }
          : {
              predicted_at_fixed_threshold: predictionAt(sample, fixed),
              step_scores: sample.stepScores,
            }),
        ...detailsOf(score),
      };
    },
    finish(): EvalOutcome {
      const notes: string[] = [];
      let threshold = fixed;
      let chosenOn: string | null = null;
      const sweeps = new Map([...bySplit].map(([split, counts]) => [split, sweepOf(counts)]));
      if (options.tuneSplit !== undefined) {
        const sweep = sweeps.get(options.tuneSplit);
        const best = sweep === undefined ? undefined : bestThreshold(sweep);
        if (best === undefined)
          notes.push(
            `tuning split '${options.tuneSplit}' is missing or has no defined F1: threshold stays ${fixed}`,
          );
        else {
          threshold = best;
          chosenOn = options.tuneSplit;
        }
      }
      const splits: Record<string, unknown> = {};
      const rows: (string | number | null)[][] = [];
      const chosenIndex = chosenOn === null ? -1 : DEFAULT_THRESHOLDS.indexOf(threshold);
      for (const [split, splitCounts] of [...bySplit].sort(([a], [b]) => a.localeCompare(b))) {
        const counts = { ...(splitCounts.grid[chosenIndex] ?? splitCounts.fixed) };
        const score = processBenchScore(counts);
        if (counts.errorTotal === 0) notes.push(`split '${split}' has no erroneous samples: F1 undefined`);
        if (counts.correctTotal === 0) notes.push(`split '${split}' has no correct samples: F1 undefined`);
        splits[split] = { ...score, ...counts, tuning_split: split === chosenOn };
        rows.push([
          split + (split === chosenOn ? ' (tuning split, not a result)' : ''),
          counts.errorTotal,
          counts.correctTotal,
          round(score.accError),
          round(score.accCorrect),
          round(score.f1),
        ]);
      }
      return {
        metrics: {
          benchmark: 'processbench',
          threshold,
          threshold_chosen_on: chosenOn,
          splits,
          sweeps: Object.fromEntries(sweeps),
        },
        tables: [
          {
            title: `ProcessBench at threshold ${threshold}${chosenOn ? ` (chosen on ${chosenOn})` : ''}`,
            header: ['split', 'erroneous', 'correct', 'acc erroneous', 'acc correct', 'F1'],
            rows,
          },
        ],
        charts: [
          {
            kind: 'lines',
            title: 'Threshold sweep: F1 per split',
            xLabel: 'threshold',
            yLabel: 'F1',
            series: [...sweeps].map(([split, sweep]) => ({
              name: split,
              points: sweep
                .filter((point) => point.f1 !== null)
                .map((point) => [point.threshold, point.f1 as number] as [number, number]),
            })),
          },
        ],
        notes,
      };
    },
  };
}
