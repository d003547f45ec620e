import { readJsonlTextFile } from '../io/jsonl-reader.js';
import type { ScoringUnit, UnitScore } from './evaluator.js';

/** Scores units in batches: from a file of precomputed scores, or through the reward engine. */
export interface UnitScorer {
  score(units: readonly ScoringUnit[]): Promise<UnitScore[]>;
  close(): Promise<void>;
}

const finite = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
/** How a bad score reads in a message: NaN and Infinity as written, anything else as JSON. */
const shown = (value: unknown) =>
  typeof value === 'string' && /^(?:-?Infinity|NaN)$/.test(value) ? value : JSON.stringify(value);

/** Reads one score line: `{"id", "score"?, "step_scores"?}`; NaN and Infinity (as Python writes them) are named errors. */
export function parseScoreLine(
  text: string,
  line: number,
): { id: string; score: UnitScore } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/(?<![\w"])(?:-?Infinity|NaN)(?![\w"])/g, '"$&"'));
  } catch (error) {
    return { error: `scores line ${line}: not valid JSON: ${(error as Error).message}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { error: `scores line ${line}: not an object` };
  const record = value as Record<string, unknown>;
  const id = record['id'];
  if (typeof id !== 'string' || id === '')
    return { error: `scores line ${line}: field 'id' must be a non-empty string` };
  const score = record['score'];
  const steps = record['step_scores'];
  if (score !== undefined && score !== null && !finite(score)) {
    return {
      id,
      score: { error: `scores line ${line}: field 'score' is ${shown(score)}, not a finite number` },
    };
  }
  if (steps !== undefined) {
    if (!Array.isArray(steps))
      return { id, score: { error: `scores line ${line}: field 'step_scores' must be an array` } };
    const bad = steps.findIndex((step) => step !== null && !finite(step));
    if (bad >= 0) {
      return {
        id,
        score: {
          error: `scores line ${line}: field 'step_scores[${bad}]' is ${shown(steps[bad])}, not a finite number`,
        },
      };
    }
  }
  const stepScores = steps as (number | null)[] | undefined;
  const overall = finite(score) ? (score as number) : stepScores === undefined ? null : minOf(stepScores);
  return { id, score: { score: overall, ...(stepScores === undefined ? {} : { stepScores }) } };
}

const minOf = (scores: readonly (number | null)[]) => {
  const decided = scores.filter((score): score is number => score !== null);
  return decided.length === 0 ? null : Math.min(...decided);
};

/**
 * `--scores FILE`: precomputed scores by unit id (see docs/eval.md for each benchmark's ids). The
 * file is read whole into a map (a few numbers per unit); bad lines are reported with their line.
 */
export async function fileScorer(file: string, warn: (message: string) => void): Promise<UnitScorer> {
  const scores = new Map<string, UnitScore>();
  for await (const batch of readJsonlTextFile(file)) {
    for (const record of batch) {
      if ('error' in record) {
        warn(`scores ${record.error.message}`);
        continue;
      }
      const parsed = parseScoreLine(record.text, record.line);
      if ('error' in parsed) warn(parsed.error);
      else if (scores.has(parsed.id))
        warn(`scores line ${record.line}: id '${parsed.id}' occurs twice; the first is used`);
      else scores.set(parsed.id, parsed.score);
    }
  }
  return {
    score: async (units) =>
      units.map((unit) => scores.get(unit.id) ?? { error: `no score for id '${unit.id}' in ${file}` }),
    close: async () => {},
  };
}
