import { z } from 'zod';
import { buildResult } from '../build-result.js';
import { SearchAggregateSchema } from '../search-options.js';
import { defineSearchStrategy } from '../types.js';
import { sampleSolutions } from './sample-solutions.js';

export const WeightedVoteOptionsSchema = z.object({ aggregate: SearchAggregateSchema }).strict();

/**
 * Weighted vote: N samples scored by the verifier; the answer a with the largest
 * sum_{i: a_i = a} s_i wins (search-and-learn's `pred_weighted`, "Scaling LLM Test-Time Compute
 * Optimally can be More Effective than Scaling Model Parameters", Snell et al.).
 */
export const weightedVote = defineSearchStrategy({
  name: 'weighted_vote',
  description: 'N samples, the answer with the highest summed verifier score',
  optionsSchema: WeightedVoteOptionsSchema,
  async run(problem, budget, options, context) {
    const candidates = await sampleSolutions(problem, budget, options.aggregate, context);
    return buildResult(problem, 'weighted_vote', budget, candidates, 'weighted_vote', context);
  },
});
