import type { BenchmarkEvaluator, Chart, EvalOutcome, ScoringUnit, UnitScore } from './evaluator.js';
import { detailsOf, round, stepScoresOf } from './evaluator.js';
import { type PrmBenchRecord, PrmBenchRecordSchema, prmBenchProcesses } from './prmbench-format.js';
import {
  addConfusion,
  type Confusion,
  emptyConfusion,
  PRMBENCH_GROUPS,
  processConfusion,
  summarizePrmBench,
} from './prmbench-metrics.js';

/**
 * `--benchmark prmbench`: every PRMBench record gives its modified process (and, for the
 * `redundency` class, the original as a `correct` process), scored step by step. A step is judged
 * valid when its score is above `threshold` (PRMBench's `item > validity_threshold`, 0.5 for its
 * PRMs); a step the scorer leaves undecided (null) counts as valid: nothing wrong was found.
 */
export function prmBenchEvaluator(threshold: number): BenchmarkEvaluator<PrmBenchRecord> {
  const byClass = new Map<string, Confusion>();
  let undecidedSteps = 0;
  let stepsOutside = 0;
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
      const processes = prmBenchProcesses(record);
      const predictions = processes.map((process, index) => {
        stepsOutside += process.errorStepsOutside.length;
        const stepScores = stepScoresOf(scores[index] as UnitScore, process.steps.length);
        if (typeof stepScores === 'string') return { id: process.id, error: stepScores };
        undecidedSteps += stepScores.filter((score) => score === null).length;
        const valid = stepScores.map((score) => score === null || score > threshold);
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
          step_scores: stepScores,
          confusion,
          ...detailsOf(scores[index]),
        };
      });
      return { line_id: record.idx, processes: predictions };
    },
    finish(): EvalOutcome {
      const summary = summarizePrmBench(byClass);
      const notes: string[] = [];
      if (undecidedSteps > 0) notes.push(`${undecidedSteps} steps had no score (null) and count as valid`);
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
