import { z } from 'zod';

/** One chat message, as trainers send prompts. */
export const ChatMessageSchema = z.object({ role: z.string(), content: z.string() }).passthrough();

/**
 * What verifiers compare against. Open on purpose: each reward kind reads the fields it needs
 * (`answer` for math, `tests`/`io` for code, `text` for match ...) and validates them itself.
 */
export const ReferenceSchema = z
  .object({
    answer: z.union([z.string(), z.number()]).transform(String).optional(),
  })
  .passthrough();

/** The sample contract of DESIGN.md: one JSONL line in, or one element of `samples` over HTTP. */
export const SampleSchema = z
  .object({
    id: z.string().min(1, 'id must be a non-empty string'),
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

/** The group a sample belongs to: its `group`, else its prompt (DESIGN.md), else its own id. */
export function groupKeyOf(sample: Sample): string {
  if (sample.group !== undefined) return `group:${sample.group}`;
  if (sample.prompt !== undefined) {
    return `prompt:${typeof sample.prompt === 'string' ? sample.prompt : JSON.stringify(sample.prompt)}`;
  }
  return `id:${sample.id}`;
}
