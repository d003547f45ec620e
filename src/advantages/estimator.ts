import type { AdvantagesConfig } from './config.js';
import type { WhitenOptions } from './stats.js';

/** What an estimator reads from one sample. */
export interface AdvantageItem {
  /** The GRPO/RLOO group (DESIGN.md: `group`, else identical prompt). */
  groupKey: string;
  reward?: number;
  stepRewards?: readonly number[];
  /** GAE: the value of the state before each step. */
  values?: readonly number[];
  /** ReMax: the reward of the greedy response. */
  baseline?: number;
  /** Token count of the response, for token-level estimators (REINFORCE++); 1 when absent. */
  responseLength?: number;
}

/**
 * `outcome`: a scalar `reward`, or else `step_rewards` read as token-level rewards whose sum is the
 * outcome (verl sums token_level_rewards for every outcome estimator).
 */
export type AdvantageField = 'outcome' | 'reward' | 'step_rewards' | 'values' | 'baseline';

export interface AdvantageOutput {
  /** Outcome estimators: the advantage every token of the response gets. */
  advantage?: number;
  /** REINFORCE++ with response_length and gamma < 1: the advantage of each token. */
  tokenAdvantages?: number[];
  stepAdvantages?: number[];
  stepReturns?: number[];
}

/**
 * An advantage estimator: one pure function (its own file, formula on top) behind one shared
 * interface, registered by name. `estimate` sees the whole batch: groups and whitening need it.
 * It may throw for batch-level impossibilities (whitening a single value).
 */
export interface AdvantageEstimator {
  readonly name: string;
  readonly description: string;
  /** `scalar`: one advantage per response; `steps`: one per step. */
  readonly output: 'scalar' | 'steps';
  readonly needs: readonly AdvantageField[];
  estimate(items: readonly AdvantageItem[], config: AdvantagesConfig): AdvantageOutput[];
}

export function whitenOptionsOf(config: AdvantagesConfig): WhitenOptions | false {
  return config.whiten ? { convention: config.whiten_std, epsilon: config.whiten_epsilon } : false;
}

/** Why an item cannot go to this estimator, or undefined when it can. */
export function missingInput(estimator: AdvantageEstimator, item: AdvantageItem): string | undefined {
  for (const field of estimator.needs) {
    if (field === 'reward' && item.reward === undefined) return 'a numeric `reward` is required';
    if (field === 'outcome' && item.reward === undefined && item.stepRewards === undefined) {
      return 'a numeric `reward` (or a `step_rewards` array) is required';
    }
    if (field === 'step_rewards' && item.stepRewards === undefined)
      return 'a `step_rewards` array is required';
    if (field === 'baseline' && item.baseline === undefined)
      return 'a numeric `baseline` (greedy reward) is required';
    if (field === 'values') {
      if (item.values === undefined) return 'a `values` array is required';
      if (item.values.length !== (item.stepRewards?.length ?? 0)) {
        return `\`values\` has ${item.values.length} entries but \`step_rewards\` has ${item.stepRewards?.length ?? 0}`;
      }
    }
  }
  return undefined;
}
