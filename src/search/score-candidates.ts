import { type AggregateMode, aggregateSteps } from '../process/index.js';
import type { SearchProblem, StepVerifier } from './types.js';

export interface ScoredSolution {
  stepScores: readonly number[] | null;
  score: number | null;
}

/**
 * Scores (partial) solutions with the verifier in one call and aggregates each one's step scores
 * (`last`, `min`, `product`, `mean` ... as in src/process). A verifier failure for a solution is
 * `null`, which every strategy ranks below any number.
 */
export async function scoreSolutions(
  problem: SearchProblem,
  solutions: readonly (readonly string[])[],
  verifier: StepVerifier,
  aggregate: AggregateMode,
): Promise<ScoredSolution[]> {
  if (solutions.length === 0) return [];
  const scores = await verifier.scoreSteps(problem, solutions);
  return solutions.map((_, index) => {
    const stepScores = scores[index] ?? null;
    const valid = stepScores !== null && stepScores.length > 0 && stepScores.every(Number.isFinite);
    return {
      stepScores: valid ? stepScores : null,
      score: valid ? aggregateSteps(stepScores, aggregate) : null,
    };
  });
}

/** Ranks null below every number (for sorting and argmax). */
export function rankable(score: number | null): number {
  return score ?? Number.NEGATIVE_INFINITY;
}
