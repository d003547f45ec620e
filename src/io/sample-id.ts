import type { SampleId } from '../core/sample.js';

/**
 * A raw input's own sample id when it has a usable one: a non-empty string or a safe integer (the
 * rule of SampleIdSchema, checked without building a zod result on the per-line path).
 */
export function sampleIdOf(input: unknown): SampleId | undefined {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return undefined;
  const id = (input as Record<string, unknown>)['id'];
  if (typeof id === 'string') return id.length > 0 ? id : undefined;
  return Number.isSafeInteger(id) ? (id as number) : undefined;
}

/** The id as a duplicate-check key: an integer id and its decimal string are one id. */
export function sampleIdKey(input: unknown): string | undefined {
  const id = sampleIdOf(input);
  return id === undefined ? undefined : String(id);
}
