import { z } from 'zod';
import { describeZodIssues } from '../core/spec.js';
import type { SearchProblem } from './types.js';

/**
 * One problem line: `id` (string or integer), the problem text as `prompt` (or `problem` /
 * `question`, as MATH and GSM8K files name it), and optionally `reference.answer` (or a top-level
 * `answer`) for accuracy. A GSM8K-style worked answer (`... #### 18`) is fine: the verifier reads it.
 */
const ProblemLineSchema = z
  .object({
    id: z.union([z.string().min(1), z.number().int()]),
    prompt: z.string().min(1).optional(),
    problem: z.string().min(1).optional(),
    question: z.string().min(1).optional(),
    reference: z.object({ answer: z.string().optional() }).passthrough().optional(),
    answer: z.union([z.string(), z.number()]).optional(),
  })
  .passthrough()
  .refine((line) => line.prompt ?? line.problem ?? line.question, {
    message: 'a problem needs its text in prompt, problem or question',
    path: ['prompt'],
  });

export type ProblemParse = { problem: SearchProblem } | { error: string };

/** Validates a parsed JSONL value as a problem; errors name the line and the field. */
export function problemFromLine(value: unknown, line: number): ProblemParse {
  const parsed = ProblemLineSchema.safeParse(value);
  if (!parsed.success) {
    return { error: `line ${line}: ${describeZodIssues(parsed.error, value).join('; ')}` };
  }
  const data = parsed.data;
  const answer = data.reference?.answer ?? (data.answer === undefined ? undefined : String(data.answer));
  return {
    problem: {
      id: data.id,
      prompt: (data.prompt ?? data.problem ?? data.question) as string,
      reference: answer === undefined ? undefined : { answer },
    },
  };
}
