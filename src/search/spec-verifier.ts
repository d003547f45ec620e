import { RewardKitError } from '../core/errors.js';
import type { RewardResult } from '../core/result.js';
import type { Spec } from '../core/spec.js';
import { Pipeline } from '../engine/pipeline.js';
import { solutionText } from './solution-text.js';
import type { SearchProblem, StepVerifier } from './types.js';

/**
 * A verifier made of a rewardkit spec (`--scorer spec.yaml`): each (partial) solution is scored
 * as a sample with its steps given; the verifier's scores are the chosen component's step scores
 * (a `prm`, `genprm`, `implicit_prm` or `step_check` component), or its one score as a
 * one-element list (an `orm`, a `judge`, `math` ...). The component is `component`, else the
 * spec's first.
 */
export class SpecVerifier implements StepVerifier {
  readonly #pipeline: Pipeline;
  readonly #component: string;
  #counter = 0;

  constructor(spec: Spec, component?: string) {
    const name = component ?? spec.rewards[0]?.name;
    if (name === undefined || !spec.rewards.some((entry) => entry.name === name)) {
      throw new RewardKitError(
        'RK_SPEC_INVALID',
        `the scorer spec has no reward named '${name}' (it has ${spec.rewards.map((entry) => entry.name).join(', ')})`,
      );
    }
    this.#component = name;
    this.#pipeline = Pipeline.compile(spec);
  }

  /**
   * `signal` cancels the batch: checked before it starts, then passed to the pipeline, which
   * scores no solution after it fires and aborts the model requests in flight; the call then
   * rejects with the signal's reason (a cancelled batch has no scores to give).
   */
  async scoreSteps(
    problem: SearchProblem,
    solutions: readonly (readonly string[])[],
    signal?: AbortSignal,
  ): Promise<(readonly number[] | null)[]> {
    signal?.throwIfAborted();
    const samples = solutions.map((steps) => ({
      id: `search-${this.#counter++}`,
      prompt: problem.prompt,
      response: solutionText(steps),
      steps: [...steps],
      ...(problem.reference?.answer === undefined ? {} : { reference: { answer: problem.reference.answer } }),
    }));
    const results = await this.#pipeline.scoreBatch(samples, undefined, signal);
    signal?.throwIfAborted();
    return results.map((result) => this.#scoresOf(result));
  }

  #scoresOf(result: RewardResult): readonly number[] | null {
    const component = result.components[this.#component];
    if (component === undefined) return null;
    const steps = component.stepScores;
    if (steps !== undefined && steps.length > 0) {
      return steps.every((score): score is number => typeof score === 'number' && Number.isFinite(score))
        ? steps
        : null;
    }
    return component.score === null ? null : [component.score];
  }

  async close(): Promise<void> {
    await this.#pipeline.close();
  }
}
