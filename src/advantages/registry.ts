import { Registry } from '../core/registry.js';
import type { AdvantageEstimator, AdvantageItem } from './estimator.js';
import { whitenOptionsOf } from './estimator.js';
import { gaeAdvantages } from './gae.js';
import { grpoAdvantages } from './grpo.js';
import { primeAdvantages } from './prime.js';
import { processGrpoAdvantages } from './process-grpo.js';
import {
  reinforcePlusPlusAdvantages,
  reinforcePlusPlusBaselineAdvantages,
  reinforcePlusPlusTokenAdvantages,
} from './reinforce-plus-plus.js';
import { remaxAdvantages } from './remax.js';
import { rlooAdvantages } from './rloo.js';

/** The outcome of each item: its `reward`, else the sum of its step (token) rewards, as verl sums them. */
const outcomesOf = (items: Parameters<AdvantageEstimator['estimate']>[0]) =>
  items.map((item) => item.reward ?? (item.stepRewards ?? []).reduce((sum, value) => sum + value, 0));
const rewardsOf = (items: Parameters<AdvantageEstimator['estimate']>[0]) =>
  items.map((item) => item.reward as number);
const groupsOf = (items: Parameters<AdvantageEstimator['estimate']>[0]) => items.map((item) => item.groupKey);
const stepsOf = (items: Parameters<AdvantageEstimator['estimate']>[0]) =>
  items.map((item) => item.stepRewards ?? []);
/** Tokens per response: `response_length`, else the number of step (token) rewards, else 1. */
const lengthsOf = (items: Parameters<AdvantageEstimator['estimate']>[0]) =>
  items.map(
    (item) => item.responseLength ?? (item.reward === undefined ? item.stepRewards?.length : undefined) ?? 1,
  );

/**
 * Token rows to the output: `advantage` is the first token's value (every token's, when they all
 * agree, as with gamma = 1); `token_advantages` is added for responses with a response_length
 * whenever tokens can differ (gamma < 1), so the shape of the output does not depend on the data.
 */
function tokenRowsToOutput(rows: readonly number[][], items: readonly AdvantageItem[], perToken: boolean) {
  return rows.map((row, index) => {
    const first = row[0] as number;
    return perToken && items[index]?.responseLength !== undefined
      ? { advantage: first, tokenAdvantages: row }
      : { advantage: first };
  });
}

const grpo: AdvantageEstimator = {
  name: 'grpo',
  description: 'group mean/std normalization (verl compute_grpo_outcome_advantage)',
  output: 'scalar',
  needs: ['outcome'],
  estimate: (items, config) =>
    grpoAdvantages(outcomesOf(items), groupsOf(items), {
      epsilon: config.epsilon,
      normalizeByStd: true,
      std: config.std,
    }).map((advantage) => ({ advantage })),
};

const drGrpo: AdvantageEstimator = {
  name: 'dr_grpo',
  description: 'group mean subtraction without std division (Dr. GRPO; verl norm_adv_by_std_in_grpo: false)',
  output: 'scalar',
  needs: ['outcome'],
  estimate: (items, config) =>
    grpoAdvantages(outcomesOf(items), groupsOf(items), {
      epsilon: config.epsilon,
      normalizeByStd: false,
      std: config.std,
    }).map((advantage) => ({ advantage })),
};

const rloo: AdvantageEstimator = {
  name: 'rloo',
  description: 'leave-one-out group baseline (verl compute_rloo_outcome_advantage)',
  output: 'scalar',
  needs: ['outcome'],
  estimate: (items) => rlooAdvantages(outcomesOf(items), groupsOf(items)).map((advantage) => ({ advantage })),
};

const reinforcePlusPlus: AdvantageEstimator = {
  name: 'reinforce_pp',
  description: 'discounted token returns whitened over the batch (verl reinforce_plus_plus)',
  output: 'scalar',
  needs: ['outcome'],
  estimate: (items, config) => {
    const options = { gamma: config.gamma, whiten: whitenOptionsOf(config) };
    if (items.every((item) => item.reward !== undefined)) {
      return tokenRowsToOutput(
        reinforcePlusPlusAdvantages(rewardsOf(items), lengthsOf(items), options),
        items,
        config.gamma !== 1,
      );
    }
    // Token-level rewards given as step_rewards (a line with a scalar reward is one row ending in it).
    const lengths = lengthsOf(items);
    const rows = items.map((item, index) => {
      if (item.reward === undefined) return [...(item.stepRewards ?? [])];
      const row = new Array<number>(lengths[index] ?? 1).fill(0);
      row[row.length - 1] = item.reward;
      return row;
    });
    return reinforcePlusPlusTokenAdvantages(rows, options).map((row, index) =>
      items[index]?.reward === undefined
        ? { advantage: row[0] as number, stepAdvantages: row }
        : { advantage: row[0] as number },
    );
  },
};

const reinforcePlusPlusBaseline: AdvantageEstimator = {
  name: 'reinforce_pp_baseline',
  description: 'group mean subtracted, then whitened over the batch (verl reinforce_plus_plus_baseline)',
  output: 'scalar',
  needs: ['outcome'],
  estimate: (items, config) =>
    tokenRowsToOutput(
      reinforcePlusPlusBaselineAdvantages(
        outcomesOf(items),
        groupsOf(items),
        lengthsOf(items),
        whitenOptionsOf(config),
      ),
      items,
      false,
    ),
};

const remax: AdvantageEstimator = {
  name: 'remax',
  description: 'reward minus the greedy response reward (verl compute_remax_outcome_advantage)',
  output: 'scalar',
  needs: ['outcome', 'baseline'],
  estimate: (items) =>
    remaxAdvantages(
      outcomesOf(items),
      items.map((item) => item.baseline as number),
    ).map((advantage) => ({ advantage })),
};

const gae: AdvantageEstimator = {
  name: 'gae',
  description:
    'generalized advantage estimation over steps with given values (verl compute_gae_advantage_return)',
  output: 'steps',
  needs: ['step_rewards', 'values'],
  estimate: (items, config) => {
    const result = gaeAdvantages(
      stepsOf(items),
      items.map((item) => item.values ?? []),
      { gamma: config.gamma, lambda: config.lambda, whiten: whitenOptionsOf(config) },
    );
    return result.advantages.map((stepAdvantages, index) => ({
      stepAdvantages,
      stepReturns: result.returns[index] ?? [],
    }));
  },
};

const processGrpo: AdvantageEstimator = {
  name: 'ps_grpo',
  description: 'process-supervised GRPO: step rewards normalized over the group, summed from each step on',
  output: 'steps',
  needs: ['step_rewards'],
  estimate: (items, config) =>
    processGrpoAdvantages(stepsOf(items), groupsOf(items), {
      epsilon: config.epsilon,
      std: config.std,
      whiten: whitenOptionsOf(config),
    }).map((stepAdvantages) => ({ stepAdvantages })),
};

const prime: AdvantageEstimator = {
  name: 'prime',
  description: 'PRIME: leave-one-out process and outcome rewards mixed, returns whitened',
  output: 'steps',
  needs: ['reward', 'step_rewards'],
  estimate: (items, config) => {
    const result = primeAdvantages(stepsOf(items), rewardsOf(items), groupsOf(items), {
      processCoef: config.process_coef,
      outcomeCoef: config.outcome_coef,
      whiten: whitenOptionsOf(config),
    });
    return result.advantages.map((stepAdvantages, index) => ({
      stepAdvantages,
      stepReturns: result.returns[index] ?? [],
    }));
  },
};

/** Every built-in advantage estimator, keyed by `advantages.estimator` / `--estimator`. */
export const advantageEstimators = new Registry<AdvantageEstimator>('advantage estimator', [
  grpo,
  drGrpo,
  rloo,
  reinforcePlusPlus,
  reinforcePlusPlusBaseline,
  remax,
  gae,
  processGrpo,
  prime,
]);
