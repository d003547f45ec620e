import { z } from 'zod';
import { describeZodIssues } from '../core/spec.js';
import { splitSteps } from '../search/index.js';
import type { LabelProblem } from './types.js';

/**
 * One line to label: `id`, the problem (`prompt`, `problem` or `question`), the reference answer
 * (`reference.answer` or `answer`, required: labels are measured against it), and the solution as
 * `steps` (array) or `solution` (text split at blank lines); without either, the policy writes one.
 */
const LabelLineSchema = z
  .object({
    id: z.union([z.string().min(1), z.number().int()]),
    prompt: z.string().min(1).optional(),
    problem: z.string().min(1).optional(),
    question: z.string().min(1).optional(),
    reference: z.object({ answer: z.string() }).passthrough().optional(),
    answer: z.union([z.string(), z.number()]).optional(),
    steps: z.array(z.string()).optional(),
    solution: z.string().optional(),
  })
  .passthrough()
  .refine((line) => line.prompt ?? line.problem ?? line.question, {
    message: 'a problem needs its text in prompt, problem or question',
    path: ['prompt'],
  })
  .refine((line) => line.reference?.answer ?? line.answer, {
    message: 'a problem to label needs reference.answer (or answer)',
    path: ['reference', 'answer'],
  });

export type LabelParse = { problem: LabelProblem; hasSolution: boolean } | { error: string };

export function labelProblemFromLine(value: unknown, line: number): LabelParse {
  const parsed = LabelLineSchema.safeParse(value);
  if (!parsed.success) return { error: `line ${line}: ${describeZodIssues(parsed.error, value).join('; ')}` };
  const data = parsed.data;
  const steps = data.steps ?? (data.solution === undefined ? undefined : splitSteps(data.solution));
  return {
    problem: {
      id: data.id,
      prompt: (data.prompt ?? data.problem ?? data.question) as string,
      reference: { answer: data.reference?.answer ?? String(data.answer) },
      steps: steps ?? [],
    },
    hasSolution: steps !== undefined && steps.length > 0,
  };
}
