import type { ErrorInfo } from '../core/errors.js';
import type { ComponentResult, StepResult } from '../core/result.js';
import type { Sample } from '../core/sample.js';
import type { Spec } from '../core/spec.js';
import { applyProcess, type ProcessConfig } from '../process/index.js';

/** What the process stage decided, written to the result as `process` (visible, never hidden). */
export interface ProcessSummary {
  /** Where the step scores came from: `input` or a component name. */
  source: string | null;
  aggregate: number | null;
  step_rewards: number[] | null;
  gate?: 'passed' | 'failed';
  error?: ErrorInfo;
}

export interface ProcessStageOutput {
  steps: StepResult[];
  reward: number | null;
  process: ProcessSummary;
}

/** Names the spec problems of the process section that need the rest of the spec to see. */
export function processSpecProblems(spec: Spec): string[] {
  const source = spec.process?.step_scores;
  if (source === undefined || source === 'input') return [];
  const entry = spec.rewards.find((reward) => reward.name === source);
  return entry === undefined
    ? [
        `process.step_scores: no reward named '${source}'; expected 'input' or one of: ${spec.rewards.map((r) => r.name).join(', ')}`,
      ]
    : [];
}

function stepScoresOf(
  config: ProcessConfig,
  sample: Sample,
  components: Record<string, ComponentResult>,
): { source: string; scores: (number | null)[] } | { source: string | null; problem: string } {
  const fromInput = () =>
    sample.step_scores === undefined
      ? { source: 'input', problem: 'the sample has no step_scores' }
      : { source: 'input', scores: sample.step_scores };
  if (config.step_scores === 'input') return fromInput();
  if (config.step_scores !== undefined) {
    const scores = components[config.step_scores]?.stepScores;
    return scores === undefined
      ? { source: config.step_scores, problem: `component '${config.step_scores}' gave no step scores` }
      : { source: config.step_scores, scores };
  }
  if (sample.step_scores !== undefined) return fromInput();
  for (const [name, result] of Object.entries(components)) {
    if (result.stepScores !== undefined) return { source: name, scores: result.stepScores };
  }
  return {
    source: null,
    problem: 'no step scores: give step_scores in the input or a reward that scores steps',
  };
}

/**
 * The per-sample process stage: finds the step scores (the input's `step_scores`, or a component
 * that scores steps such as `step_check`), runs `applyProcess` (aggregate, step rewards, shaping,
 * gating, returns, reward transform) and writes `steps[].score` and `steps[].return`. A problem
 * (no scores, a count that does not match the steps) is reported in `process.error`; the steps then
 * carry null scores and returns, and the reward stays the combined one unless the spec asked to
 * replace it, in which case it is null: never a silent zero.
 */
export function runProcessStage(
  config: ProcessConfig,
  sample: Sample,
  steps: readonly string[],
  components: Record<string, ComponentResult>,
  outcome: number | null,
): ProcessStageOutput {
  const found = stepScoresOf(config, sample, components);
  const fail = (source: string | null, message: string): ProcessStageOutput => ({
    steps: steps.map((text) => ({ text, score: null, return: null })),
    reward: config.reward === 'keep' && config.transform.type === 'none' ? outcome : null,
    process: { source, aggregate: null, step_rewards: null, error: { code: 'RK_UNPARSEABLE', message } },
  });
  if ('problem' in found) return fail(found.source, found.problem);
  if (found.scores.length !== steps.length) {
    return fail(found.source, `${found.scores.length} step scores for ${steps.length} steps`);
  }
  const output = applyProcess(config, { stepScores: found.scores, outcome });
  const process: ProcessSummary = {
    source: found.source,
    aggregate: output.aggregate,
    step_rewards: output.stepRewards,
  };
  if (output.gate !== undefined) process.gate = output.gate;
  if (output.problem !== undefined) process.error = { code: 'RK_UNPARSEABLE', message: output.problem };
  return {
    steps: steps.map((text, index) => ({
      text,
      score: found.scores[index] ?? null,
      return: output.stepReturns?.[index] ?? null,
    })),
    reward: output.reward,
    process,
  };
}
