import { VERL_WHITEN, type WhitenOptions, whitenRows } from './stats.js';

export interface GaeOptions {
  gamma: number;
  lambda: number;
  /** verl whitens GAE advantages over the batch (unbiased variance, 1e-8); `false` keeps them raw. */
  whiten: WhitenOptions | false;
}

export const VERL_GAE: GaeOptions = { gamma: 1, lambda: 1, whiten: VERL_WHITEN };

export interface GaeResult {
  advantages: number[][];
  /** A_t + V(s_t), before whitening (verl's `returns`, the critic's target). */
  returns: number[][];
}

/**
 * Generalized Advantage Estimation ("High-Dimensional Continuous Control Using Generalized
 * Advantage Estimation"), per trajectory of step rewards r_t and values V_t (V after the last
 * step is 0):
 *   delta_t = r_t + gamma * V_{t+1} - V_t
 *   A_t = delta_t + gamma * lambda * A_{t+1}      (A after the last step is 0)
 *   returns_t = A_t + V_t
 * then, as verl's compute_gae_advantage_return, A is whitened over every step of the batch.
 */
export function gaeAdvantages(
  stepRewards: readonly (readonly number[])[],
  values: readonly (readonly number[])[],
  options: GaeOptions = VERL_GAE,
): GaeResult {
  const advantages: number[][] = [];
  const returns: number[][] = [];
  stepRewards.forEach((rewards, row) => {
    const rowValues = values[row] ?? [];
    const rowAdvantages = new Array<number>(rewards.length);
    let nextValue = 0;
    let lastAdvantage = 0;
    for (let t = rewards.length - 1; t >= 0; t--) {
      const value = rowValues[t] as number;
      const delta = (rewards[t] as number) + options.gamma * nextValue - value;
      lastAdvantage = delta + options.gamma * options.lambda * lastAdvantage;
      rowAdvantages[t] = lastAdvantage;
      nextValue = value;
    }
    advantages.push(rowAdvantages);
    returns.push(rowAdvantages.map((advantage, t) => advantage + (rowValues[t] as number)));
  });
  return {
    advantages: options.whiten === false ? advantages : whitenRows(advantages, options.whiten),
    returns,
  };
}
