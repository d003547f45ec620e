import { finalAnswer } from './answer-groups.js';
import { type FinalSelection, selectFinal } from './select-final.js';
import { solutionText } from './solution-text.js';
import type { Candidate, SearchContext, SearchNode, SearchProblem, SearchResult } from './types.js';

/** A candidate from steps and scores, with its final answer extracted. */
export function makeCandidate(
  steps: readonly string[],
  finished: boolean,
  scored: { stepScores: readonly number[] | null; score: number | null },
  logprob: number | null = null,
): Candidate {
  return {
    steps: [...steps],
    finished,
    stepScores: scored.stepScores,
    score: scored.score,
    answer: finalAnswer(solutionText(steps)),
    logprob,
  };
}

/** Applies the final selection and packages the result with the ledger's totals. */
export function buildResult(
  problem: SearchProblem,
  strategy: string,
  budget: number,
  candidates: Candidate[],
  selection: FinalSelection | { index: number; method: string },
  context: SearchContext,
  nodes?: SearchNode[],
): SearchResult {
  const chosen =
    typeof selection === 'string'
      ? selectFinal(candidates, selection)
      : { ...selection, support: candidates[selection.index]?.score ?? 0, groups: 0 };
  const winner = chosen.index >= 0 ? candidates[chosen.index] : undefined;
  return {
    problemId: problem.id,
    strategy,
    budget,
    response: winner === undefined ? null : solutionText(winner.steps),
    answer: winner?.answer ?? null,
    selection: { method: chosen.method, support: chosen.support, groups: chosen.groups },
    candidates,
    ...(nodes === undefined ? {} : { nodes }),
    compute: context.ledger.totals(),
  };
}
