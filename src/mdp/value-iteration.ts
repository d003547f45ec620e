import type { TabularMdp } from './mdp.js';

export interface Solution {
  /** V*(s). */
  values: number[];
  /** Q*(s, a). */
  q: number[][];
  /** For each state, the actions whose Q* is within `tolerance` of the best: the optimal set. */
  optimalActions: number[][];
}

/** Q(s, a) = sum_t P(t | s, a) * (R(s, a, t) + gamma * V(t)). */
export function qFromValues(mdp: TabularMdp, values: readonly number[]): number[][] {
  return mdp.transitions.map((row, s) =>
    row.map((probabilities, a) =>
      probabilities.reduce(
        (sum, probability, t) =>
          probability === 0
            ? sum
            : sum + probability * ((mdp.rewards[s]?.[a]?.[t] ?? 0) + mdp.gamma * (values[t] ?? 0)),
        0,
      ),
    ),
  );
}

/**
 * Value iteration (Bellman optimality): V_{k+1}(s) = max_a Q_k(s, a), until the largest change
 * is below `epsilon * (1 - gamma) / (2 * gamma)`, which bounds the error of V by epsilon.
 * Optimal actions are compared with a relative tolerance so that ties are found, not guessed.
 */
export function valueIteration(mdp: TabularMdp, epsilon = 1e-10, tolerance = 1e-7): Solution {
  let values = new Array<number>(mdp.states).fill(0);
  const stop = mdp.gamma === 0 ? Number.POSITIVE_INFINITY : (epsilon * (1 - mdp.gamma)) / (2 * mdp.gamma);
  for (let iteration = 0; iteration < 100_000; iteration++) {
    const next = qFromValues(mdp, values).map((row) => Math.max(...row));
    const change = Math.max(...next.map((value, s) => Math.abs(value - (values[s] as number))));
    values = next;
    if (change < stop) break;
  }
  const q = qFromValues(mdp, values);
  const scale = Math.max(1, ...q.flat().map(Math.abs));
  const optimalActions = q.map((row) => {
    const best = Math.max(...row);
    return row.flatMap((value, a) => (value >= best - tolerance * scale ? [a] : []));
  });
  return { values, q, optimalActions };
}

/**
 * Policy evaluation for a stochastic policy pi[s][a]: V(s) = sum_a pi(a|s) Q(s, a), iterated to
 * a fixed point (a contraction for gamma < 1).
 */
export function evaluatePolicy(
  mdp: TabularMdp,
  policy: readonly (readonly number[])[],
  epsilon = 1e-12,
): number[] {
  let values = new Array<number>(mdp.states).fill(0);
  for (let iteration = 0; iteration < 100_000; iteration++) {
    const next = qFromValues(mdp, values).map((row, s) =>
      row.reduce((sum, value, a) => sum + (policy[s]?.[a] ?? 0) * value, 0),
    );
    const change = Math.max(...next.map((value, s) => Math.abs(value - (values[s] as number))));
    values = next;
    if (change < epsilon) break;
  }
  return values;
}

export function uniformPolicy(mdp: TabularMdp): number[][] {
  return Array.from({ length: mdp.states }, () => new Array<number>(mdp.actions).fill(1 / mdp.actions));
}
