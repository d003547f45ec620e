import { z } from 'zod';
import { RewardKitError } from '../core/errors.js';
import { ModelEndpointSchema } from '../core/model-endpoint.js';
import type { PolicySettings } from '../search/index.js';

/**
 * The operator's ceilings on what a search or label job may ask of a `rewardkit worker`. The
 * job carries the driver's choices (endpoints, strategy, budget, sampling); the worker holds the
 * limits: a job over a ceiling is refused (its unit gets an error line naming the ceiling), and
 * an endpoint's concurrency is clamped, never raised, so many drivers cannot overload one worker's
 * endpoints.
 */
export const WorkerCeilingsSchema = z
  .object({
    /** The largest search budget (strategy width) a job may ask for. */
    maxBudget: z.number().int().positive().default(1024),
    /** The most rollouts per step prefix a label job may ask for. */
    maxRollouts: z.number().int().positive().default(1024),
    /** The most tokens a job's policy may ask for in one request. */
    maxTokens: z.number().int().positive().default(32_768),
    /** Requests in flight at once to one endpoint from this worker (a job's own value is clamped to it). */
    maxEndpointConcurrency: z.number().int().positive().default(64),
  })
  .strict();

export type WorkerCeilings = z.output<typeof WorkerCeilingsSchema>;

export const DEFAULT_WORKER_CEILINGS: WorkerCeilings = WorkerCeilingsSchema.parse({});

/** Refuses a value over its ceiling, naming the worker flag that sets it. */
export function requireWithin(what: string, value: number, ceiling: number, flag: string): void {
  if (value > ceiling) {
    throw new RewardKitError(
      'RK_LIMIT_EXCEEDED',
      `${what} ${value} is over this worker's ${flag} ${ceiling}`,
      {
        hint: `ask for less, or start the workers with a higher ${flag}`,
      },
    );
  }
}

/** The job's policy under the worker's ceilings: tokens refused above, endpoint concurrency clamped. */
export function policyWithin(settings: PolicySettings, ceilings: WorkerCeilings): PolicySettings {
  requireWithin('max tokens', settings.maxTokens, ceilings.maxTokens, '--max-tokens');
  return {
    ...settings,
    endpoint: {
      ...settings.endpoint,
      max_concurrency: Math.min(settings.endpoint.max_concurrency, ceilings.maxEndpointConcurrency),
    },
  };
}

/** An endpoint's concurrency when its spec gives none: the endpoint schema's own default. */
const DEFAULT_ENDPOINT_CONCURRENCY: number = ModelEndpointSchema.shape.max_concurrency.parse(undefined);

/**
 * A spec's `models:` endpoints (as the job carries them, before the spec is parsed) with their
 * concurrency clamped to the worker's ceiling; an endpoint without one gets the schema's default
 * first, so the ceiling also holds when the default is above it.
 */
export function modelsWithin<Models extends Record<string, { max_concurrency?: number | undefined }>>(
  models: Models,
  ceilings: WorkerCeilings,
): Models {
  return Object.fromEntries(
    Object.entries(models).map(([name, endpoint]) => [
      name,
      {
        ...endpoint,
        max_concurrency: Math.min(
          endpoint.max_concurrency ?? DEFAULT_ENDPOINT_CONCURRENCY,
          ceilings.maxEndpointConcurrency,
        ),
      },
    ]),
  ) as Models;
}
