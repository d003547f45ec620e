import type { BenchmarkEvaluator, Chart, EvalOutcome, ScoringUnit, UnitScore } from './evaluator.js';
import { detailsOf, round, stepLabelsOf, stepScoresOf } from './evaluator.js';
import {
  type PrmBenchProcess,
  type PrmBenchRecord,
  PrmBenchRecordSchema,
  prmBenchProcesses,
} from './prmbench-format.js';
import {
  addConfusion,
  type Confusion,
  emptyConfusion,
  PRMBENCH_GROUPS,
  processConfusion,
  summarizePrmBench,
} from './prmbench-metrics.js';

/**
 * A process's step verdicts (true = valid), as PRMBench's `evaluate_function` takes them: the
 * model's own `step_level_validity_labels` when it gave them; for the redundency and circular
 * classes its `step_level_redundancy_labels`, negated, when it gave those; else its step scores
 * above `threshold` (`item > validity_threshold` in PRMBench's model wrappers). A null step score
 * (undecided) counts as valid: nothing wrong was found.
 */
function stepVerdicts(
  process: PrmBenchProcess,
  score: UnitScore,
  threshold: number,
): { valid: boolean[]; undecided: number; stepScores?: (number | null)[] } | string {
  const steps = process.steps.length;
  if (REDUNDANCY_CLASSES.has(process.classification)) {
    const redundant = stepLabelsOf(score, steps, 'redundancyLabels');
    if (typeof redundant === 'string') return redundant;
    if (redundant !== undefined) return { valid: redundant.map((isRedundant) => !isRedundant), undecided: 0 };
  }
  const labels = stepLabelsOf(score, steps);
  if (typeof labels === 'string') return labels;
  if (labels !== undefined) return { valid: labels, undecided: 0 };
  const stepScores = stepScoresOf(score, steps);
  if (typeof stepScores === 'string') return stepScores;
  return {
    valid: stepScores.map((value) => value === null || value > threshold),
    undecided: stepScores.filter((value) => value === null).length,
    stepScores,
  };
}

/** The classes whose redundancy labels PRMBench uses in place of validity labels. */
const REDUNDANCY_CLASSES: ReadonlySet<string> = new Set(['redundency', 'circular']);

/**
 * `--benchmark prmbench`: every PRMBench record gives its modified process (and, for the
 * `redundency` class, the original as a `correct` process), judged step by step (stepVerdicts).
 * As PRMBench's loader does, a process id met twice (`<classification>_<idx>`, `correct_<idx>`)
 * is evaluated once, the first time; the later line says it was skipped. `units` and `accept`
 * keep no state between them (a runner may score lines elsewhere).
 */
export function prmBenchEvaluator(threshold: number): BenchmarkEvaluator<PrmBenchRecord> {
  const byClass = new Map<string, Confusion>();
  const seen = new Set<string>();
  let undecidedSteps = 0;
  let stepsOutside = 0;
  let duplicateProcesses = 0;
  return {
    name: 'prmbench',
    schema: PrmBenchRecordSchema,
    units(record): ScoringUnit[] {
      return prmBenchProcesses(record).map((process) => ({
        id: process.id,
        prompt: process.question,
        response: process.steps.join('\n\n'),
        steps: process.steps,
      }));
    },
    accept(record, scores: UnitScore[]) {
      // accept sees the lines in input order, so the first line of a process id is the one kept.
      const predictions: object[] = prmBenchProcesses(record).map((process, index) => {
        if (seen.has(process.id)) {
          duplicateProcesses++;
          return {
            id: process.id,
            skipped: 'the same process id came earlier in the file; PRMBench keeps the first',
          };
        }
        seen.add(process.id);
        stepsOutside += process.errorStepsOutside.length;
        const verdicts = stepVerdicts(process, scores[index] ?? { error: 'no score' }, threshold);
        if (typeof verdicts === 'string') return { id: process.id, error: verdicts };
        undecidedSteps += verdicts.undecided;
        const { valid, stepScores } = verdicts;
        const confusion = processConfusion(process.errorSteps, valid);
        let classConfusion = byClass.get(process.classification);
        if (classConfusion === undefined) {
          classConfusion = emptyConfusion();
          byClass.set(process.classification, classConfusion);
        }
        addConfusion(classConfusion, confusion);
        return {
          id: process.id,
          classification: process.classification,
          error_steps: process.errorSteps.map((step) => step + 1),
          flagged_steps: valid.flatMap((isValid, step) => (isValid ? [] : [step + 1])),
          ...(stepScores === undefined ? {} : { step_scores: stepScores }),
          confusion,
          ...detailsOf(scores[index]),
        };
      });
      const failed = predictions.filter((entry): entry is { id: string; error: string } => 'error' in entry);
      return {
        line_id: record.idx,
        processes: predictions,
        ...(failed.length === 0
          ? {}
          : { error: failed.map((entry) => `${entry.id}: ${entry.error}`).join('; ') }),
      };
    },
    finish(): EvalOutcome {
      const summary = summarizePrmBench(byClass);
      const notes: string[] = [];
      if (undecidedSteps > 0) notes.push(`${undecidedSteps} steps had no score (null) and count as valid`);
      if (duplicateProcesses > 0)
        notes.push(
          `${duplicateProcesses} processes repeated an earlier id and were skipped, as PRMBench's loader does`,
        );
      if (stepsOutside > 0)
        notes.push(`${stepsOutside} error_steps lay beyond their process and were ignored, as PRMBench does`);
      const names: Record<string, string> = Object.assign({}, ...Object.values(PRMBENCH_GROUPS));
      const classes = Object.entries(summary.byClass).sort(([a], [b]) => a.localeCompare(b));
      const charts: Chart[] = [
        {
          kind: 'bars',
          title: 'Step confusion per category (correct steps are positives)',
          yLabel: 'steps',
          groups: classes.map(([name, entry]) => ({
            label: names[name] ?? name,
            values: [
              { name: 'TP', value: entry.confusion.tp },
              { name: 'FN', value: entry.confusion.fn },
              { name: 'TN', value: entry.confusion.tn },
              { name: 'FP', value: entry.confusion.fp },
            ],
          })),
        },
      ];
      return {
        metrics: {
          benchmark: 'prmbench',
          threshold,
          prm_score: summary.overall,
          confusion: summary.overallConfusion,
          by_group: summary.byGroup,
          by_class: summary.byClass,
        },
        tables: [
          {
            title: 'PRMBench: PRMScore per category',
            header: ['category', 'TP', 'FN', 'TN', 'FP', 'F1', 'negative F1', 'PRMScore'],
            rows: [
              ...classes.map(([name, entry]) => [
                `${name}${names[name] ? ` (${names[name]})` : ''}`,
                entry.confusion.tp,
                entry.confusion.fn,
                entry.confusion.tn,
                entry.confusion.fp,
                round(entry.f1),
                round(entry.negativeF1),
                round(entry.prmScore),
              ]),
              [
                'overall (all but correct)',
                summary.overallConfusion.tp,
                summary.overallConfusion.fn,
                summary.overallConfusion.tn,
                summary.overallConfusion.fp,
                null,
                null,
                round(summary.overall),
              ],
              ...Object.entries(summary.byGroup).map(([group, score]) => [
                `${group} (mean)`,
                null,
                null,
                null,
                null,
                null,
                null,
                round(score),
              ]),
            ],
          },
        ],
        charts,
        notes,
      };
    },
  };
}
