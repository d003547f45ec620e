/**
 * Potential-based shaping ("Policy invariance under reward transformations: Theory and application
 * to reward shaping", Ng, Harada, Russell; used for dense process rewards in "Robo-Dopamine: ...
 * Policy-Invariant Reward Shaping"): with a potential Phi over states,
 *   F(s, s') = gamma * Phi(s') - Phi(s)
 * added to the reward leaves the optimal policy unchanged. Over a trajectory s_0..s_T:
 *   sum_t gamma^t F(s_t, s_{t+1}) = gamma^T Phi(s_T) - Phi(s_0)   (telescoping)
 * so the shaped return differs from the original by a term that depends only on the ends.
 * `potentials` holds Phi(s_0), Phi(s_1), ..., Phi(s_T): one more entry than there are steps.
 */
export function potentialShaping(potentials: readonly number[], gamma: number): number[] {
  const shaping: number[] = [];
  for (let t = 0; t + 1 < potentials.length; t++) {
    shaping.push(gamma * (potentials[t + 1] as number) - (potentials[t] as number));
  }
  return shaping;
}

/**
 * Potentials from step values for a reasoning trace: Phi(s_0) = initial, Phi(s_t) = v_t after
 * step t, and Phi(s_T) = terminal when given (0 keeps the episodic guarantee: the final state's
 * potential must not depend on the path, and 0 is the usual choice).
 */
export function potentialsFromStepValues(
  values: readonly number[],
  initial: number,
  terminal: number | undefined,
): number[] {
  const potentials = [initial, ...values];
  if (terminal !== undefined && potentials.length > 1) potentials[potentials.length - 1] = terminal;
  return potentials;
}

/** r'_t = r_t + F_t for each step. */
export function addShaping(rewards: readonly number[], shaping: readonly number[]): number[] {
  return rewards.map((reward, index) => reward + (shaping[index] ?? 0));
}
