import { z } from 'zod';
import { rolloutSuccess } from './rollout-success.js';
import { defineLabelMethod, type StepLabel } from './types.js';

export const ProgressOptionsSchema = z
  .object({
    rollouts: z.number().int().min(1).default(8),
    /** A step is good when its progress is at least this (0: it does not lower the success chance). */
    threshold: z.number().default(0),
  })
  .strict();

/**
 * Progress labels ("Rewarding Progress: Scaling Automated Process Verifiers for LLM Reasoning",
 * Setlur et al.): the process advantage of step i under a prover policy mu,
 * A^mu(s_i) = Q^mu(s_1..s_i) - V^mu(s_1..s_{i-1}), each a Monte Carlo success rate of the prover's
 * completions from that prefix (V of the empty prefix: completions from the problem alone). A step
 * is good when its progress is at least `threshold`; the value is the progress itself.
 */
export const progress = defineLabelMethod({
  name: 'progress',
  description: "the change in the prover's success rate that each step brings",
  optionsSchema: ProgressOptionsSchema,
  async label(problem, options, context) {
    const prover = context.prover ?? context.policy;
    const rates = await Promise.all(
      Array.from({ length: problem.steps.length + 1 }, (_, prefix) =>
        rolloutSuccess(problem, prefix, options.rollouts, prover, context.seed),
      ),
    );
    const rate = (prefix: number): number => (rates[prefix]?.successes ?? 0) / options.rollouts;
    const labels: StepLabel[] = problem.steps.map((_, index) => {
      const value = rate(index + 1) - rate(index);
      return { label: value >= options.threshold, value, rollouts: rates[index + 1]?.rollouts ?? 0 };
    });
    const rollouts = rates.reduce((sum, entry) => sum + entry.rollouts, 0);
    return { problemId: problem.id, method: 'progress', labels, rollouts };
  },
});
