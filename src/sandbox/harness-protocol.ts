import { z } from 'zod';

const ProgramStatusSchema = z.enum(['failed', 'memory_exceeded', 'runtime_error']);

/** One event the harness writes on fd 3, after `parseHarnessEvents` turned its line into fields. */
export const HarnessEventSchema = z.discriminatedUnion('event', [
  z.object({ event: z.literal('plan'), tests: z.array(z.string()) }),
  z.object({ event: z.literal('start'), index: z.number().int().nonnegative() }),
  z.object({
    event: z.literal('end'),
    index: z.number().int().nonnegative(),
    status: z.enum(['passed', 'failed', 'memory_exceeded', 'runtime_error']),
    ms: z.number(),
    error: z.string(),
  }),
  z.object({ event: z.literal('syntax_error'), error: z.string() }),
  z.object({ event: z.literal('tests_invalid'), error: z.string() }),
  z.object({ event: z.literal('program_error'), status: ProgramStatusSchema, error: z.string() }),
  z.object({ event: z.literal('setup_error'), status: ProgramStatusSchema, error: z.string() }),
  z.object({ event: z.literal('done') }),
]);
export type HarnessEvent = z.infer<typeof HarnessEventSchema>;

const UNESCAPES: Record<string, string> = { '\\': '\\', n: '\n', r: '\r', t: '\t' };

/** Undoes the harness's escaping of backslash, newline, carriage return and tab. */
export function unescapeField(field: string): string {
  return field.replace(/\\(.)/g, (_match, char: string) => UNESCAPES[char] ?? char);
}

/** The fields of each event line, by event name (the wire format is `name<TAB>field<TAB>...`). */
function recordOf(fields: string[]): Record<string, unknown> {
  const [event = '', ...rest] = fields;
  switch (event) {
    case 'plan':
      return { event, tests: rest };
    case 'start':
      return { event, index: Number(rest[0]) };
    case 'end':
      return { event, index: Number(rest[0]), status: rest[1], ms: Number(rest[2]), error: rest[3] ?? '' };
    case 'syntax_error':
    case 'tests_invalid':
      return { event, error: rest[0] ?? '' };
    case 'program_error':
    case 'setup_error':
      return { event, status: rest[0], error: rest[1] ?? '' };
    default:
      return { event };
  }
}

/**
 * Parses the result channel: one event per line, `NONCE<TAB>name<TAB>field...` with escaped
 * fields. Lines without this run's nonce (forged by the program) and lines that are not valid
 * events (a truncated last line of a killed run) are skipped.
 */
export function parseHarnessEvents(channel: string, nonce: string): HarnessEvent[] {
  const events: HarnessEvent[] = [];
  const prefix = `${nonce}\t`;
  for (const line of channel.split('\n')) {
    if (!line.startsWith(prefix)) continue;
    const parsed = HarnessEventSchema.safeParse(
      recordOf(line.slice(prefix.length).split('\t').map(unescapeField)),
    );
    if (parsed.success) events.push(parsed.data);
  }
  return events;
}
