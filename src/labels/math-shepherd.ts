import { z } from 'zod';
import { rolloutSuccess } from './rollout-success.js';
import { defineLabelMethod, type StepLabel } from './types.js';

export const MathShepherdOptionsSchema = z
  .object({
    /** N completions per step prefix (Math-Shepherd uses 8). */
    rollouts: z.number().int().min(1).default(8),
    /** `hard`: good when any completion reaches the answer; `soft`: good when the fraction >= 0.5. */
    estimation: z.enum(['hard', 'soft']).default('hard'),
  })
  .strict();

/**
 * Math-Shepherd labels ("Math-Shepherd: Verify and Reinforce LLMs Step-by-step without Human
 * Annotations", Wang et al.): from each step prefix s_1..s_i, N completions; hard estimation
 * y_i = 1 if any completion reaches the reference answer, soft estimation y_i = (correct
 * completions) / N. Every prefix is rolled out: N x T rollouts for T steps.
 */
export const mathShepherd = defineLabelMethod({
  name: 'math_shepherd',
  description: 'N completions from every step prefix; good if any (hard) or most (soft) reach the answer',
  optionsSchema: MathShepherdOptionsSchema,
  async label(problem, options, context) {
    const labels: StepLabel[] = await Promise.all(
      problem.steps.map(async (_, index) => {
        const { successes, rollouts } = await rolloutSuccess(
          problem,
          index + 1,
          options.rollouts,
          context.policy,
          context.seed,
        );
        const value = successes / options.rollouts;
        return { label: options.estimation === 'hard' ? successes > 0 : value >= 0.5, value, rollouts };
      }),
    );
    return {
      problemId: problem.id,
      method: 'math_shepherd',
      labels,
      rollouts: labels.reduce((sum, label) => sum + label.rollouts, 0),
    };
  },
});
