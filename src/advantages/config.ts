import { z } from 'zod';
import { StdConventionSchema } from './stats.js';

/** The estimator names of `rewardkit advantages --estimator` and the spec's `advantages.estimator`. */
export const ESTIMATOR_NAMES = [
  'grpo',
  'dr_grpo',
  'rloo',
  'reinforce_pp',
  'reinforce_pp_baseline',
  'remax',
  'gae',
  'ps_grpo',
  'prime',
] as const;

/**
 * The spec's `advantages` section and the options of `rewardkit advantages`. Every default is
 * verl's (algorithm.gamma = lam = 1, GRPO epsilon 1e-6 with torch.std, masked_whiten with the
 * unbiased variance and 1e-8), so that numbers match verl unless a user asks otherwise.
 */
export const AdvantagesConfigSchema = z
  .object({
    estimator: z.enum(ESTIMATOR_NAMES),
    /** Discount (REINFORCE++ over tokens, GAE over steps). */
    gamma: z.number().min(0).max(1).default(1),
    /** GAE's lambda. */
    lambda: z.number().min(0).max(1).default(1),
    /** GRPO / PS-GRPO: added to the group std in the denominator. */
    epsilon: z.number().nonnegative().default(1e-6),
    /** GRPO / PS-GRPO group std convention: torch.std is unbiased. */
    std: StdConventionSchema.default('unbiased'),
    /** Whitening over the batch for reinforce_pp(_baseline), gae, ps_grpo and prime (verl: on). */
    whiten: z.boolean().default(true),
    /** Whitening variance convention (verl's masked_var: unbiased). */
    whiten_std: StdConventionSchema.default('unbiased'),
    /** Added to the variance under the square root when whitening (verl: 1e-8). */
    whiten_epsilon: z.number().nonnegative().default(1e-8),
    /** PRIME: weight of the process stream (verl PRIME recipe reward_dpo_coef). */
    process_coef: z.number().finite().default(5),
    /** PRIME: weight of the outcome stream (verl PRIME recipe reward_gt_coef). */
    outcome_coef: z.number().finite().default(5),
  })
  .strict();

export type AdvantagesConfig = z.output<typeof AdvantagesConfigSchema>;
export type AdvantagesConfigInput = z.input<typeof AdvantagesConfigSchema>;
