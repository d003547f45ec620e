import { groupIndices, mean, type StdConvention, std } from './stats.js';

export interface GrpoOptions {
  /** Added to the group std in the denominator (verl: 1e-6). */
  epsilon: number;
  /** Divide by the group std (GRPO, verl's norm_adv_by_std_in_grpo: true) or not (Dr. GRPO). */
  normalizeByStd: boolean;
  /** verl uses torch.std, the unbiased (n - 1) std. */
  std: StdConvention;
}

export const VERL_GRPO: GrpoOptions = { epsilon: 1e-6, normalizeByStd: true, std: 'unbiased' };

/**
 * GRPO outcome advantages ("DeepSeekMath: Pushing the Limits of Mathematical Reasoning in Open
 * Language Models"), per group g of responses to one prompt:
 *   A_i = (r_i - mean_g(r)) / (std_g(r) + epsilon)
 * Dr. GRPO ("Understanding R1-Zero-Like Training: A Critical Perspective") drops the std:
 *   A_i = r_i - mean_g(r)
 * Edge cases, as verl's compute_grpo_outcome_advantage: a group of one uses mean 0 and std 1, so
 * A = r / (1 + epsilon) (GRPO) or A = r (Dr. GRPO); a group whose rewards are all equal has std 0
 * and every advantage is 0 / epsilon = 0.
 */
export function grpoAdvantages(
  rewards: readonly number[],
  groupKeys: readonly string[],
  options: GrpoOptions = VERL_GRPO,
): number[] {
  const advantages = new Array<number>(rewards.length);
  for (const members of groupIndices(groupKeys)) {
    const scores = members.map((index) => rewards[index] as number);
    const single = scores.length === 1;
    const center = single ? 0 : mean(scores);
    const spread = single ? 1 : std(scores, options.std);
    for (const index of members) {
      const centered = (rewards[index] as number) - center;
      advantages[index] = options.normalizeByStd ? centered / (spread + options.epsilon) : centered;
    }
  }
  return advantages;
}
