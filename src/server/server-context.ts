import type { z } from 'zod';
import { RewardKitError } from '../core/errors.js';
import { describeZodIssues } from '../core/spec.js';
import type { Admission } from './admission.js';
import type { BatchScorer } from './batch-scorer.js';
import type { ServerMetrics } from './metrics.js';
import type { ServerLimits } from './server-options.js';
import type { SpecCatalog } from './spec-catalog.js';

/** Says whether the scoring backend can take work now; undefined when ready, else the reason. */
export type ReadinessCheck = () => Promise<string | undefined>;

/** What every route reads; built once by the app factory. */
export interface ServerContext {
  catalog: SpecCatalog;
  scorer: BatchScorer;
  metrics: ServerMetrics;
  admission: Admission;
  limits: ServerLimits;
  readiness: ReadinessCheck;
  /** Fires when the server starts shutting down: requests in flight stop and answer 503. */
  shutdown: AbortSignal;
  /** Work waiting in the backend (jobs in Redis), when the backend can tell. */
  queueDepth?: () => Promise<number>;
}

/** Validates a request body with a zod schema; the error names every bad field. */
export function parseBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.output<Schema> {
  if (body === undefined || body === null) {
    throw new RewardKitError('RK_REQUEST_INVALID', 'the request has no JSON body', {
      hint: 'send a JSON object with Content-Type: application/json',
    });
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const reasons = describeZodIssues(parsed.error, body);
  throw new RewardKitError('RK_REQUEST_INVALID', `the request body is invalid: ${reasons.join('; ')}`, {
    where: 'body',
  });
}
