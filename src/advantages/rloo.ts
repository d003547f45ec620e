import { groupIndices, mean } from './stats.js';

/**
 * RLOO, REINFORCE Leave-One-Out ("Back to Basics: Revisiting REINFORCE Style Optimization for
 * Learning from Human Feedback in LLMs"): the baseline of a response is the mean reward of the
 * other responses of its group,
 *   A_i = r_i - (1 / (n - 1)) * sum_{j != i} r_j = (n / (n - 1)) * (r_i - mean_g(r))
 * computed as verl does: r_i * n/(n-1) - mean_g(r) * n/(n-1). A group of one has no other
 * response: its advantage is its reward, unchanged (verl).
 */
export function rlooAdvantages(rewards: readonly number[], groupKeys: readonly string[]): number[] {
  const advantages = [...rewards];
  for (const members of groupIndices(groupKeys)) {
    const n = members.length;
    if (n < 2) continue;
    const center = mean(members.map((index) => rewards[index] as number));
    const scale = n / (n - 1);
    for (const index of members) advantages[index] = (rewards[index] as number) * scale - center * scale;
  }
  return advantages;
}
