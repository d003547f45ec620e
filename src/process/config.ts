import { z } from 'zod';
import { AggregateModeSchema } from './aggregate.js';
import { LengthShapingSchema } from './length-shaping.js';
import { ReturnModeSchema } from './returns.js';
import { StepRewardModeSchema } from './step-rewards.js';
import { TransformSchema } from './transforms.js';

export const ShapingSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }).strict(),
  /** F_t = gamma * Phi(s_{t+1}) - Phi(s_t), Phi from the step scores. */
  z
    .object({
      type: z.literal('potential'),
      /** Phi(s_0). */
      initial: z.number().finite().default(0),
      /** Phi of the final state; 0 keeps policy invariance for episodes. `null`: keep the last step's score. */
      terminal: z.number().finite().nullable().default(0),
    })
    .strict(),
]);

/**
 * The spec's `process` section: steps -> step scores -> outcome, per-step rewards and returns.
 * Every choice is a named option with a default that changes nothing unless asked.
 */
export const ProcessConfigSchema = z
  .object({
    /** Where step scores come from: the input's `step_scores` or a named component that scores steps. */
    step_scores: z.union([z.literal('input'), z.string().min(1)]).optional(),
    /** Steps -> one outcome. */
    aggregate: AggregateModeSchema.default('min'),
    /** With aggregate first_error: a step scoring below this is an error. */
    error_threshold: z.number().default(0.5),
    /** How step scores become step rewards: raw | progress | delta | clip. */
    step_reward: StepRewardModeSchema.default('raw'),
    /** Clip's eta: r' = min(r - eta, 0). */
    eta: z.number().default(0.5),
    /** Progress's V(s_0). */
    initial_value: z.number().default(0),
    /** How step rewards become per-step returns: discounted sum or min-form. */
    returns: ReturnModeSchema.default('discounted'),
    gamma: z.number().min(0).max(1).default(1),
    /** Potential-based shaping added to the step rewards before returns. */
    shaping: z
      .union([z.literal('none'), z.literal('potential'), ShapingSchema], {
        error: "expected 'none', 'potential' or {type: potential, initial, terminal}",
      })
      .default('none')
      .transform((shaping) =>
        typeof shaping === 'string' ? ShapingSchema.parse({ type: shaping }) : shaping,
      ),
    /** Step rewards count only when the outcome reward is at least this (gated rewards). */
    gate_threshold: z.number().optional(),
    /** Weight of the step rewards in the returns. */
    process_weight: z.number().default(1),
    /** Weight of the outcome reward, added to the last step's reward before returns. */
    outcome_weight: z.number().default(0),
    /** The sample's reward: keep the combined components, use the aggregate, or w_o*outcome + w_p*aggregate. */
    reward: z.enum(['keep', 'aggregate', 'weighted']).default('keep'),
    /** A bounded transform of the final reward (sigmoid = preference as reward, tanh, clip). */
    transform: z
      .union([z.literal('none'), z.literal('sigmoid'), z.literal('tanh'), TransformSchema], {
        error: "expected 'none', 'sigmoid', 'tanh' or {type: sigmoid|tanh|clip, ...options}",
      })
      .default('none')
      .transform((transform) =>
        typeof transform === 'string' ? TransformSchema.parse({ type: transform }) : transform,
      ),
    /**
     * Hybrid normalization (batch stage): the reward becomes
     * outcome_weight * z(outcome) + process_weight * z(aggregate), each z-scored over the batch.
     */
    hybrid: z
      .object({
        outcome_weight: z.number().finite().default(1),
        process_weight: z.number().finite().default(1),
        epsilon: z.number().nonnegative().default(1e-6),
      })
      .strict()
      .optional(),
    /** Group-level length shaping that adapts to accuracy (applied with the batch, before advantages). */
    length_shaping: LengthShapingSchema.optional(),
  })
  .strict();

export type ProcessConfig = z.output<typeof ProcessConfigSchema>;
export type ProcessConfigInput = z.input<typeof ProcessConfigSchema>;
