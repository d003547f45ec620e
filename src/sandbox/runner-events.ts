import { z } from 'zod';
import { TEST_STATUSES } from './test-status.js';

const StatusSchema = z.enum(TEST_STATUSES);

/**
 * One event of the trusted test runner (an `E` frame with a JSON body). Only the runner writes
 * these, on a channel the program never holds; the verdict is built from them alone.
 */
export const RunnerEventSchema = z.discriminatedUnion('event', [
  z.object({ event: z.literal('plan'), tests: z.array(z.string()) }),
  z.object({ event: z.literal('start'), index: z.number().int().nonnegative() }),
  z.object({
    event: z.literal('end'),
    index: z.number().int().nonnegative(),
    status: StatusSchema,
    ms: z.number(),
    error: z.string(),
  }),
  z.object({ event: z.literal('syntax_error'), error: z.string() }),
  z.object({ event: z.literal('tests_invalid'), error: z.string() }),
  z.object({ event: z.literal('program_error'), status: StatusSchema, error: z.string() }),
  z.object({ event: z.literal('setup_error'), status: StatusSchema, error: z.string() }),
  z.object({ event: z.literal('done') }),
]);
export type RunnerEvent = z.infer<typeof RunnerEventSchema>;

/** The event in a frame body, or undefined for anything that is not a valid event. */
export function parseRunnerEvent(body: Buffer): RunnerEvent | undefined {
  try {
    const parsed = RunnerEventSchema.safeParse(JSON.parse(body.toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
