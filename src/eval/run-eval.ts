import type { z } from 'zod';
import { readJsonlTextFile } from '../io/jsonl-reader.js';
import type { JsonlWriter } from '../io/jsonl-writer.js';
import { NON_FINITE_WORDS, parsePythonJsonLine } from '../io/python-json.js';
import { checkSampleShape } from '../io/sample-shape.js';
import type { BenchmarkEvaluator, EvalOutcome, ScoringUnit } from './evaluator.js';
import type { UnitScorer } from './unit-scorer.js';

export interface RunEvalOptions<Record> {
  evaluator: BenchmarkEvaluator<Record>;
  dataFile: string;
  scorer: UnitScorer;
  /** One line per input line, in order: the prediction, or the error of that line. */
  predictions?: JsonlWriter | undefined;
  /** Told about every bad line (line, field, reason); the rest is still evaluated. */
  onError: (message: string) => void;
  onProgress?: (lines: number, bytes: number) => void;
  /** Units per scorer call. */
  batchUnits?: number;
  /**
   * Stops the run (Ctrl-C): no more lines are read once it fires; units being scored come back
   * as RK_CANCELLED errors in their predictions. The run's metrics then cover part of the data.
   */
  signal?: AbortSignal | undefined;
}

export interface EvalRun {
  outcome: EvalOutcome;
  lines: number;
  errors: number;
  /** The signal fired: the lines after `lines` were not read. */
  interrupted: boolean;
}

/** `line 3: field 'steps[2]': Expected string, received number`. */
export function describeIssue(line: number, error: z.ZodError, value?: unknown): string {
  const issue = error.issues[0];
  const path = issue?.path.length
    ? issue.path
        .map((part, index) =>
          typeof part === 'number' ? `[${part}]` : `${index > 0 ? '.' : ''}${String(part)}`,
        )
        .join('')
    : '(line)';
  const found = issue === undefined ? undefined : valueAt(value, issue.path);
  // A NaN or Infinity Python wrote reaches here as its word (see quotePythonNonFinite).
  if (typeof found === 'string' && NON_FINITE_WORDS.has(found))
    return `line ${line}: field '${path}' is ${found}, not a finite number`;
  return `line ${line}: field '${path}': ${issue?.message ?? 'invalid'}`;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

/**
 * Streams a benchmark file: each line is parsed and validated, turned into units, scored in
 * batches, and handed to the evaluator in input order; bad lines are reported (line, field,
 * reason) and written to the predictions as errors, and the rest is evaluated. Memory holds one
 * batch of lines plus what the evaluator keeps for its metrics.
 */
export async function runEval<Record>(options: RunEvalOptions<Record>): Promise<EvalRun> {
  const batchUnits = options.batchUnits ?? 64;
  let lines = 0;
  let errors = 0;
  let bytes = 0;
  type Pending = { line: number; record: Record; units: ScoringUnit[] } | { line: number; error: string };
  let pending: Pending[] = [];
  let pendingUnits = 0;

  const flush = async () => {
    const units = pending.flatMap((entry) => ('units' in entry ? entry.units : []));
    const scores = units.length === 0 ? [] : await options.scorer.score(units, options.signal);
    let offset = 0;
    const out: string[] = [];
    for (const entry of pending) {
      if ('error' in entry) {
        options.onError(entry.error);
        out.push(JSON.stringify({ line: entry.line, error: entry.error }));
        continue;
      }
      const mine = scores.slice(offset, offset + entry.units.length);
      offset += entry.units.length;
      const prediction = options.evaluator.accept(entry.record, mine) as { error?: unknown };
      if (prediction.error !== undefined) {
        errors++;
        options.onError(`line ${entry.line}: ${String(prediction.error)}`);
      }
      out.push(JSON.stringify({ line: entry.line, ...prediction }));
    }
    await options.predictions?.writeLines(out);
    pending = [];
    pendingUnits = 0;
    options.onProgress?.(lines, bytes);
  };

  for await (const batch of readJsonlTextFile(options.dataFile, { onBytes: (read) => (bytes = read) })) {
    if (options.signal?.aborted) break;
    for (const text of batch) {
      if (options.signal?.aborted) break;
      lines++;
      const fail = (message: string) => {
        errors++;
        pending.push({ line: text.line, error: message });
      };
      if ('error' in text) {
        fail(text.error.message);
        continue;
      }
      // A line Python wrote with NaN or Infinity parses with those as strings, so the field that
      // holds one is named by validation below instead of the whole line being "not JSON".
      const parsed = parsePythonJsonLine(text.text, text.line);
      if ('error' in parsed) {
        fail(parsed.error.message);
        continue;
      }
      // The reader's screen for hostile shapes (too deep, `__proto__` keys), as the server's.
      const hostile = checkSampleShape(parsed.value, `line ${text.line}`);
      if (hostile !== undefined) {
        fail(hostile.message);
        continue;
      }
      const validated = options.evaluator.schema.safeParse(parsed.value);
      if (!validated.success) {
        fail(describeIssue(text.line, validated.error, parsed.value));
        continue;
      }
      const units = options.evaluator.units(validated.data);
      pending.push({ line: text.line, record: validated.data, units });
      pendingUnits += units.length;
      if (pendingUnits >= batchUnits) await flush();
    }
  }
  await flush();
  return {
    outcome: options.evaluator.finish(),
    lines,
    errors,
    interrupted: options.signal?.aborted === true,
  };
}
