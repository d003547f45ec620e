import type { ScoringUnit, UnitScore } from './evaluator.js';
import { StreamedScores } from './streamed-scores.js';

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
 * `--scores FILE`: precomputed scores by unit id, streamed (see StreamedScores: in the data's
 * order the file is never held in memory); bad lines are reported with their line.
 */
export async function fileScorer(file: string, warn: (message: string) => void): Promise<UnitScorer> {
  const scores = await StreamedScores.open(file, parseScoreLine, warn);
  return {
    score: async (units) => {
      const found: UnitScore[] = [];
      for (const unit of units) found.push(await scores.get(unit.id));
      return found;
    },
    close: async () => {},
  };
}
