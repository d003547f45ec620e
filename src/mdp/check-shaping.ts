import { type RewardTable, type TabularMdp, withRewards } from './mdp.js';
import { canonicalize, norm, starcDistance } from './starc.js';
import { valueIteration } from './value-iteration.js';

export interface ShapingReport {
  /** True when every state keeps exactly its set of optimal actions. */
  policyPreserved: boolean;
  /** States whose optimal action set changed, with the sets before and after. */
  changedStates: { state: number; before: number[]; after: number[] }[];
  /** STARC distance between the original and the shaped reward (0: equivalent). */
  distance: number;
  /** True when the shaping term alone canonicalizes to 0: it is potential-based (in expectation). */
  potentialBased: boolean;
  reasons: string[];
}

/**
 * Checks whether adding `shaping` to an MDP's reward keeps its optimal policies. Solves both MDPs
 * by value iteration, compares the optimal action set of every state, measures the STARC distance
 * between R and R + F, and tests whether F itself is potential-based (its canonical form is 0):
 * potential-based shaping ("Policy invariance under reward transformations", Ng et al.) can never
 * change the optimal policy; any other shaping may, even when it happens not to on this MDP.
 */
export function checkShaping(mdp: TabularMdp, shaping: RewardTable): ShapingReport {
  const shaped = withRewards(
    mdp,
    mdp.rewards.map((row, s) =>
      row.map((cells, a) => cells.map((reward, t) => reward + (shaping[s]?.[a]?.[t] ?? 0))),
    ),
  );
  const before = valueIteration(mdp);
  const after = valueIteration(shaped);
  const changedStates = before.optimalActions.flatMap((actions, state) => {
    const shapedActions = after.optimalActions[state] ?? [];
    const same =
      actions.length === shapedActions.length && actions.every((a, index) => shapedActions[index] === a);
    return same ? [] : [{ state, before: actions, after: shapedActions }];
  });
  const distance = starcDistance(mdp, mdp.rewards, shaped.rewards);
  const shapingScale = Math.max(1, ...shaping.flat(2).map(Math.abs));
  const potentialBased = norm(canonicalize(mdp, shaping)) <= 1e-7 * shapingScale;
  const reasons: string[] = [];
  if (potentialBased) {
    reasons.push(
      "the shaping is potential-based (F = gamma * Phi(s') - Phi(s) up to moves between next states of one (s, a)): it cannot change the optimal policy",
    );
  } else {
    reasons.push(
      'the shaping is NOT potential-based: its canonical form is not 0, so it changes which policies are preferred',
    );
  }
  if (changedStates.length > 0) {
    reasons.push(
      `the optimal action changed in ${changedStates.length} state(s): the shaping changes what the agent learns (the "semantic trap")`,
    );
  } else if (!potentialBased) {
    reasons.push(
      'the optimal policy happens to survive on this MDP, but nothing guarantees it on a similar one',
    );
  }
  reasons.push(
    `STARC distance between the original and the shaped reward: ${distance.toFixed(6)} (0 = same preferences, 1 = opposite)`,
  );
  return { policyPreserved: changedStates.length === 0, changedStates, distance, potentialBased, reasons };
}
