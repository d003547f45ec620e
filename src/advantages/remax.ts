/**
 * ReMax ("ReMax: A Simple, Effective, and Efficient Reinforcement Learning Method for Aligning
 * Large Language Models"): the baseline is the reward of the greedy response to the same prompt,
 *   A_i = r_i - b_i
 * With an outcome reward on the last token, verl's token returns all equal r_i, so every token of
 * the response gets the same advantage r_i - b_i.
 */
export function remaxAdvantages(rewards: readonly number[], baselines: readonly number[]): number[] {
  return rewards.map((reward, index) => reward - (baselines[index] as number));
}
