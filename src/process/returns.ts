import { z } from 'zod';

export const ReturnModeSchema = z.enum(['discounted', 'min_form']);
export type ReturnMode = z.infer<typeof ReturnModeSchema>;

/** Discounted return: G_t = sum_{k >= t} gamma^(k - t) r_k (G_T = r_T). */
export function discountedReturns(rewards: readonly number[], gamma: number): number[] {
  const returns = new Array<number>(rewards.length);
  let running = 0;
  for (let t = rewards.length - 1; t >= 0; t--) {
    running = (rewards[t] as number) + gamma * running;
    returns[t] = running;
  }
  return returns;
}

/**
 * Min-form return ("Stop Summation: Min-Form Credit Assignment Is All Process Reward Model Needs
 * for Reasoning"): G_t = min_{k >= t} r_k. A step is worth no more than the worst step still to
 * come, so the policy cannot raise its return by padding with high-scoring steps. G_0 is the min
 * of all step rewards, and G is non-decreasing in t.
 */
export function minFormReturns(rewards: readonly number[]): number[] {
  const returns = new Array<number>(rewards.length);
  let running = Number.POSITIVE_INFINITY;
  for (let t = rewards.length - 1; t >= 0; t--) {
    running = Math.min(running, rewards[t] as number);
    returns[t] = running;
  }
  return returns;
}

export function returnsOf(rewards: readonly number[], mode: ReturnMode, gamma: number): number[] {
  return mode === 'discounted' ? discountedReturns(rewards, gamma) : minFormReturns(rewards);
}
