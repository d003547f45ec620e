import { z } from 'zod';
import type { BenchmarkEvaluator, EvalOutcome } from './evaluator.js';
import { detailsOf, round, stepScoresOf } from './evaluator.js';
import {
  addPrediction,
  bestThreshold,
  DEFAULT_THRESHOLDS,
  emptyProcessBenchCounts,
  firstStepBelow,
  type ProcessBenchCounts,
  processBenchScore,
  type thresholdSweep,
} from './processbench-metrics.js';

/** One ProcessBench line (Qwen/ProcessBench on Hugging Face); `split` names the subset (gsm8k, math, olympiadbench, omnimath). */
export const ProcessBenchRecordSchema = z
  .object({
    id: z.string().min(1),
    problem: z.string(),
    steps: z.array(z.string()).min(1),
    label: z.number().int().min(-1),
    final_answer_correct: z.boolean().optional(),
    split: z.string().min(1).default('default'),
  })
  .refine((record) => record.label < record.steps.length, {
    message: 'label must be -1 or the index of a step',
    path: ['label'],
  });
export type ProcessBenchRecord = z.infer<typeof ProcessBenchRecordSchema>;

export interface ProcessBenchOptions {
  /** A fixed threshold; or */
  threshold?: number | undefined;
  /** the split on which the threshold is chosen by the sweep (then reported on the other splits). */
  tuneSplit?: string | undefined;
}

/**
 * What one split keeps while the file streams: the sweep's counts at every threshold of the grid
 * and the counts at the fixed threshold, each updated as a sample is accepted (constant memory
 * per split, whatever the number of samples). The chosen threshold is either the fixed one or a
 * grid point, so every figure comes from these counts, the same integers the per-sample formulas
 * (`thresholdSweep`, `addPrediction`) would give.
 */
interface SplitCounts {
  grid: ProcessBenchCounts[];
  fixed: ProcessBenchCounts;
}

function countSample(
  split: SplitCounts,
  label: number,
  stepScores: readonly (number | null)[],
  fixed: number,
): void {
  DEFAULT_THRESHOLDS.forEach((threshold, index) => {
    addPrediction(split.grid[index] as ProcessBenchCounts, label, firstStepBelow(stepScores, threshold));
  });
  addPrediction(split.fixed, label, firstStepBelow(stepScores, fixed));
}

/** The sweep of one split (the shape `thresholdSweep` returns), from its counts. */
function sweepOf(split: SplitCounts): ReturnType<typeof thresholdSweep> {
  return DEFAULT_THRESHOLDS.map((threshold, index) => ({
    threshold,
    ...processBenchScore(split.grid[index] as ProcessBenchCounts),
  }));
}

/**
 * `--benchmark processbench`: the prediction is the first step scored below the threshold. With
 * `tuneSplit`, the threshold is the best-F1 point of the sweep on that split, applied to the
 * others; the tuning split's own figures are marked as such. Memory per split is constant: counts
 * at every threshold of the sweep's grid, updated as samples stream by (no step scores are kept).
 */
export function processBenchEvaluator(options: ProcessBenchOptions): BenchmarkEvaluator<ProcessBenchRecord> {
  const bySplit = new Map<string, SplitCounts>();
  const fixed = options.threshold ?? 0.5;
  return {
    name: 'processbench',
    schema: ProcessBenchRecordSchema as unknown as z.ZodType<ProcessBenchRecord>,
    units: (record) => [
      { id: record.id, prompt: record.problem, response: record.steps.join('\n\n'), steps: record.steps },
    ],
    accept(record, [score]) {
      const stepScores = stepScoresOf(score ?? { error: 'no score' }, record.steps.length);
      if (typeof stepScores === 'string') return { id: record.id, error: stepScores };
      let split = bySplit.get(record.split);
      if (split === undefined) {
        split = { grid: DEFAULT_THRESHOLDS.map(emptyProcessBenchCounts), fixed: emptyProcessBenchCounts() };
        bySplit.set(record.split, split);
      }
      countSample(split, record.label, stepScores, fixed);
      return {
        id: record.id,
        split: record.split,
        label: record.label,
        predicted_at_fixed_threshold: firstStepBelow(stepScores, fixed),
        step_scores: stepScores,
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
