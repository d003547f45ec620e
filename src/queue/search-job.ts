import { z } from 'zod';
import { PolicySettingsSchema, type SearchRunLine } from '../search/index.js';

export const SEARCH_JOB_NAME = 'search';

/**
 * A search job: one unit of `rewardkit search --redis` (a problem at one budget and seed) with
 * everything the driver chose: the strategy and its options, the policy, the verifier spec,
 * prices. The worker parses the options and the spec again and applies its own ceilings.
 */
export const SearchJobDataSchema = z.object({
  strategy: z.string().min(1),
  options: z.unknown(),
  policy: PolicySettingsSchema,
  scorer: z.object({
    spec: z.record(z.string(), z.unknown()),
    component: z.string().min(1).optional(),
  }),
  prices: z
    .object({ promptPerMillion: z.number().min(0), completionPerMillion: z.number().min(0) })
    .optional(),
  keepCandidates: z.boolean(),
  unit: z.object({
    /** The problem as a problem line (`id`, `prompt`, `reference`). */
    problem: z.record(z.string(), z.unknown()),
    line: z.number().int().positive(),
    budget: z.number().int().positive(),
    seed: z.number().int(),
  }),
});

export type SearchJobData = z.input<typeof SearchJobDataSchema>;

/** The job's return value: the unit's output line, exactly as a local run writes it. */
export interface SearchJobResult {
  line: SearchRunLine;
}
