import type { AggregateMode } from '../../process/index.js';
import { makeCandidate } from '../build-result.js';
import { scoreSolutions } from '../score-candidates.js';
import { splitSteps } from '../solution-text.js';
import type { Candidate, SearchContext, SearchProblem } from '../types.js';

/**
 * N independent full solutions from the policy in one request (n = N, prefix-cache friendly),
 * split into steps and, when `aggregate` is given, scored by the verifier in one call. `seed` is
 * the request's sampling seed (the search's own by default).
 */
export async function sampleSolutions(
  problem: SearchProblem,
  count: number,
  aggregate: AggregateMode | null,
  context: SearchContext,
  seed = context.seed,
): Promise<Candidate[]> {
  if (count <= 0) return [];
  const continuations = await context.policy.continue(problem, '', {
    n: count,
    untilStepEnd: false,
    seed,
  });
  const solutions = continuations.map((continuation) => splitSteps(continuation.text));
  const scored =
    aggregate === null
      ? solutions.map(() => ({ stepScores: null, score: null }))
      : await scoreSolutions(problem, solutions, context.verifier, aggregate);
  return solutions.map((steps, index) =>
    makeCandidate(
      steps,
      continuations[index]?.stop === 'end',
      scored[index] ?? { stepScores: null, score: null },
      continuations[index]?.logprob ?? null,
    ),
  );
}
