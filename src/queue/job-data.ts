import type { z } from 'zod';
import { RewardKitError } from '../core/errors.js';

/** A job's data checked against its kind's schema; a mismatch is a deterministic error (not retried). */
export function parseJobData<Schema extends z.ZodType>(
  schema: Schema,
  data: unknown,
  kind: string,
): z.output<Schema> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new RewardKitError(
      'RK_USAGE',
      `a ${kind} job does not validate (${parsed.error.issues[0]?.message}); producer and worker versions differ?`,
    );
  }
  return parsed.data;
}

/** A strategy's or method's options as the driver gave them, parsed again by the worker. */
export function parseJobOptions<Options>(schema: z.ZodType<Options>, raw: unknown, owner: string): Options {
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new RewardKitError('RK_USAGE', `options for ${owner}: ${parsed.error.issues[0]?.message}`);
  }
  return parsed.data;
}
