import { z } from 'zod';
import { RewardKitError } from '../../core/errors.js';
import { type AggregateMode, aggregateSteps } from '../../process/index.js';
import { baseStrategies } from '../base-strategies.js';
import { buildResult } from '../build-result.js';
import { type FinalSelection, FinalSelectionSchema } from '../select-final.js';
import type { Candidate, SearchResult } from '../types.js';
import { defineSearchStrategy } from '../types.js';
import { requestSeed } from './expand-step.js';
import { sampleSolutions } from './sample-solutions.js';

/** One choice of the table: a strategy and its options. */
export const StrategyChoiceSchema = z.object({
  strategy: z.string(),
  options: z.record(z.string(), z.unknown()).default({}),
});
export type StrategyChoice = z.output<typeof StrategyChoiceSchema>;

/**
 * A fitted compute-optimal table: difficulty bin edges (ascending mean verifier scores; bin 0 is
 * the hardest) and, per budget, the best choice for each bin on the dev split.
 */
export const ComputeOptimalTableSchema = z.object({
  edges: z.array(z.number()),
  choices: z.record(z.string(), z.array(StrategyChoiceSchema)),
});
export type ComputeOptimalTable = z.output<typeof ComputeOptimalTableSchema>;

export const ComputeOptimalOptionsSchema = z
  .object({
    /** k samples whose mean verifier score estimates the problem's difficulty (counted compute). */
    difficulty_samples: z.number().int().min(1).default(4),
    table: ComputeOptimalTableSchema,
  })
  .strict();

/** One dev-split outcome: a problem's difficulty estimate, a choice run at a budget, and whether it was right. */
export interface DevOutcome {
  problemId: string | number;
  difficulty: number;
  choice: StrategyChoice;
  budget: number;
  correct: boolean;
  completionTokens: number;
}

/** The bin of a difficulty estimate: the number of edges it reaches (0 = hardest). */
export function difficultyBin(difficulty: number, edges: readonly number[]): number {
  let bin = 0;
  for (const edge of edges) if (difficulty >= edge) bin += 1;
  return bin;
}

/** Quantile edges that split the difficulties into `bins` equally filled bins. */
export function quantileEdges(difficulties: readonly number[], bins: number): number[] {
  const sorted = [...difficulties].sort((left, right) => left - right);
  if (sorted.length === 0) return [];
  return Array.from({ length: bins - 1 }, (_, index) => {
    const position = ((index + 1) * sorted.length) / bins;
    return sorted[Math.min(sorted.length - 1, Math.floor(position))] as number;
  });
}

/**
 * Fits the compute-optimal table ("Scaling LLM Test-Time Compute Optimally can be More Effective
 * than Scaling Model Parameters", Snell et al.): problems are binned by estimated difficulty into
 * `bins` quantiles; for each (bin, budget) the choice with the highest dev accuracy is kept
 * (ties: fewer generated tokens, then the first seen).
 */
export function fitComputeOptimal(outcomes: readonly DevOutcome[], bins = 5): ComputeOptimalTable {
  const perProblem = new Map<string | number, number>();
  for (const outcome of outcomes) perProblem.set(outcome.problemId, outcome.difficulty);
  const edges = quantileEdges([...perProblem.values()], bins);
  const tally = new Map<string, { choice: StrategyChoice; right: number; total: number; tokens: number }>();
  for (const outcome of outcomes) {
    const bin = difficultyBin(outcome.difficulty, edges);
    const key = `${outcome.budget}\u0000${bin}\u0000${JSON.stringify(outcome.choice)}`;
    const entry = tally.get(key) ?? { choice: outcome.choice, right: 0, total: 0, tokens: 0 };
    entry.right += outcome.correct ? 1 : 0;
    entry.total += 1;
    entry.tokens += outcome.completionTokens;
    tally.set(key, entry);
  }
  const choices: Record<string, StrategyChoice[]> = {};
  const best = new Map<string, { accuracy: number; tokens: number; choice: StrategyChoice }>();
  for (const [key, entry] of tally) {
    const [budget, bin] = key.split('\u0000');
    const slot = `${budget}\u0000${bin}`;
    const accuracy = entry.right / entry.total;
    const tokens = entry.tokens / entry.total;
    const current = best.get(slot);
    if (
      current === undefined ||
      accuracy > current.accuracy ||
      (accuracy === current.accuracy && tokens < current.tokens)
    ) {
      best.set(slot, { accuracy, tokens, choice: entry.choice });
    }
  }
  for (const [slot, { choice }] of best) {
    const [budget, bin] = slot.split('\u0000') as [string, string];
    const row =
      choices[budget] ??
      Array.from({ length: edges.length + 1 }, () => ({ strategy: 'best_of_n', options: {} }));
    row[Number(bin)] = choice;
    choices[budget] = row;
  }
  return { edges, choices };
}

/** The table's row for a budget: the exact one, else the largest smaller budget, else the smallest. */
function rowFor(table: ComputeOptimalTable, budget: number): StrategyChoice[] | undefined {
  const budgets = Object.keys(table.choices)
    .map(Number)
    .sort((left, right) => left - right);
  const fitting = budgets.filter((value) => value <= budget).at(-1) ?? budgets[0];
  return fitting === undefined ? undefined : table.choices[String(fitting)];
}

/** Strategies whose N candidates are independent full samples: the probes are k of them. */
const SAMPLING: Record<string, FinalSelection> = {
  best_of_n: 'best',
  majority_vote: 'majority_vote',
  weighted_vote: 'weighted_vote',
};

/** A strategy's own aggregate and final selection, read from its parsed options. */
function ownRules(options: unknown): { aggregate: AggregateMode; selection: FinalSelection } {
  const record = (options ?? {}) as { aggregate?: AggregateMode; final_selection?: string };
  const selection = FinalSelectionSchema.safeParse(record.final_selection);
  return { aggregate: record.aggregate ?? 'last', selection: selection.success ? selection.data : 'best' };
}

/** The probes scored the chosen strategy's way (their step scores re-aggregated). */
function reaggregated(probes: readonly Candidate[], aggregate: AggregateMode): Candidate[] {
  return probes.map((probe) => ({
    ...probe,
    score: probe.stepScores === null ? null : aggregateSteps(probe.stepScores, aggregate),
  }));
}

/**
 * Compute-optimal selection ("Scaling LLM Test-Time Compute Optimally can be More Effective than
 * Scaling Model Parameters", Snell et al.): k full samples (`difficulty_samples`, default 4)
 * estimate the problem's difficulty (the mean of their last-step verifier scores, Snell et al.'s
 * model-predicted difficulty), the fitted table picks the strategy and options for that bin at
 * this budget, and that strategy runs. The probes are spent compute, so they count as candidates:
 * a sampling strategy (best_of_n, majority_vote, weighted_vote) uses them as k of its N samples
 * and draws only N - k more (max(N, k) samples in all); a step-level strategy runs with N and the
 * probes join its finished candidates for its final pick.
 */
export const computeOptimal = defineSearchStrategy({
  name: 'compute_optimal',
  description: 'estimates difficulty from k samples, then runs the strategy fitted for that bin and budget',
  optionsSchema: ComputeOptimalOptionsSchema,
  async run(problem, budget, options, context) {
    const probes = await sampleSolutions(problem, options.difficulty_samples, 'last', context);
    const scores = probes.map((probe) => probe.score ?? 0);
    const difficulty = scores.reduce((sum, score) => sum + score, 0) / Math.max(1, scores.length);
    const bin = difficultyBin(difficulty, options.table.edges);
    const choice = rowFor(options.table, budget)?.[bin] ?? { strategy: 'best_of_n', options: {} };
    const strategy = baseStrategies.find((candidate) => candidate.name === choice.strategy);
    if (strategy === undefined) {
      throw new RewardKitError(
        'RK_SPEC_INVALID',
        `compute_optimal table names unknown strategy '${choice.strategy}'`,
      );
    }
    const strategyOptions = strategy.optionsSchema.parse(choice.options);
    const rules = ownRules(strategyOptions);
    const name = `compute_optimal:${choice.strategy}`;
    const sampling = SAMPLING[choice.strategy];
    let result: SearchResult;
    if (sampling !== undefined) {
      const more = await sampleSolutions(
        problem,
        budget - probes.length,
        sampling === 'majority_vote' ? null : rules.aggregate,
        context,
        requestSeed(context, 104_729),
      );
      result = buildResult(
        problem,
        name,
        budget,
        [...reaggregated(probes, rules.aggregate), ...more],
        sampling,
        context,
      );
    } else {
      const searched = await strategy.run(problem, budget, strategyOptions, context);
      result = buildResult(
        problem,
        name,
        budget,
        [...searched.candidates, ...reaggregated(probes, rules.aggregate)],
        rules.selection,
        context,
        searched.nodes,
      );
    }
    return {
      ...result,
      selection: {
        ...result.selection,
        method: `${result.selection.method} (bin ${bin}, difficulty ${difficulty.toFixed(3)})`,
        difficulty,
        bin,
      },
    };
  },
});
