import { z } from 'zod';
import { groupAnswers } from './answer-groups.js';
import type { Candidate } from './types.js';

export const FinalSelectionSchema = z.enum(['best', 'majority_vote', 'weighted_vote']);
export type FinalSelection = z.infer<typeof FinalSelectionSchema>;

export interface Selection {
  /** Index of the chosen candidate, or -1 when none can be chosen. */
  index: number;
  method: FinalSelection;
  /** best: the winning score; majority_vote: votes; weighted_vote: summed score of the answer. */
  support: number;
  groups: number;
}

/**
 * The final pick among candidates (finished ones when any finished, else all):
 * - `best`: argmax of the aggregated verifier score (first on ties; unscored counts as -inf);
 * - `majority_vote` (self-consistency, "Self-Consistency Improves Chain of Thought Reasoning in
 *   Language Models"): the answer given by the most candidates, answers grouped by equivalence;
 * - `weighted_vote`: the answer whose candidates' scores sum highest, sum_{i: a_i = a} s_i
 *   (search-and-learn's `pred_weighted`).
 * Vote ties go to the group that appeared first; within the winning group, the member with the
 * highest score is returned.
 */
export function selectFinal(candidates: readonly Candidate[], method: FinalSelection): Selection {
  const pool = candidates.some((candidate) => candidate.finished)
    ? candidates.flatMap((candidate, index) => (candidate.finished ? [index] : []))
    : candidates.map((_, index) => index);
  if (pool.length === 0) return { index: -1, method, support: 0, groups: 0 };
  const scoreOf = (index: number): number => candidates[index]?.score ?? Number.NEGATIVE_INFINITY;
  const bestOf = (indices: readonly number[]): number =>
    indices.reduce((best, index) => (scoreOf(index) > scoreOf(best) ? index : best), indices[0] as number);
  if (method === 'best') {
    const index = bestOf(pool);
    return { index, method, support: scoreOf(index), groups: 0 };
  }
  const groups = groupAnswers(pool.map((index) => candidates[index]?.answer ?? null)).map((group) => ({
    ...group,
    members: group.members.map((member) => pool[member] as number),
  }));
  if (groups.length === 0) {
    const index = bestOf(pool);
    return { index, method, support: 0, groups: 0 };
  }
  const supportOf = (members: readonly number[]): number =>
    method === 'majority_vote'
      ? members.length
      : members.reduce((sum, index) => sum + Math.max(0, candidates[index]?.score ?? 0), 0);
  let winner = groups[0] as (typeof groups)[number];
  for (const group of groups) if (supportOf(group.members) > supportOf(winner.members)) winner = group;
  return { index: bestOf(winner.members), method, support: supportOf(winner.members), groups: groups.length };
}
