import type { RewardResult } from '../core/result.js';
import type { Spec } from '../core/spec.js';
import { composeBackend } from '../engine/backends/compose-backend.js';
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
 * `--scorer SPEC`: units scored by the reward engine, in process (the engine's narrowest entry:
 * `composeBackend` with threads 0, then `score`). The unit's `steps` are passed as the sample's
 * steps, so step-level kinds (`step_check`, `prm`) score exactly the benchmark's steps.
 */
export function engineScorer(spec: Spec, concurrency: number): UnitScorer {
  const backend = composeBackend({ concurrency, threads: 0 });
  return {
    async score(units: readonly ScoringUnit[]): Promise<UnitScore[]> {
      const results = await backend.score({ spec, inputs: units });
      return results.map((result): UnitScore => {
        if (result.error !== null && result.reward === null && Object.keys(result.components).length === 0) {
          return { error: `${result.error.code}: ${result.error.message}` };
        }
        const stepScores = stepScoresOf(result);
        const details = Object.fromEntries(
          Object.entries(result.components).map(([name, component]) => [name, component.details ?? {}]),
        );
        return { score: result.reward, ...(stepScores === undefined ? {} : { stepScores }), details };
      });
    },
    close: () => backend.close(),
  };
}
