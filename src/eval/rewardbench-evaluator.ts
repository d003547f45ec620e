import { z } from 'zod';
import type { BenchmarkEvaluator, EvalOutcome, UnitScore } from './evaluator.js';
import { round, scoreOf } from './evaluator.js';
import {
  bestOfWithTies,
  pairWon,
  REWARDBENCH_EXAMPLE_COUNTS,
  REWARDBENCH_PRIOR_SETS,
  rewardBenchSections,
  type TiesPrompt,
  tiesScore,
} from './rewardbench-metrics.js';

const text = z.string();
const id = z.union([z.string().min(1), z.number()]).transform(String);
/** A score as RewardBench saves it: a number, or a one-element list (`[x]`, as some pipelines return it). */
const savedScore = z.union([z.number().finite(), z.tuple([z.number().finite()]).transform(([x]) => x)]);

/**
 * RewardBench 1 (allenai/reward-bench, `filtered` split): one chosen and one rejected answer per
 * prompt. A file of predictions may instead carry the scores, as `scripts/run_rm.py` saves them:
 * `scores_chosen` and `scores_rejected` (then the texts may be left out).
 */
export const RewardBenchRecordSchema = z
  .object({
    id,
    prompt: text.optional(),
    chosen: text.optional(),
    rejected: text.optional(),
    subset: z.string().min(1),
    scores_chosen: savedScore.optional(),
    scores_rejected: savedScore.optional(),
  })
  .superRefine((record, context) => {
    const scored = record.scores_chosen !== undefined || record.scores_rejected !== undefined;
    for (const field of scored
      ? (['scores_chosen', 'scores_rejected'] as const)
      : (['chosen', 'rejected'] as const)) {
      if (record[field] === undefined)
        context.addIssue({
          code: 'custom',
          path: [field],
          message: scored
            ? 'missing: give both scores_chosen and scores_rejected'
            : 'missing (or give scores_chosen and scores_rejected)',
        });
    }
  });
export type RewardBenchRecord = z.infer<typeof RewardBenchRecordSchema>;

/**
 * RewardBench 2 (allenai/reward-bench-2): `chosen` (a list: one answer, several in Ties; a string is
 * one answer), `rejected` (a list), `num_correct` (optional, = the length of chosen). A file of
 * predictions may carry `scores` instead (correct answers first, as `scripts/run_v2.py` saves
 * them) with `num_correct`, the texts left out.
 */
export const RewardBench2RecordSchema = z
  .object({
    id,
    prompt: text.optional(),
    chosen: z.union([text.transform((answer) => [answer]), z.array(text).min(1)]).optional(),
    rejected: z.array(text).min(1).optional(),
    num_correct: z.number().int().min(1).optional(),
    scores: z.array(savedScore).min(2).optional(),
    subset: z.string().min(1),
  })
  .superRefine((record, context) => {
    const issue = (path: string, message: string) =>
      context.addIssue({ code: 'custom', path: [path], message });
    if (record.scores === undefined) {
      if (record.chosen === undefined) issue('chosen', 'missing (or give scores and num_correct)');
      else if (record.rejected === undefined) issue('rejected', 'missing (or give scores and num_correct)');
      else if (record.num_correct !== undefined && record.num_correct !== record.chosen.length)
        issue('num_correct', `is ${record.num_correct} but chosen has ${record.chosen.length} answers`);
      return;
    }
    const correct = record.num_correct ?? record.chosen?.length;
    if (correct === undefined) issue('num_correct', 'missing: needed with scores and no chosen list');
    else if (correct >= record.scores.length)
      issue('scores', `has ${record.scores.length} entries, not more than num_correct (${correct})`);
    else if (
      record.chosen !== undefined &&
      record.rejected !== undefined &&
      record.chosen.length + record.rejected.length !== record.scores.length
    )
      issue(
        'scores',
        `has ${record.scores.length} entries for ${record.chosen.length + record.rejected.length} answers`,
      );
  });
export type RewardBench2Record = z.infer<typeof RewardBench2RecordSchema>;

const given = (score: number | undefined): { given?: UnitScore } =>
  score === undefined ? {} : { given: { score } };

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
      {
        id: `${record.id}:chosen`,
        prompt: record.prompt ?? '',
        response: record.chosen ?? '',
        ...given(record.scores_chosen),
      },
      {
        id: `${record.id}:rejected`,
        prompt: record.prompt ?? '',
        response: record.rejected ?? '',
        ...given(record.scores_rejected),
      },
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
          .filter(
            (subset) =>
              REWARDBENCH_EXAMPLE_COUNTS[subset] === undefined && !REWARDBENCH_PRIOR_SETS.includes(subset),
          )
          .map(
            (subset) =>
              `subset '${subset}' is neither in RewardBench's section map nor a prior set: reported, not weighted`,
          ),
      };
    },
  };
}

/**
 * `--benchmark rewardbench2`: units `<id>:<i>`, chosen answers first. Outside Ties, the sample
 * scores best-of-(1 + rejected) with ties split; the Ties subset (ids `ref:N` / `tied:N`) is scored
 * as RewardBench 2 scores it (tiesScore). The overall score is the unweighted mean of the subsets
 * with a score, as the RewardBench 2 leaderboard averages its six subsets.
 */
export function rewardBench2Evaluator(): BenchmarkEvaluator<RewardBench2Record> {
  const bySubset = new Map<string, { sum: number; count: number }>();
  const ref = new Map<string, TiesPrompt>();
  const tied = new Map<string, TiesPrompt>();
  let tiesName = 'Ties';
  return {
    name: 'rewardbench2',
    schema: RewardBench2RecordSchema as unknown as z.ZodType<RewardBench2Record>,
    units: (record) => {
      const answers = record.scores ?? [...(record.chosen ?? []), ...(record.rejected ?? [])];
      const texts = [...(record.chosen ?? []), ...(record.rejected ?? [])];
      return answers.map((_, index) => ({
        id: `${record.id}:${index}`,
        prompt: record.prompt ?? '',
        response: texts[index] ?? '',
        ...given(record.scores?.[index]),
      }));
    },
    accept(record, scores: UnitScore[]) {
      const values = scores.map(scoreOf);
      const failed = values.findIndex((value) => typeof value === 'string');
      if (failed >= 0) return { id: record.id, error: `answer ${failed}: ${values[failed]}` };
      const numbers = values as number[];
      const numCorrect = record.num_correct ?? record.chosen?.length ?? 1;
      const correct = numbers.slice(0, numCorrect);
      const incorrect = numbers.slice(numCorrect);
      if (record.subset.toLowerCase() === 'ties') {
        const match = /^(ref|tied):(.+)$/.exec(record.id);
        if (match === null) return { id: record.id, error: "field 'id': a Ties id is 'ref:N' or 'tied:N'" };
        const [, kind, rawPromptId] = match as unknown as [string, 'ref' | 'tied', string];
        // process_single_model groups by (kind, int(prompt id)); lines of one group are pooled.
        const promptId = /^\s*[+-]?\d+\s*$/.test(rawPromptId)
          ? String(Number.parseInt(rawPromptId, 10))
          : rawPromptId;
        if (ref.size + tied.size === 0) tiesName = record.subset;
        const groups = kind === 'ref' ? ref : tied;
        const group = groups.get(promptId) ?? { correct: [], incorrect: [] };
        groups.set(promptId, {
          correct: [...group.correct, ...correct],
          incorrect: [...group.incorrect, ...incorrect],
        });
        return { id: record.id, subset: record.subset, scores: numbers, num_correct: numCorrect };
      }
      const result = bestOfWithTies(correct[0] as number, [...correct.slice(1), ...incorrect]);
      const tally = bySubset.get(record.subset) ?? { sum: 0, count: 0 };
      bySubset.set(record.subset, tally);
      tally.sum += result;
      tally.count++;
      return { id: record.id, subset: record.subset, scores: numbers, result };
    },
    finish(): EvalOutcome {
      const subsets: Record<string, number | null> = accuracyBySubset(bySubset);
      const notes: string[] = [];
      if (ref.size + tied.size > 0) {
        subsets[tiesName] = tiesScore(ref, tied);
        if (subsets[tiesName] === null)
          notes.push(
            'Ties: no prompt has both a ref and a tied sample, so its score is undefined (NaN in RewardBench 2)',
          );
      }
      const values = Object.values(subsets).filter((value): value is number => value !== null);
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
        notes,
      };
    },
  };
}
