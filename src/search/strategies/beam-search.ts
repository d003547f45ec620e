import { z } from 'zod';
import { buildResult, makeCandidate } from '../build-result.js';
import { rankable, scoreSolutions } from '../score-candidates.js';
import { MaxStepsSchema, SearchAggregateSchema, TreeSelectionSchema } from '../search-options.js';
import type { Candidate, SearchContext, SearchProblem, SearchResult } from '../types.js';
import { defineSearchStrategy } from '../types.js';
import {
  type Expansion,
  expandPartialStep,
  expandStep,
  finishPartialStep,
  spreadExpansions,
} from './expand-step.js';

export const BeamSearchOptionsSchema = z
  .object({
    /** M: each kept beam is expanded M times; N / M beams are kept (search-and-learn: 4). */
    beam_width: z.number().int().min(1).default(4),
    max_steps: MaxStepsSchema,
    aggregate: SearchAggregateSchema,
    final_selection: TreeSelectionSchema,
    /**
     * Early rejection ("Accelerating LLM Reasoning via Early Rejection with Partial Reward
     * Modeling"): generate only the first K tokens of every candidate step, score the partial
     * steps, and finish only the best `early_rejection_keep` x (N / M) of them. null: off.
     */
    early_rejection_tokens: z.number().int().min(1).nullable().default(null),
    early_rejection_keep: z.number().min(1).default(2),
  })
  .strict();
export type BeamSearchOptions = z.output<typeof BeamSearchOptionsSchema>;

interface Beam {
  steps: string[];
  score: number | null;
}

async function growCandidates(
  problem: SearchProblem,
  beams: readonly Beam[],
  budget: number,
  keep: number,
  options: BeamSearchOptions,
  context: SearchContext,
  iteration: number,
  lastIteration: boolean,
): Promise<Expansion[]> {
  const counts = spreadExpansions(budget, beams.length);
  if (options.early_rejection_tokens === null || lastIteration) {
    const grown = await Promise.all(
      beams.map((beam, index) =>
        expandStep(
          problem,
          beam.steps,
          counts[index] ?? 0,
          context,
          iteration * 1_009 + index,
          lastIteration,
        ),
      ),
    );
    return grown.flat();
  }
  // Early rejection: partial steps first, scored as if they were whole, the best finished.
  const partials = (
    await Promise.all(
      beams.map(async (beam, index) =>
        (
          await expandPartialStep(
            problem,
            beam.steps,
            counts[index] ?? 0,
            options.early_rejection_tokens ?? 1,
            context,
            iteration * 1_009 + index,
          )
        ).map((partial) => ({ beam, ...partial })),
      ),
    )
  ).flat();
  const scored = await scoreSolutions(
    problem,
    partials.map((partial) => [...partial.beam.steps, partial.partial]),
    context.verifier,
    options.aggregate,
  );
  const survivors = partials
    .map((partial, index) => ({ partial, score: scored[index]?.score ?? null }))
    .sort((left, right) => rankable(right.score) - rankable(left.score))
    .slice(0, Math.max(keep, Math.ceil(keep * options.early_rejection_keep)));
  return Promise.all(
    survivors.map(({ partial }, index) =>
      partial.continuation.stop === 'length'
        ? finishPartialStep(
            problem,
            partial.beam.steps,
            partial.partial,
            context,
            iteration * 1_009 + 500 + index,
          )
        : Promise.resolve({
            steps: [...partial.beam.steps, partial.partial.trim()],
            finished: partial.continuation.stop === 'end',
            logprob: partial.continuation.logprob,
            completionTokens: partial.continuation.completionTokens,
          }),
    ),
  );
}

/**
 * Step-level beam search guided by a PRM, as search-and-learn runs it ("Scaling LLM Test-Time
 * Compute Optimally can be More Effective than Scaling Model Parameters", Snell et al.): N
 * candidate steps per iteration (each of the N / M kept beams expanded M times, stop at the
 * step separator), every partial solution scored by the PRM (aggregate `last`), the best N / M
 * unfinished ones kept (fewer kept beams share the N expansions, earlier ones taking the extra);
 * a candidate that ends (EOS, the token cap, or an empty step) is set aside as completed; the last
 * iteration runs to the end. Ends when N candidates completed, no beam is left, or after
 * `max_steps` (40) iterations. The first N completed candidates are the result; the final pick
 * is `final_selection`, by default search-and-learn's weighted vote (`pred_weighted`). With
 * N < M one beam is kept (search-and-learn's n // m = 0 would keep them all).
 */
export async function runBeamSearch(
  problem: SearchProblem,
  budget: number,
  options: BeamSearchOptions,
  context: SearchContext,
  name: string,
): Promise<SearchResult> {
  const keep = Math.max(1, Math.floor(budget / options.beam_width));
  let beams: Beam[] = [{ steps: [], score: null }];
  const finished: Candidate[] = [];
  for (let iteration = 0; iteration < options.max_steps && beams.length > 0; iteration++) {
    if (finished.length >= budget) break;
    const lastIteration = iteration === options.max_steps - 1;
    const children = await growCandidates(
      problem,
      beams,
      budget,
      keep,
      options,
      context,
      iteration,
      lastIteration,
    );
    const scored = await scoreSolutions(
      problem,
      children.map((child) => child.steps),
      context.verifier,
      options.aggregate,
    );
    const open: Beam[] = [];
    children.forEach((child, index) => {
      const score = scored[index] ?? { stepScores: null, score: null };
      if (child.finished || lastIteration)
        finished.push(makeCandidate(child.steps, child.finished, score, child.logprob));
      else open.push({ steps: child.steps, score: score.score });
    });
    beams = open.sort((left, right) => rankable(right.score) - rankable(left.score)).slice(0, keep);
  }
  // search-and-learn keeps the first N completed beams (`completed_beams[: config.n]`).
  const candidates =
    finished.length > 0
      ? finished.slice(0, budget)
      : beams.map((beam) => makeCandidate(beam.steps, false, { stepScores: null, score: beam.score }));
  return buildResult(problem, name, budget, candidates, options.final_selection, context);
}

export const beamSearch = defineSearchStrategy({
  name: 'beam_search',
  description: 'step-level beam search: N candidate steps per iteration, the best N/M kept by the PRM',
  optionsSchema: BeamSearchOptionsSchema,
  run: (problem, budget, options, context) => runBeamSearch(problem, budget, options, context, 'beam_search'),
});

export const EarlyRejectionOptionsSchema = BeamSearchOptionsSchema.extend({
  early_rejection_tokens: z.number().int().min(1).default(32),
});

/** Beam search whose candidate steps are pruned by the PRM on their first K tokens. */
export const earlyRejection = defineSearchStrategy({
  name: 'early_rejection',
  description: 'beam search that rejects candidate steps by the PRM score of their first K tokens',
  optionsSchema: EarlyRejectionOptionsSchema,
  run: (problem, budget, options, context) =>
    runBeamSearch(problem, budget, options, context, 'early_rejection'),
});
