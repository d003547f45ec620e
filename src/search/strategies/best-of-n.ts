import { z } from 'zod';
import { buildResult } from '../build-result.js';
import { SearchAggregateSchema } from '../search-options.js';
import { defineSearchStrategy } from '../types.js';
import { sampleSolutions } from './sample-solutions.js';

export const BestOfNOptionsSchema = z.object({ aggregate: SearchAggregateSchema }).strict();

/**
 * Best-of-N: N full solutions, each scored by the verifier (an ORM's one score, or a PRM's step
 * scores aggregated by last, min, product or mean), the highest-scoring one chosen. Defaults as in
 * search-and-learn (`agg_strategy: last`). Budget N = N samples.
 */
export const bestOfN = defineSearchStrategy({
  name: 'best_of_n',
  description: 'N samples, the one the verifier scores highest',
  optionsSchema: BestOfNOptionsSchema,
  async run(problem, budget, options, context) {
    const candidates = await sampleSolutions(problem, budget, options.aggregate, context);
    return buildResult(problem, 'best_of_n', budget, candidates, 'best', context);
  },
});
