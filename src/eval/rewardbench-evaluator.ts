import { z } from 'zod';
import type { BenchmarkEvaluator, EvalOutcome, UnitScore } from './evaluator.js';
import { round, scoreOf } from './evaluator.js';
import {
  bestOfWithTies,
  pairWon,
  REWARDBENCH_EXAMPLE_COUNTS,
  rewardBenchSections,
  type TiesPrompt,
  tiesScore,
} from './rewardbench-metrics.js';

const text = z.string();

/** RewardBench 1 (allenai/reward-bench): one chosen and one rejected answer per prompt. */
export const RewardBenchRecordSchema = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  prompt: text,
  chosen: text,
  rejected: text,
  subset: z.string().min(1),
});
export type RewardBenchRecord = z.infer<typeof RewardBenchRecordSchema>;

/** RewardBench 2 (allenai/reward-bench-2): chosen answers (one, several in Ties) and rejected ones. */
export const RewardBench2RecordSchema = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  prompt: text,
  chosen: z.union([text.transform((answer) => [answer]), z.array(text).min(1)]),
  rejected: z.array(text).min(1),
  subset: z.string().min(1),
});
export type RewardBench2Record = z.infer<typeof RewardBench2RecordSchema>;

function accuracyBySubset(bySubset: Map<string, { sum: number; count: number }>) {
  const accuracy: Record<string, number> = {};
  for (const [subset, { sum, count }] of bySubset) accuracy[subset] = sum / count;
  return accuracy;
}

/** `--benchmark rewardbench`: units `<id>:chosen` and `<id>:rejected`; a pair is won when chosen scores strictly higher. */
export function rewardBenchEvaluator(): BenchmarkEvaluator<RewardBenchRecord> {
  const bySubset = new Map<string, { sum: number; count: number }>();
  return {
    name: 'rewardbench',
    schema: RewardBenchRecordSchema as unknown as z.ZodType<RewardBenchRecord>,
    units: (record) => [
      { id: `${record.id}:chosen`, prompt: record.prompt, response: record.chosen },
      { id: `${record.id}:rejected`, prompt: record.prompt, response: record.rejected },
    ],
    accept(record, scores: UnitScore[]) {
      const [chosen, rejected] = scores.map(scoreOf);
      if (typeof chosen === 'string' || typeof rejected === 'string') {
        return {
          id: record.id,
          error: typeof chosen === 'string' ? `chosen: ${chosen}` : `rejected: ${rejected}`,
        };
      }
      const won = pairWon(chosen as number, rejected as number);
      const tally = bySubset.get(record.subset) ?? { sum: 0, count: 0 };
      bySubset.set(record.subset, tally);
      tally.sum += won;
      tally.count++;
      return { id: record.id, subset: record.subset, chosen_score: chosen, rejected_score: rejected, won };
    },
    finish(): EvalOutcome {
      const accuracy = accuracyBySubset(bySubset);
      const { sections, overall } = rewardBenchSections(accuracy);
      return {
        metrics: { benchmark: 'rewardbench', overall, sections, subsets: accuracy },
        tables: [
          {
            title: 'RewardBench sections (subsets weighted by RewardBench example counts)',
            header: ['section', 'score'],
            rows: [
              ...Object.entries(sections).map(([name, score]) => [name, round(score)]),
              ['overall (mean of sections)', round(overall)],
            ],
          },
          {
            title: 'RewardBench subsets',
            header: ['subset', 'pairs', 'accuracy'],
            rows: [...bySubset]
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([subset, tally]) => [subset, tally.count, round(tally.sum / tally.count)]),
          },
        ],
        charts: [],
        notes: Object.keys(accuracy)
          .filter((subset) => REWARDBENCH_EXAMPLE_COUNTS[subset] === undefined)
          .map((subset) => `subset '${subset}' is not in RewardBench's section map: reported, not weighted`),
      };
    },
  };
}

/**
 * `--benchmark rewardbench2`: units `<id>:<i>`, chosen answers first. Outside Ties, the sample
 * scores best-of-(1 + rejected) with ties split; the Ties subset (ids `ref:N` / `tied:N`) is scored
 * as RewardBench 2 scores it (tiesScore). The overall score is the unweighted mean of the subsets.
 */
export function rewardBench2Evaluator(): BenchmarkEvaluator<RewardBench2Record> {
  const bySubset = new Map<string, { sum: number; count: number }>();
  const ref = new Map<string, TiesPrompt>();
  const tied = new Map<string, TiesPrompt>();
  return {
    name: 'rewardbench2',
    schema: RewardBench2RecordSchema as unknown as z.ZodType<RewardBench2Record>,
    units: (record) =>
      [...record.chosen, ...record.rejected].map((response, index) => ({
        id: `${record.id}:${index}`,
        prompt: record.prompt,
        response,
      })),
    accept(record, scores: UnitScore[]) {
      const values = scores.map(scoreOf);
      const failed = values.findIndex((value) => typeof value === 'string');
      if (failed >= 0) return { id: record.id, error: `answer ${failed}: ${values[failed]}` };
      const numbers = values as number[];
      const correct = numbers.slice(0, record.chosen.length);
      const incorrect = numbers.slice(record.chosen.length);
      if (record.subset.toLowerCase() === 'ties') {
        const [kind, promptId] = record.id.split(':');
        if (promptId === undefined || (kind !== 'ref' && kind !== 'tied')) {
          return { id: record.id, error: "field 'id': a Ties id is 'ref:N' or 'tied:N'" };
        }
        (kind === 'ref' ? ref : tied).set(promptId, { correct, incorrect });
        return { id: record.id, subset: record.subset, scores: numbers };
      }
      const result = bestOfWithTies(correct[0] as number, [...correct.slice(1), ...incorrect]);
      const tally = bySubset.get(record.subset) ?? { sum: 0, count: 0 };
      bySubset.set(record.subset, tally);
      tally.sum += result;
      tally.count++;
      return { id: record.id, subset: record.subset, scores: numbers, result };
    },
    finish(): EvalOutcome {
      const subsets = accuracyBySubset(bySubset);
      if (ref.size + tied.size > 0) subsets['Ties'] = tiesScore(ref, tied);
      const values = Object.values(subsets);
      const overall = values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
      return {
        metrics: { benchmark: 'rewardbench2', overall, subsets },
        tables: [
          {
            title: 'RewardBench 2 (best-of-N with ties split; Ties scored by its own formula)',
            header: ['subset', 'score'],
            rows: [
              ...Object.entries(subsets).map(([name, score]) => [name, round(score)]),
              ['overall (mean of subsets)', round(overall)],
            ],
          },
        ],
        charts: [],
        notes: [],
      };
    },
  };
}
