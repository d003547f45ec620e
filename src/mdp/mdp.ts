import { seededRandom } from '../core/seeded-random.js';

export { seededRandom };
/**
 * A finite MDP in dense form. `transitions[s][a][t]` is P(t | s, a) (each row sums to 1) and
 * `rewards[s][a][t]` is R(s, a, t): rewards may depend on the next state, which potential shaping
 * F(s, t) = gamma * Phi(t) - Phi(s) needs. Discounted, infinite horizon (0 <= gamma < 1); a
 * terminal state is an absorbing state whose rewards are 0.
 */
export interface TabularMdp {
  states: number;
  actions: number;
  transitions: number[][][];
  rewards: number[][][];
  gamma: number;
}

/** R(s, a, t) tables of the same shape as an MDP's rewards. */
export type RewardTable = number[][][];

export function mapRewards(
  mdp: TabularMdp,
  reward: (s: number, a: number, t: number) => number,
): RewardTable {
  return mdp.rewards.map((row, s) => row.map((cells, a) => cells.map((_, t) => reward(s, a, t))));
}

export function withRewards(mdp: TabularMdp, rewards: RewardTable): TabularMdp {
  return { ...mdp, rewards };
}

/** R + F for potential-based shaping: R'(s, a, t) = R(s, a, t) + gamma * Phi(t) - Phi(s). */
export function shapeWithPotential(mdp: TabularMdp, potential: readonly number[]): TabularMdp {
  return withRewards(
    mdp,
    mapRewards(
      mdp,
      (s, a, t) => (mdp.rewards[s]?.[a]?.[t] ?? 0) + mdp.gamma * (potential[t] ?? 0) - (potential[s] ?? 0),
    ),
  );
}

/** R + F for an arbitrary shaping table F(s, a, t). */
export function shapeWithTable(mdp: TabularMdp, shaping: RewardTable): TabularMdp {
  return withRewards(
    mdp,
    mapRewards(mdp, (s, a, t) => (mdp.rewards[s]?.[a]?.[t] ?? 0) + (shaping[s]?.[a]?.[t] ?? 0)),
  );
}

/** A random MDP: random transition rows (normalized), rewards uniform in [-1, 1]. */
export function randomMdp(random: () => number, states: number, actions: number, gamma: number): TabularMdp {
  const transitions = Array.from({ length: states }, () =>
    Array.from({ length: actions }, () => {
      const weights = Array.from({ length: states }, () => (random() < 0.5 ? 0 : random()));
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      if (total === 0) {
        weights[Math.floor(random() * states)] = 1;
        return weights;
      }
      return weights.map((weight) => weight / total);
    }),
  );
  const rewards = Array.from({ length: states }, () =>
    Array.from({ length: actions }, () => Array.from({ length: states }, () => random() * 2 - 1)),
  );
  return { states, actions, transitions, rewards, gamma };
}
