import {
  discountedSuffixSums,
  groupIndices,
  mean,
  VERL_WHITEN,
  type WhitenOptions,
  whitenRows,
} from './stats.js';

export interface ReinforcePlusPlusOptions {
  /** Discount over tokens (verl's algorithm.gamma, default 1). */
  gamma: number;
  /** Whitening over every token of the batch (verl: unbiased variance, 1e-8). */
  whiten: WhitenOptions | false;
}

export const VERL_REINFORCE_PLUS_PLUS: ReinforcePlusPlusOptions = { gamma: 1, whiten: VERL_WHITEN };

/** One row of token rewards per response: the outcome reward on the last of `length` tokens. */
function outcomeRows(rewards: readonly number[], lengths: readonly number[]): number[][] {
  return rewards.map((reward, index) => {
    const row = new Array<number>(lengths[index] ?? 1).fill(0);
    row[row.length - 1] = reward;
    return row;
  });
}

/**
 * REINFORCE++ ("REINFORCE++: A Simple and Efficient Approach for Aligning Large Language
 * Models"), as verl's compute_reinforce_plus_plus_outcome_advantage: token returns
 *   G_t = sum_{k >= t} gamma^(k - t) r_k   (the outcome reward sits on the last token)
 * then A = whiten(G) over every token of the batch: (G - mean) / sqrt(var_unbiased + 1e-8).
 * Without token lengths each response is one token, so A_i = whiten over the batch of r_i.
 * With lengths, longer responses weigh more in the batch mean and variance, exactly as in verl.
 * Returns one row of token advantages per response.
 */
export function reinforcePlusPlusAdvantages(
  rewards: readonly number[],
  lengths: readonly number[] = [],
  options: ReinforcePlusPlusOptions = VERL_REINFORCE_PLUS_PLUS,
): number[][] {
  return reinforcePlusPlusTokenAdvantages(outcomeRows(rewards, lengths), options);
}

/**
 * REINFORCE++ on token-level (or step-level) rewards as given: G_t = sum_{k >= t} gamma^(k - t) r_k
 * per row, then whitened over every position of the batch (the same formula, rows as given).
 */
export function reinforcePlusPlusTokenAdvantages(
  tokenRewards: readonly (readonly number[])[],
  options: ReinforcePlusPlusOptions = VERL_REINFORCE_PLUS_PLUS,
): number[][] {
  const returns = tokenRewards.map((row) => discountedSuffixSums(row, options.gamma));
  return options.whiten === false ? returns : whitenRows(returns, options.whiten);
}

/**
 * REINFORCE++ with a group baseline (verl's compute_reinforce_plus_plus_baseline_outcome_advantage):
 *   c_i = r_i - mean_g(r)   (a group of one uses mean 0)
 * broadcast to every token of the response, then whitened over every token of the batch.
 * Returns one row of token advantages per response (all equal within a row).
 */
export function reinforcePlusPlusBaselineAdvantages(
  rewards: readonly number[],
  groupKeys: readonly string[],
  lengths: readonly number[] = [],
  whiten: WhitenOptions | false = VERL_WHITEN,
): number[][] {
  const centered = [...rewards];
  for (const members of groupIndices(groupKeys)) {
    if (members.length < 2) continue;
    const center = mean(members.map((index) => rewards[index] as number));
    for (const index of members) centered[index] = (rewards[index] as number) - center;
  }
  const rows = centered.map((value, index) => new Array<number>(lengths[index] ?? 1).fill(value));
  return whiten === false ? rows : whitenRows(rows, whiten);
}
