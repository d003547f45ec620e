import type { ErrorInfo } from '../core/errors.js';
import { type Sample, type SampleId, SampleSchema } from '../core/sample.js';
import { describeZodIssues } from '../core/spec.js';
import { sampleIdOf } from '../io/sample-id.js';

/** Where a sample came from, for error messages ("line 12") and ids of unreadable lines. */
export interface SamplePosition {
  line?: number;
}

/**
 * The fields of SampleSchema this check does not read: a sample holding one goes through the schema.
 * Any field the schema does not name (`data_source`, `ability`, `extra_info` of verl's rows) passes
 * through it unchanged, so it passes here too.
 */
const SCHEMA_CHECKED_FIELDS: ReadonlySet<string> = new Set(['steps', 'step_scores', 'tokens', 'logprobs']);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The common shape, checked without zod: `{id, response}` strings plus an optional string prompt,
 * string group, object meta, a reference object whose `answer` (if any) is a string, and any
 * fields the schema does not name. Such an input is already what SampleSchema would output (it
 * transforms nothing there and passes unnamed fields through), so it is used as it is; anything
 * else goes through the schema (zod cost about 1.2 µs a line of `rewardkit score` on GSM8K rows
 * with one extra field).
 */
function isPlainSample(input: unknown): input is Sample {
  if (!isPlainObject(input)) return false;
  for (const key in input) {
    if (SCHEMA_CHECKED_FIELDS.has(key)) return false;
  }
  const { id, response, prompt, reference, group, meta } = input;
  if (typeof id !== 'string' || id.length === 0 || typeof response !== 'string') return false;
  if (prompt !== undefined && typeof prompt !== 'string') return false;
  if (group !== undefined && typeof group !== 'string') return false;
  if (meta !== undefined && !isPlainObject(meta)) return false;
  if (reference === undefined) return true;
  if (!isPlainObject(reference)) return false;
  const answer = reference['answer'];
  return answer === undefined || typeof answer === 'string';
}

/** Validates a raw input against the sample contract; an invalid one keeps its id if it has one. */
export function validateSample(
  input: unknown,
  position: SamplePosition = {},
): { sample: Sample } | { id: SampleId; error: ErrorInfo } {
  if (isPlainSample(input)) return { sample: input };
  const parsed = SampleSchema.safeParse(input);
  if (parsed.success) return { sample: parsed.data };
  const id = sampleIdOf(input) ?? `line:${position.line ?? '?'}`;
  const where = position.line === undefined ? undefined : `line ${position.line}`;
  const reasons = describeZodIssues(parsed.error, input).map((reason) =>
    reason.replace(/^([^:]+):/, (_match, path: string) => `field '${path}':`),
  );
  const error: ErrorInfo = {
    code: 'RK_INPUT_INVALID',
    message: `${where === undefined ? '' : `${where}: `}${reasons.join('; ')}`,
  };
  if (where !== undefined) error.where = where;
  return { id, error };
}
