import { type AdvantageItem, computeAdvantages } from '../advantages/index.js';
import type { ErrorInfo } from '../core/errors.js';
import type { RewardResult } from '../core/result.js';
import { groupKeyOf, type Sample } from '../core/sample.js';
import type { Spec } from '../core/spec.js';
import { hybridNormalize, lengthShapedRewards } from '../process/index.js';
import { validateSample } from './pipeline.js';
import type { ProcessSummary } from './process-stage.js';

/** True when results need the whole batch (advantages or group length shaping) before output. */
export function needsBatchStage(spec: Spec): boolean {
  return (
    spec.advantages !== undefined ||
    spec.process?.length_shaping !== undefined ||
    spec.process?.hybrid !== undefined
  );
}

type ResultWithProcess = Omit<RewardResult, 'process'> & {
  process?: ProcessSummary & { length_bonus?: number; outcome_reward?: number };
};

const numberField = (sample: Sample, key: string): number | undefined => {
  const value = (sample as Record<string, unknown>)[key] ?? sample.meta?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
};

const numberArrayField = (sample: Sample, key: string): number[] | undefined => {
  const value = (sample as Record<string, unknown>)[key] ?? sample.meta?.[key];
  return Array.isArray(value) && value.every((entry) => typeof entry === 'number') ? value : undefined;
};

/** Response length for length shaping and REINFORCE++: `response_length`, else tokens, else characters. */
function responseLengthOf(sample: Sample): number {
  return numberField(sample, 'response_length') ?? sample.tokens?.length ?? sample.response.length;
}

/**
 * The batch stage, run once on a whole batch of scored samples (same order; `samples[i]` undefined
 * when input i was not a valid sample):
 *   1. `process.length_shaping`: group length shaping of the rewards (Kimi k1.5 term, weighted by
 *      the group's accuracy); the bonus is written to `process.length_bonus`;
 *   2. `process.hybrid`: the reward becomes w_o * z(reward) + w_p * z(process aggregate), both
 *      z-scored over the batch (the reward before is kept in `process.outcome_reward`); a result
 *      without an aggregate gets a null reward and the reason;
 *   3. `advantages`: the estimator over the batch; outcome estimators write `advantage`, per-step
 *      estimators write `steps[].advantage` (their step rewards are the process stage's
 *      `process.step_rewards`, else `steps[].score`; GAE reads `values`, ReMax `baseline` from the
 *      sample or its meta). Results that cannot get an advantage get `advantage: null` and, when
 *      they had no error yet, the reason in `error`.
 * Groups are the samples' `group`, else identical prompts. Returns new result objects.
 */
export function applyBatchStage(
  spec: Spec,
  samples: readonly (Sample | undefined)[],
  results: readonly RewardResult[],
): RewardResult[] {
  const out = results.map((result) => ({ ...result }) as ResultWithProcess);
  const lengthShaping = spec.process?.length_shaping;
  if (lengthShaping !== undefined) {
    const positions = out.flatMap((result, index) =>
      result.reward !== null && samples[index] !== undefined ? [index] : [],
    );
    const shaped = lengthShapedRewards(
      positions.map((index) => out[index]?.reward as number),
      positions.map((index) => responseLengthOf(samples[index] as Sample)),
      positions.map((index) => groupKeyOf(samples[index] as Sample)),
      lengthShaping,
    );
    positions.forEach((index, position) => {
      const result = out[index] as ResultWithProcess;
      const bonus = (shaped[position] as number) - (result.reward as number);
      result.process = {
        ...(result.process ?? { source: null, aggregate: null, step_rewards: null }),
        length_bonus: bonus,
      };
      result.reward = shaped[position] as number;
    });
  }
  const hybrid = spec.process?.hybrid;
  if (hybrid !== undefined) {
    const positions = out.flatMap((result, index) =>
      result.reward !== null && typeof result.process?.aggregate === 'number' ? [index] : [],
    );
    const mixed = hybridNormalize(
      positions.map((index) => out[index]?.reward as number),
      positions.map((index) => out[index]?.process?.aggregate as number),
      { outcome: hybrid.outcome_weight, process: hybrid.process_weight, epsilon: hybrid.epsilon },
    );
    positions.forEach((index, position) => {
      const result = out[index] as ResultWithProcess;
      result.process = { ...(result.process as ProcessSummary), outcome_reward: result.reward as number };
      result.reward = mixed[position] as number;
    });
    out.forEach((result, index) => {
      if (result.reward !== null && !positions.includes(index)) {
        result.reward = null;
        if (result.error === null) {
          result.error = {
            code: 'RK_UNPARSEABLE',
            message: 'hybrid normalization needs a process aggregate',
          };
        }
      }
    });
  }
  const config = spec.advantages;
  if (config === undefined) return out;
  const items: (AdvantageItem | ErrorInfo)[] = out.map((result, index) => {
    const sample = samples[index];
    if (sample === undefined)
      return result.error ?? { code: 'RK_INPUT_INVALID', message: 'not a valid sample' };
    if (result.reward === null) {
      return { code: 'RK_UNPARSEABLE', message: 'the sample has no reward, so no advantage' };
    }
    const item: AdvantageItem = { groupKey: groupKeyOf(sample), reward: result.reward };
    const stepRewards =
      result.process?.step_rewards ??
      (result.steps?.every((step) => typeof step.score === 'number')
        ? result.steps.map((step) => step.score as number)
        : undefined);
    if (stepRewards !== undefined) item.stepRewards = stepRewards;
    const values = numberArrayField(sample, 'values');
    if (values !== undefined) item.values = values;
    const baseline = numberField(sample, 'baseline');
    if (baseline !== undefined) item.baseline = baseline;
    const length = numberField(sample, 'response_length') ?? sample.tokens?.length;
    if (length !== undefined) item.responseLength = length;
    return item;
  });
  const outcomes = computeAdvantages(items, config);
  outcomes.forEach((outcome, index) => {
    const result = out[index] as ResultWithProcess;
    if ('error' in outcome) {
      result.advantage = null;
      if (result.error === null) result.error = outcome.error;
      return;
    }
    const { advantage, stepAdvantages } = outcome.output;
    if (advantage !== undefined) result.advantage = advantage;
    if (stepAdvantages !== undefined) {
      const steps = result.steps ?? [];
      result.steps = stepAdvantages.map((value, step) => ({
        ...(steps[step] ?? { text: '' }),
        advantage: value,
      }));
    }
  });
  return out;
}

/**
 * The same, for callers that hold the raw inputs (the score CLI, the HTTP server): each input is
 * validated as a sample again (cheap) to find its group, prompt, values and baseline.
 */
export function applyBatchStageToInputs(
  spec: Spec,
  inputs: readonly unknown[],
  results: readonly RewardResult[],
): RewardResult[] {
  const samples = inputs.map((input) => {
    const validated = validateSample(input);
    return 'sample' in validated ? validated.sample : undefined;
  });
  return applyBatchStage(spec, samples, results);
}
