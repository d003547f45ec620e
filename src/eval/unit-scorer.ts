import { parsePythonJsonLine } from '../io/python-json.js';
import type { ScoringUnit, UnitScore } from './evaluator.js';
import { predictionIdOf, scoreEntriesOfLine } from './score-fields.js';
import { StreamedScores } from './streamed-scores.js';

/** Scores units in batches: from a file of precomputed scores, or through the reward engine. */
export interface UnitScorer {
  /** `signal` cancels the scoring: units not yet scored come back as RK_CANCELLED errors. */
  score(units: readonly ScoringUnit[], signal?: AbortSignal): Promise<UnitScore[]>;
  close(): Promise<void>;
}

/**
 * Reads one score line: `{"id", "score"?, "step_scores"?, "step_labels"?, "prediction"?}`, or a
 * benchmark tool's own prediction line (score-fields.ts); a RewardBench pair or answer list gives
 * one entry per answer. NaN and Infinity (as Python writes them) are named errors.
 */
export function parseScoreLine(
  text: string,
  line: number,
): { entries: { id: string; score: UnitScore }[] } | { error: string } {
  const parsed = parsePythonJsonLine(text, line);
  if ('error' in parsed) return { error: `scores ${parsed.error.message}` };
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { error: `scores line ${line}: not an object` };
  const record = value as Record<string, unknown>;
  const id = predictionIdOf(record);
  if (id === undefined)
    return { error: `scores line ${line}: field 'id' (or PRMBench's 'idx') must be a non-empty string` };
  return { entries: scoreEntriesOfLine(id, record, `scores line ${line}`) };
}

/**
 * `--scores FILE`: precomputed scores by unit id, streamed (see StreamedScores: in the data's
 * order the file is never held in memory); bad lines are reported with their line.
 */
export async function fileScorer(file: string, warn: (message: string) => void): Promise<UnitScorer> {
  const scores = await StreamedScores.open(file, parseScoreLine, warn);
  return {
    score: async (units) => {
      const found: UnitScore[] = [];
      for (const unit of units) {
        // A score carried by the data line itself is the fallback (a file of predictions).
        if (unit.given !== undefined && !scores.has(unit.id)) found.push(unit.given);
        else found.push(await scores.get(unit.id));
      }
      return found;
    },
    close: async () => {},
  };
}

/**
 * No `--scorer` and no `--scores`: the scores are in the benchmark lines themselves (a file of
 * predictions, e.g. ProcessBench's `run_eval.py` output with `prediction`, or RewardBench's
 * `scores_chosen` / `scores_rejected`); see docs/eval.md.
 */
export const givenScorer: UnitScorer = {
  score: async (units) =>
    units.map(
      (unit) =>
        unit.given ?? {
          error: `no score for '${unit.id}' in the data line (give --scores FILE or --scorer SPEC, or put the scores in the line)`,
        },
    ),
  close: async () => {},
};
