import { aggregateSteps } from './aggregate.js';
import type { ProcessConfig } from './config.js';
import { returnsOf } from './returns.js';
import { addShaping, potentialShaping, potentialsFromStepValues } from './shaping.js';
import { stepRewardsOf } from './step-rewards.js';
import { applyTransform } from './transforms.js';

export interface ProcessInput {
  /** One score per step; null where the step could not be scored. */
  stepScores: readonly (number | null)[];
  /** The combined outcome reward of the sample (null when undecided). */
  outcome: number | null;
}

export interface ProcessOutput {
  aggregate: number | null;
  /** Per-step rewards after the step-reward mode, shaping, gating and the outcome term. */
  stepRewards: number[] | null;
  stepReturns: number[] | null;
  /** The sample's reward after `reward` and `transform`. */
  reward: number | null;
  gate?: 'passed' | 'failed';
  /** Why the process stage could not decide, when it could not. */
  problem?: string;
}

/**
 * The per-sample process stage, in this order (each a pure function documented in its file):
 *   1. aggregate the step scores into one outcome (min, max, mean, sum, last, product, first_error);
 *   2. step rewards from step scores (raw, progress, delta, clip), times process_weight;
 *   3. potential-based shaping r_t += gamma * Phi(s_{t+1}) - Phi(s_t), Phi from the step scores;
 *   4. gating: with gate_threshold, step rewards count only when the outcome passes it;
 *   5. outcome_weight * outcome added to the last step's reward;
 *   6. per-step returns (discounted or min-form);
 *   7. the reward: keep, the aggregate, or outcome_weight * outcome + process_weight * aggregate,
 *      then a bounded transform.
 * A step that could not be scored makes steps 1-6 undecided (null + problem), never zero.
 */
export function applyProcess(config: ProcessConfig, input: ProcessInput): ProcessOutput {
  const transformReward = (reward: number | null) =>
    reward === null ? null : applyTransform(reward, config.transform);
  const missing = input.stepScores.indexOf(null);
  if (missing >= 0) {
    const reward = config.reward === 'keep' ? input.outcome : null;
    return {
      aggregate: null,
      stepRewards: null,
      stepReturns: null,
      reward: transformReward(reward),
      problem: `step ${missing} has no score, so the process stage could not decide`,
    };
  }
  const scores = input.stepScores as number[];
  const aggregate = aggregateSteps(scores, config.aggregate, config.error_threshold);
  let stepRewards = stepRewardsOf(scores, config.step_reward, {
    eta: config.eta,
    initialValue: config.initial_value,
  }).map((reward) => reward * config.process_weight);
  if (config.shaping.type === 'potential') {
    const potentials = potentialsFromStepValues(
      scores,
      config.shaping.initial,
      config.shaping.terminal === null ? undefined : config.shaping.terminal,
    );
    stepRewards = addShaping(stepRewards, potentialShaping(potentials, config.gamma));
  }
  let gate: ProcessOutput['gate'];
  if (config.gate_threshold !== undefined) {
    gate = input.outcome !== null && input.outcome >= config.gate_threshold ? 'passed' : 'failed';
    if (gate === 'failed') stepRewards = stepRewards.map(() => 0);
  }
  if (config.outcome_weight !== 0 && input.outcome !== null && stepRewards.length > 0) {
    const last = stepRewards.length - 1;
    stepRewards[last] = (stepRewards[last] as number) + config.outcome_weight * input.outcome;
  }
  const stepReturns = returnsOf(stepRewards, config.returns, config.gamma);
  let reward: number | null;
  if (config.reward === 'keep') reward = input.outcome;
  else if (config.reward === 'aggregate') reward = aggregate;
  else
    reward =
      input.outcome === null || aggregate === null
        ? null
        : config.outcome_weight * input.outcome + config.process_weight * aggregate;
  const output: ProcessOutput = { aggregate, stepRewards, stepReturns, reward: transformReward(reward) };
  if (gate !== undefined) output.gate = gate;
  if (reward === null && config.reward !== 'keep')
    output.problem = 'no steps or no outcome to build the reward from';
  return output;
}
