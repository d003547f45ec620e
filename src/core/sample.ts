import { createHash } from 'node:crypto';
import { z } from 'zod';

/** One chat message, as trainers send prompts. */
export const ChatMessageSchema = z.object({ role: z.string(), content: z.string() }).passthrough();

/**
 * What verifiers compare against. Open on purpose: each reward kind reads the fields it needs
 * (`answer` for math, `tests`/`io` for code, `text` for match ...) and validates them itself.
 */
export const ReferenceSchema = z
  .object({
    /**
     * The gold answer, or a list of accepted answers (any of them scores): numbers become
     * strings, a list of one becomes that answer.
     */
    answer: z
      .union([
        z.string(),
        z.number(),
        z.array(z.union([z.string(), z.number()])).min(1, 'a list of accepted answers needs at least one'),
      ])
      .transform((answer) => {
        if (!Array.isArray(answer)) return String(answer);
        return answer.length === 1 ? String(answer[0]) : answer.map(String);
      })
      .optional(),
  })
  .passthrough();

/** A sample id: a non-empty string or an integer, given back in results exactly as given. */
export const SampleIdSchema = z.union([
  z.string().min(1, 'id must be a non-empty string or an integer'),
  z.number().int('id must be a non-empty string or an integer'),
]);

export type SampleId = z.infer<typeof SampleIdSchema>;

/** The sample contract of DESIGN.md: one JSONL line in, or one element of `samples` over HTTP. */
export const SampleSchema = z
  .object({
    id: SampleIdSchema,
    response: z.string(),
    prompt: z.union([z.string(), z.array(ChatMessageSchema)]).optional(),
    reference: ReferenceSchema.optional(),
    group: z.union([z.string(), z.number()]).transform(String).optional(),
    steps: z.array(z.string()).optional(),
    step_scores: z.array(z.number().nullable()).optional(),
    /** Token texts and their log-probabilities, for confidence-based step splitting. */
    tokens: z.array(z.string()).optional(),
    logprobs: z.array(z.number()).optional(),
    meta: z.record(z.string(), z.unknown()).optional(),
  })
  .passthrough();

export type Sample = z.infer<typeof SampleSchema>;
export type Reference = z.infer<typeof ReferenceSchema>;
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

/** The accepted gold answers of a reference (`answer` as a list of one or more), or undefined. */
export function acceptedAnswers(reference: Reference | undefined): string[] | undefined {
  const answer = reference?.answer;
  if (answer === undefined) return undefined;
  return Array.isArray(answer) ? answer : [answer];
}

/**
 * The `group` a result carries, so that `rewardkit advantages` can group a scored file: the
 * sample's own `group` as given, else (when the prompt groups it) a short digest of the prompt.
 */
export function resultGroupOf(sample: Sample): string | undefined {
  if (sample.group !== undefined) return sample.group;
  if (sample.prompt === undefined) return undefined;
  const text = typeof sample.prompt === 'string' ? sample.prompt : JSON.stringify(sample.prompt);
  return `prompt:${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
}

/** The group a sample belongs to: its `group`, else its prompt (DESIGN.md), else its own id. */
export function groupKeyOf(sample: Sample): string {
  if (sample.group !== undefined) return `group:${sample.group}`;
  if (sample.prompt !== undefined) {
    return `prompt:${typeof sample.prompt === 'string' ? sample.prompt : JSON.stringify(sample.prompt)}`;
  }
  return `id:${sample.id}`;
}
