import { toErrorInfo } from '../core/errors.js';
import type { RewardResult } from '../core/result.js';
import type { Spec } from '../core/spec.js';
import { composeBackend } from '../engine/backends/compose-backend.js';
import type { ScoringBackend } from '../engine/scoring-backend.js';
import type { ScoringUnit, UnitScore } from './evaluator.js';
import type { UnitScorer } from './unit-scorer.js';

/** A result's step scores: the process stage's, else the first component that scored steps. */
function stepScoresOf(result: RewardResult): (number | null)[] | undefined {
  if (result.steps?.some((step) => step.score !== undefined)) {
    return result.steps.map((step) => step.score ?? null);
  }
  return Object.values(result.components).find((component) => component.stepScores !== undefined)?.stepScores;
}

/**
 * Scoring elsewhere (`eval --redis`: BullMQ jobs for `rewardkit worker`s): units are sent in
 * chunks of `chunkSize`, all at once, and a chunk whose job failed for good becomes an error for
 * each of its units (an error prediction per line), never a lost batch or an aborted run.
 */
export interface RemoteScoring {
  backend: ScoringBackend;
  chunkSize: number;
}

/**
 * `--scorer SPEC`: units scored by the reward engine, in process (the engine's narrowest entry:
 * `composeBackend` with threads 0, then `score`). The unit's `steps` are passed as the sample's
 * steps, so step-level kinds (`step_check`, `prm`) score exactly the benchmark's steps.
 */
export function engineScorer(spec: Spec, concurrency: number, remote?: RemoteScoring): UnitScorer {
  const backend = remote?.backend ?? composeBackend({ concurrency, threads: 0 });
  const scoreChunk = async (
    units: readonly ScoringUnit[],
    signal: AbortSignal | undefined,
  ): Promise<RewardResult[] | { error: string }> => {
    if (remote === undefined) return backend.score({ spec, inputs: units, signal });
    try {
      return await backend.score({ spec, inputs: units, signal });
    } catch (error) {
      const info = toErrorInfo(error);
      return { error: `${info.code}: ${info.message}` };
    }
  };
  return {
    async score(units: readonly ScoringUnit[], signal?: AbortSignal): Promise<UnitScore[]> {
      const chunkSize = remote?.chunkSize ?? Math.max(1, units.length);
      const chunks: (readonly ScoringUnit[])[] = [];
      for (let start = 0; start < units.length; start += chunkSize)
        chunks.push(units.slice(start, start + chunkSize));
      const scored = await Promise.all(chunks.map((chunk) => scoreChunk(chunk, signal)));
      return scored.flatMap((results, index) =>
        'error' in results ? (chunks[index] ?? []).map(() => results) : results.map(unitScoreOf),
      );
    },
    close: () => backend.close(),
  };
}

function unitScoreOf(result: RewardResult): UnitScore {
  if (result.error !== null && result.reward === null && Object.keys(result.components).length === 0) {
    return { error: `${result.error.code}: ${result.error.message}` };
  }
  const stepScores = stepScoresOf(result);
  const details = Object.fromEntries(
    Object.entries(result.components).map(([name, component]) => [name, component.details ?? {}]),
  );
  return { score: result.reward, ...(stepScores === undefined ? {} : { stepScores }), details };
}
