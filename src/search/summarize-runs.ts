import { mean, std } from '../advantages/index.js';
import type { SearchRunLine } from './run-problems.js';

/** One (strategy, budget) point of the curves. */
export interface CurvePoint {
  strategy: string;
  budget: number;
  /** Mean over seeds of the per-seed accuracy (problems with a decidable reference only). */
  accuracy: number;
  /** Half-width of the 95% normal interval over seeds, 1.96 * sd / sqrt(seeds); 0 with one seed. */
  halfWidth: number;
  seeds: number;
  problems: number;
  /** Mean generated tokens per problem (all seeds). */
  completionTokens: number;
  /** Mean wall time per problem, milliseconds. */
  wallMs: number;
  errors: number;
}

/**
 * Accuracy-vs-budget points per strategy: for each (strategy, budget) and seed, the share of
 * problems answered correctly (lines whose `correct` is null are left out: no reference, or the
 * verifier could not decide); then the mean over seeds with a 95% band, 1.96 * sd / sqrt(k).
 * Lines whose base strategy is `compute_optimal:<chosen>` count as `compute_optimal`.
 */
export function summarizeRuns(lines: readonly SearchRunLine[]): CurvePoint[] {
  const groups = new Map<string, SearchRunLine[]>();
  for (const line of lines) {
    if (line.budget === null) continue;
    const strategy = line.strategy.split(':')[0] as string;
    const key = JSON.stringify([strategy, line.budget]);
    const list = groups.get(key) ?? [];
    list.push(line);
    groups.set(key, list);
  }
  const points: CurvePoint[] = [];
  for (const [key, group] of groups) {
    const [strategy, budget] = JSON.parse(key) as [string, number];
    const bySeed = new Map<number, { right: number; decided: number }>();
    for (const line of group) {
      if (line.correct === null) continue;
      const tally = bySeed.get(line.seed ?? 0) ?? { right: 0, decided: 0 };
      tally.decided += 1;
      tally.right += line.correct ? 1 : 0;
      bySeed.set(line.seed ?? 0, tally);
    }
    const accuracies = [...bySeed.values()].map((tally) => tally.right / tally.decided);
    const problems = new Set(group.map((line) => JSON.stringify(line.problem_id))).size;
    points.push({
      strategy,
      budget,
      accuracy: accuracies.length === 0 ? 0 : mean(accuracies),
      halfWidth:
        accuracies.length > 1 ? (1.96 * std(accuracies, 'unbiased')) / Math.sqrt(accuracies.length) : 0,
      seeds: accuracies.length,
      problems,
      completionTokens: mean(group.map((line) => line.compute?.completionTokens ?? 0)),
      wallMs: mean(group.map((line) => line.compute?.wallMs ?? 0)),
      errors: group.filter((line) => line.status === 'error').length,
    });
  }
  return points.sort(
    (left, right) => left.strategy.localeCompare(right.strategy) || left.budget - right.budget,
  );
}
