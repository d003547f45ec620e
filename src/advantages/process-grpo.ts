import type { GrpoOptions } from './grpo.js';
import {
  discountedSuffixSums,
  groupIndices,
  mean,
  std,
  VERL_WHITEN,
  type WhitenOptions,
  whitenRows,
} from './stats.js';

export interface ProcessGrpoOptions extends Omit<GrpoOptions, 'normalizeByStd'> {
  /** Whitening of the step advantages over the batch after the group step (default: verl's). */
  whiten: WhitenOptions | false;
}

export const DEFAULT_PROCESS_GRPO: ProcessGrpoOptions = {
  epsilon: 1e-6,
  std: 'unbiased',
  whiten: VERL_WHITEN,
};

/**
 * Process-supervised GRPO ("DeepSeekMath", section 4.1.3): every step reward of every response
 * of a group is normalized with the mean and std of all step rewards of that group,
 *   rn_{i,k} = (r_{i,k} - mean_g) / (std_g + epsilon)
 * and the advantage of step t is the sum of normalized rewards from that step on,
 *   A_{i,t} = sum_{k >= t} rn_{i,k}
 * A group holding a single step reward uses mean 0 and std 1, as GRPO does for a group of one.
 * The step advantages are then whitened over the batch unless `whiten` is false.
 */
export function processGrpoAdvantages(
  stepRewards: readonly (readonly number[])[],
  groupKeys: readonly string[],
  options: ProcessGrpoOptions = DEFAULT_PROCESS_GRPO,
): number[][] {
  const advantages: number[][] = stepRewards.map(() => []);
  for (const members of groupIndices(groupKeys)) {
    const pool = members.flatMap((index) => stepRewards[index] ?? []);
    const single = pool.length < 2;
    const center = single ? 0 : mean(pool);
    const spread = single ? 1 : std(pool, options.std);
    for (const index of members) {
      const normalized = (stepRewards[index] ?? []).map(
        (reward) => (reward - center) / (spread + options.epsilon),
      );
      advantages[index] = discountedSuffixSums(normalized, 1);
    }
  }
  return options.whiten === false ? advantages : whitenRows(advantages, options.whiten);
}
