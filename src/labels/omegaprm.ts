import { z } from 'zod';
import { rolloutSuccess } from './rollout-success.js';
import { defineLabelMethod, type StepLabel } from './types.js';

export const OmegaPrmOptionsSchema = z
  .object({
    /** Monte Carlo rollouts per probed prefix. */
    rollouts: z.number().int().min(1).default(8),
  })
  .strict();

/**
 * OmegaPRM's binary search for the first error ("Improve Mathematical Reasoning in Language Models
 * by Automated Process Supervision", Luo et al.): with MC(i) the fraction of N completions from
 * the prefix s_1..s_i that reach the answer, find the first i with MC(i) = 0 by bisection (MC is
 * taken as monotone: once no completion succeeds, later prefixes fail too). Steps before it are
 * good (value MC where probed), that step is the first error, later steps stay unlabelled. A
 * solution whose full text is right has no error. About N x log2(T) rollouts instead of N x T.
 */
export const omegaPrm = defineLabelMethod({
  name: 'omegaprm',
  description: 'binary search for the first step after which no completion succeeds',
  optionsSchema: OmegaPrmOptionsSchema,
  async label(problem, options, context) {
    const count = problem.steps.length;
    const probed = new Map<number, number>();
    let rollouts = 0;
    const probe = async (prefix: number): Promise<number> => {
      const known = probed.get(prefix);
      if (known !== undefined) return known;
      const outcome = await rolloutSuccess(problem, prefix, options.rollouts, context.policy, context.seed);
      rollouts += outcome.rollouts;
      const value = outcome.successes / options.rollouts;
      probed.set(prefix, value);
      return value;
    };
    // Invariant: prefixes shorter than `low` succeed sometimes; the prefix `high` never does (or high = count + 1).
    let low = 1;
    let high = count + 1;
    if ((await probe(count)) > 0) {
      low = count + 1;
    } else {
      high = count;
      while (low < high) {
        const middle = Math.floor((low + high) / 2);
        if ((await probe(middle)) > 0) low = middle + 1;
        else high = middle;
      }
    }
    const firstError = low <= count ? low : null;
    const labels: StepLabel[] = problem.steps.map((_, index) => {
      const step = index + 1;
      const value = probed.get(step) ?? null;
      if (firstError === null || step < firstError) return { label: true, value, rollouts: 0 };
      if (step === firstError) return { label: false, value, rollouts: 0 };
      return { label: null, value: null, rollouts: 0 };
    });
    for (const [step, _value] of probed) {
      const label = labels[step - 1];
      if (label !== undefined) label.rollouts = options.rollouts;
    }
    return { problemId: problem.id, method: 'omegaprm', labels, rollouts };
  },
});
