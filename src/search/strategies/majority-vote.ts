import { z } from 'zod';
import { buildResult } from '../build-result.js';
import { defineSearchStrategy } from '../types.js';
import { sampleSolutions } from './sample-solutions.js';

export const MajorityVoteOptionsSchema = z.object({}).strict();

/**
 * Majority vote (self-consistency, "Self-Consistency Improves Chain of Thought Reasoning in
 * Language Models", Wang et al.): N samples, the answer given most often wins; answers are grouped
 * by mathematical equivalence with rewardkit's verifier, not by string. No verifier calls.
 */
export const majorityVote = defineSearchStrategy({
  name: 'majority_vote',
  description: 'N samples, the most frequent answer (grouped by equivalence)',
  optionsSchema: MajorityVoteOptionsSchema,
  async run(problem, budget, _options, context) {
    const candidates = await sampleSolutions(problem, budget, null, context);
    return buildResult(problem, 'majority_vote', budget, candidates, 'majority_vote', context);
  },
});
