import { z } from 'zod';

/** Injected faults, each a per-request probability (decided from the world seed and request number). */
export const FaultConfigSchema = z
  .object({
    rate_429: z.number().min(0).max(1).default(0),
    /** Seconds sent in `Retry-After` with each 429. */
    retry_after_s: z.number().min(0).default(0.05),
    rate_500: z.number().min(0).max(1).default(0),
    /** Requests that hang `hang_s` before answering (longer than a client's timeout). */
    rate_hang: z.number().min(0).max(1).default(0),
    hang_s: z.number().min(0).default(30),
    /** Replies cut in half (truncated JSON). */
    rate_truncate: z.number().min(0).max(1).default(0),
    /** Replies that are not JSON at all. */
    rate_malformed: z.number().min(0).max(1).default(0),
    /** PRM replies with the last step score missing. */
    rate_drop_step: z.number().min(0).max(1).default(0),
  })
  .strict();

export type FaultConfig = z.output<typeof FaultConfigSchema>;

export const WorldConfigSchema = z
  .object({
    seed: z.number().int().default(0),
    /** Skill of a policy whose name carries none (`world-policy`). */
    default_skill: z.number().min(0).max(1).default(0.8),
    /** Fixed latency of every scoring/generation request, in milliseconds. */
    latency_ms: z.number().min(0).default(0),
    /** Extra latency per token (prompt + completion), in milliseconds. */
    latency_per_token_ms: z.number().min(0).default(0),
    /** The PRM's probability for a correct step before noise (1 - it for a wrong step). */
    prm_confidence: z.number().gt(0.5).lt(1).default(0.9),
    /** Standard deviation of Gaussian noise added to the PRM's and ORM's logits. */
    prm_noise: z.number().min(0).default(0),
    /** Multiplies the logits (below 1: under-confident, above 1: over-confident). */
    prm_temperature: z.number().positive().default(1),
    /** Chance the judge and the generative verifier get a verdict right. */
    judge_accuracy: z.number().min(0).max(1).default(0.9),
    /** The verifier's probability on its chosen yes/no token. */
    verifier_confidence: z.number().gt(0.5).lt(1).default(0.85),
    faults: FaultConfigSchema.default(FaultConfigSchema.parse({})),
  })
  .strict();

export type WorldConfig = z.output<typeof WorldConfigSchema>;
