/**
 * The labelled math-equivalence corpus: one JSONL file per class in `test/math/corpus/`, one case
 * a line. Used by `test/math/corpus.test.ts` and by `bench/math`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const CorpusCaseSchema = z
  .object({
    id: z.string().min(1),
    class: z.string().min(1),
    /** The reference answer, as a dataset would give it (MATH-style LaTeX, GSM8K number ...). */
    gold: z.string(),
    /** A model-style output: a bare answer or a worked solution ending in its answer. */
    response: z.string(),
    /** Whether the response's final answer is mathematically equal to the gold. */
    equal: z.boolean(),
    /** Why the label is what it is; names the convention when it is debatable. */
    note: z.string(),
    /** Where the case comes from (a public grader's test, an issue tracker, or "hand-written"). */
    source: z.string().min(1).optional(),
    /** Options of the math kind for this case (tolerance, precision ...); defaults when absent. */
    options: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type CorpusCase = z.infer<typeof CorpusCaseSchema>;

export const corpusDirectory = join(dirname(fileURLToPath(import.meta.url)), 'corpus');

/** Reads every `*.jsonl` file of the directory; throws with file and line on a malformed case. */
export function loadCorpus(directory: string = corpusDirectory): CorpusCase[] {
  const files = readdirSync(directory)
    .filter((name) => name.endsWith('.jsonl'))
    .sort();
  const cases: CorpusCase[] = [];
  for (const file of files) {
    const lines = readFileSync(join(directory, file), 'utf8').split('\n');
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      const parsed = CorpusCaseSchema.safeParse(JSON.parse(line));
      if (!parsed.success) {
        throw new Error(`${file}:${index + 1}: not a corpus case: ${parsed.error.message}`);
      }
      cases.push(parsed.data);
    });
  }
  return cases;
}
