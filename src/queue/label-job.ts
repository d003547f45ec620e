import { z } from 'zod';
import type { LabelRunLine } from '../labels/index.js';
import { PolicySettingsSchema } from '../search/index.js';

export const LABEL_JOB_NAME = 'label';

/**
 * A label job: one problem of `rewardkit label --redis` with the driver's method, options,
 * policy (and prover), output format and seed. The worker parses the options again and applies
 * its own ceilings.
 */
export const LabelJobDataSchema = z.object({
  method: z.string().min(1),
  options: z.unknown(),
  policy: PolicySettingsSchema,
  prover: PolicySettingsSchema.optional(),
  format: z.enum(['trl', 'math_shepherd']),
  seed: z.number().int(),
  unit: z.object({
    /** The problem as a label line (`id`, `prompt`, `reference`, `steps` when it has a solution). */
    problem: z.record(z.string(), z.unknown()),
    line: z.number().int().positive(),
  }),
});

export type LabelJobData = z.input<typeof LabelJobDataSchema>;

/** The job's return value: the problem's output line, exactly as a local run writes it. */
export interface LabelJobResult {
  line: LabelRunLine;
}
