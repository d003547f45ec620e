import { type RewardTable, type TabularMdp, withRewards } from './mdp.js';
import { evaluatePolicy, uniformPolicy } from './value-iteration.js';

/**
 * Value-adjusted levelling canonicalization ("STARC: A General Framework For Quantifying
 * Differences Between Reward Functions"), with the uniform policy pi:
 *   C(R)(s, a) = E_{t ~ P(.|s,a)} [ R(s, a, t) - V_R^pi(s) + gamma * V_R^pi(t) ]
 * Potential shaping R + gamma * Phi(t) - Phi(s) shifts V^pi by -Phi and leaves C(R) unchanged;
 * so does moving reward between next states of the same (s, a).
 */
export function canonicalize(mdp: TabularMdp, rewards: RewardTable): number[][] {
  const values = evaluatePolicy(withRewards(mdp, rewards), uniformPolicy(mdp));
  return mdp.transitions.map((row, s) =>
    row.map((probabilities, a) =>
      probabilities.reduce(
        (sum, probability, t) =>
          sum +
          probability *
            ((rewards[s]?.[a]?.[t] ?? 0) - (values[s] as number) + mdp.gamma * (values[t] as number)),
        0,
      ),
    ),
  );
}

/** L2 norm over state-action pairs (uniform weights). */
export function norm(table: readonly (readonly number[])[]): number {
  return Math.sqrt(table.flat().reduce((sum, value) => sum + value * value, 0));
}

/**
 * A STARC distance in [0, 1]: canonicalize both rewards, scale each to unit L2 norm (a reward
 * whose canonical form is 0 stays 0: it expresses no preference), and take half the L2 distance.
 *   d(R1, R2) = || C(R1) / ||C(R1)|| - C(R2) / ||C(R2)|| || / 2
 * 0 means the rewards induce the same ordering of policies (equal up to potential shaping and
 * positive scaling); 1 means opposite.
 */
export function starcDistance(
  mdp: TabularMdp,
  first: RewardTable,
  second: RewardTable,
  zeroTolerance = 1e-9,
): number {
  const standardize = (rewards: RewardTable) => {
    const canonical = canonicalize(mdp, rewards);
    const size = norm(canonical);
    const scale = Math.max(1, ...rewards.flat(2).map(Math.abs));
    return canonical.map((row) => row.map((value) => (size <= zeroTolerance * scale ? 0 : value / size)));
  };
  const left = standardize(first);
  const right = standardize(second);
  return norm(left.map((row, s) => row.map((value, a) => value - (right[s]?.[a] ?? 0)))) / 2;
}
