import { z } from 'zod';

export const StepRewardModeSchema = z.enum(['raw', 'progress', 'delta', 'clip']);
export type StepRewardMode = z.infer<typeof StepRewardModeSchema>;

/**
 * Progress ("Rewarding Progress: Scaling Automated Process Verifiers for LLM Reasoning"): with step
 * scores read as values after each step, v_t = V(s_{t+1}), the reward of step t is the change of
 * value it caused, r_t = V(s_{t+1}) - V(s_t) = v_t - v_{t-1}, with v_{-1} = initialValue.
 * Sum over steps telescopes to v_T - initialValue.
 */
export function progressRewards(values: readonly number[], initialValue = 0): number[] {
  return values.map((value, index) => value - (index === 0 ? initialValue : (values[index - 1] as number)));
}

/**
 * Delta ("On Designing Effective RL Reward at Training Time for LLM Reasoning"):
 * r'_t = r_t - r_{t+1} for t < T and r'_T = r_T, so the return from step t, sum_{k >= t} r'_k, is
 * r_t itself: a bounded return that cannot be inflated by adding steps.
 */
export function deltaRewards(rewards: readonly number[]): number[] {
  return rewards.map((reward, index) =>
    index === rewards.length - 1 ? reward : reward - (rewards[index + 1] as number),
  );
}

/**
 * Clip (same paper): r'_t = min(r_t - eta, 0). Every step reward is at most 0, so no trajectory
 * gains reward by adding steps; steps the PRM trusts (r_t >= eta) cost nothing.
 */
export function clipRewards(rewards: readonly number[], eta: number): number[] {
  return rewards.map((reward) => Math.min(reward - eta, 0));
}

export function stepRewardsOf(
  scores: readonly number[],
  mode: StepRewardMode,
  options: { eta: number; initialValue: number },
): number[] {
  switch (mode) {
    case 'raw':
      return [...scores];
    case 'progress':
      return progressRewards(scores, options.initialValue);
    case 'delta':
      return deltaRewards(scores);
    case 'clip':
      return clipRewards(scores, options.eta);
  }
}
