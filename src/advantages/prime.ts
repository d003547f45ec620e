import {
  discountedSuffixSums,
  groupIndices,
  mean,
  VERL_WHITEN,
  type WhitenOptions,
  whitenRows,
} from './stats.js';

export interface PrimeOptions {
  /** Weight of the leave-one-out process (dense) rewards; verl's PRIME recipe reward_dpo_coef: 5. */
  processCoef: number;
  /** Weight of the leave-one-out outcome reward on the last step; reward_gt_coef: 5. */
  outcomeCoef: number;
  whiten: WhitenOptions | false;
}

export const DEFAULT_PRIME: PrimeOptions = { processCoef: 5, outcomeCoef: 5, whiten: VERL_WHITEN };

export interface PrimeResult {
  advantages: number[][];
  returns: number[][];
}

/**
 * PRIME-style mix ("Process Reinforcement through Implicit Rewards"), as in verl's PRIME recipe.
 * Both reward streams get a leave-one-out baseline within the group of n responses:
 *   process: p'_{i,t} = p_{i,t} * n/(n-1) - (sum_j mean_t p_{j,t}) / (n-1)
 *   outcome: o'_i = o_i * n/(n-1) - (sum_j o_j) / (n-1), placed on the last step
 *   r_{i,t} = processCoef * p'_{i,t} + outcomeCoef * o'_i [t = last]
 *   returns_{i,t} = sum_{k >= t} r_{i,k};   A = whiten(returns) over the batch
 * A group of one keeps its raw rewards (no other response to compare with).
 */
export function primeAdvantages(
  stepRewards: readonly (readonly number[])[],
  outcomes: readonly number[],
  groupKeys: readonly string[],
  options: PrimeOptions = DEFAULT_PRIME,
): PrimeResult {
  const mixed: number[][] = stepRewards.map((row) => [...row]);
  const outcomeShaped = [...outcomes];
  for (const members of groupIndices(groupKeys)) {
    const n = members.length;
    if (n < 2) continue;
    const processBaseline =
      members.reduce((sum, index) => {
        const row = stepRewards[index] ?? [];
        return sum + (row.length === 0 ? 0 : mean(row));
      }, 0) /
      (n - 1);
    const outcomeBaseline = members.reduce((sum, index) => sum + (outcomes[index] as number), 0) / (n - 1);
    for (const index of members) {
      mixed[index] = (stepRewards[index] ?? []).map((reward) => (reward * n) / (n - 1) - processBaseline);
      outcomeShaped[index] = ((outcomes[index] as number) * n) / (n - 1) - outcomeBaseline;
    }
  }
  const rewards = mixed.map((row, index) => {
    const combined = row.map((reward) => options.processCoef * reward);
    if (combined.length > 0) {
      combined[combined.length - 1] =
        (combined[combined.length - 1] as number) + options.outcomeCoef * (outcomeShaped[index] as number);
    }
    return combined;
  });
  const returns = rewards.map((row) => discountedSuffixSums(row, 1));
  return { advantages: options.whiten === false ? returns : whitenRows(returns, options.whiten), returns };
}
