import { z } from 'zod';
import { buildResult, makeCandidate } from '../build-result.js';
import { rankable, scoreSolutions } from '../score-candidates.js';
import { MaxStepsSchema, SearchAggregateSchema, TreeSelectionSchema } from '../search-options.js';
import type { Candidate, SearchContext, SearchProblem } from '../types.js';
import { defineSearchStrategy } from '../types.js';
import { expandStep } from './expand-step.js';

export const DvtsOptionsSchema = z
  .object({
    /** M: children per subtree per step; N / M independent subtrees (search-and-learn: 4). */
    beam_width: z.number().int().min(1).default(4),
    max_steps: MaxStepsSchema,
    aggregate: SearchAggregateSchema,
    final_selection: TreeSelectionSchema,
  })
  .strict();
type DvtsOptions = z.output<typeof DvtsOptionsSchema>;

/** search-and-learn prunes a DVTS subtree once its text holds `boxed{`: the answer is stated. */
function statesAnswer(steps: readonly string[]): boolean {
  return steps.at(-1)?.includes('boxed{') ?? false;
}

/** One subtree, grown greedily: M children per step, the PRM's favourite kept. */
async function growSubtree(
  problem: SearchProblem,
  subtree: number,
  options: DvtsOptions,
  context: SearchContext,
): Promise<Candidate[]> {
  let steps: string[] = [];
  let lastChildren: Candidate[] = [];
  for (let iteration = 0; iteration < options.max_steps; iteration++) {
    const toEnd = iteration === options.max_steps - 1;
    const children = await expandStep(
      problem,
      steps,
      options.beam_width,
      { ...context, seed: context.seed + subtree * 104_729 },
      iteration,
      toEnd,
    );
    if (children.length === 0) break;
    const scored = await scoreSolutions(
      problem,
      children.map((child) => child.steps),
      context.verifier,
      options.aggregate,
    );
    lastChildren = children.map((child, index) =>
      makeCandidate(
        child.steps,
        child.finished || toEnd || statesAnswer(child.steps),
        scored[index] ?? { stepScores: null, score: null },
        child.logprob,
      ),
    );
    let best = 0;
    lastChildren.forEach((child, index) => {
      if (rankable(child.score) > rankable(lastChildren[best]?.score ?? null)) best = index;
    });
    const chosen = lastChildren[best] as Candidate;
    // A subtree ends when its chosen step ends the solution or states the boxed answer.
    if (chosen.finished) break;
    steps = chosen.steps;
  }
  return lastChildren;
}

/**
 * Diverse verifier tree search (DVTS), as in search-and-learn ("Scaling test-time compute with
 * open models", Beeching et al., Hugging Face): N / M independent subtrees, each a greedy search
 * that expands its one beam M times per step and keeps the PRM's best child, so the N candidates
 * do not collapse onto one prefix as beam search's do. A subtree stops when its chosen step ends
 * the solution or states a `boxed{` answer; its last M children are its candidates (N in all);
 * the final pick is `final_selection` over the finished ones, by default search-and-learn's
 * weighted vote. Defaults: M = 4 (`beam_width`), 40 iterations, aggregate `last`.
 */
export const dvts = defineSearchStrategy({
  name: 'dvts',
  description: 'diverse verifier tree search: N/M independent greedy subtrees of width M',
  optionsSchema: DvtsOptionsSchema,
  async run(problem, budget, options, context) {
    const subtrees = Math.max(1, Math.floor(budget / options.beam_width));
    const grown = await Promise.all(
      Array.from({ length: subtrees }, (_, subtree) => growSubtree(problem, subtree, options, context)),
    );
    return buildResult(problem, 'dvts', budget, grown.flat(), options.final_selection, context);
  },
});
