import { z } from 'zod';
import { buildResult, makeCandidate } from '../build-result.js';
import { scoreSolutions } from '../score-candidates.js';
import { MaxStepsSchema, SearchAggregateSchema } from '../search-options.js';
import { FinalSelectionSchema } from '../select-final.js';
import type { Candidate, SearchNode } from '../types.js';
import { defineSearchStrategy } from '../types.js';
import { softmaxWeights } from '../weights.js';
import { expandStep } from './expand-step.js';

export const RebaseOptionsSchema = z
  .object({
    /** T_b of the balance softmax; the authors' configuration uses 0.2. */
    balance_temperature: z.number().positive().default(0.2),
    max_steps: MaxStepsSchema,
    aggregate: SearchAggregateSchema,
    /** The paper reports weighted majority voting over the finished leaves as its best selector. */
    final_selection: FinalSelectionSchema.default('weighted_vote'),
  })
  .strict();

/**
 * REBASE's allocation ("Inference Scaling Laws: An Empirical Analysis of Compute-Optimal Inference
 * for Problem-Solving with Language Models", Wu et al.): nodes sorted by reward, descending; each
 * gets W_j = ceil(B * exp(R_j / T_b) / sum_{k >= j} exp(R_k / T_b)) children, and B and the sum
 * shrink by what was handed out, so the widths add up to B and the best nodes are served first
 * (the authors' `select_softmax`). Returns widths in the input order.
 */
export function allocateExpansions(rewards: readonly number[], width: number, temperature: number): number[] {
  const order = rewards
    .map((_, index) => index)
    .sort((left, right) => (rewards[right] ?? 0) - (rewards[left] ?? 0));
  const exps = softmaxWeights(rewards, temperature);
  let remainingWidth = width;
  let remainingMass = exps.reduce((sum, value) => sum + value, 0);
  const widths = rewards.map(() => 0);
  for (const index of order) {
    const mass = exps[index] ?? 0;
    const share =
      remainingWidth > 0 && remainingMass > 0 ? Math.ceil((remainingWidth * mass) / remainingMass) : 0;
    widths[index] = Math.max(0, share);
    remainingWidth -= share;
    remainingMass -= mass;
  }
  return widths;
}

interface TreeNode {
  steps: string[];
  score: number;
  stepScores: readonly number[] | null;
  finished: boolean;
  logprob: number | null;
  nodeIndex: number;
}

/**
 * REBASE (reward balanced search): a tree grown depth by depth with a total width N. At each
 * depth every finished leaf uses up one unit of width; the remaining width is split over the
 * unfinished nodes by the allocation above; each node is expanded that many times (one request
 * with n = its width). Ends when the width is used up, nothing is left to grow, or at max_steps.
 */
export const rebase = defineSearchStrategy({
  name: 'rebase',
  description: 'reward balanced search: expansions split by softmax of node rewards',
  optionsSchema: RebaseOptionsSchema,
  async run(problem, budget, options, context) {
    const nodes: SearchNode[] = [{ parent: null, step: '', score: null }];
    const leaves: Candidate[] = [];
    let remainingWidth = budget;
    let frontier: TreeNode[] = [
      { steps: [], score: 1, stepScores: null, finished: false, logprob: null, nodeIndex: 0 },
    ];
    for (let depth = 0; depth < options.max_steps && remainingWidth > 0 && frontier.length > 0; depth++) {
      const widths =
        depth === 0
          ? [budget]
          : allocateExpansions(
              frontier.map((node) => node.score),
              remainingWidth,
              options.balance_temperature,
            );
      const toEnd = depth === options.max_steps - 1;
      const grown = await Promise.all(
        frontier.map(async (node, index) => ({
          node,
          children: await expandStep(
            problem,
            node.steps,
            widths[index] ?? 0,
            context,
            depth * 1_009 + index,
            toEnd,
          ),
        })),
      );
      const children = grown.flatMap(({ node, children: list }) =>
        list.map((child) => ({ parent: node, child })),
      );
      const scored = await scoreSolutions(
        problem,
        children.map(({ child }) => child.steps),
        context.verifier,
        options.aggregate,
      );
      const next: TreeNode[] = [];
      children.forEach(({ parent, child }, index) => {
        const score = scored[index] ?? { stepScores: null, score: null };
        nodes.push({ parent: parent.nodeIndex, step: child.steps.at(-1) ?? '', score: score.score });
        const treeNode: TreeNode = {
          steps: child.steps,
          score: score.score ?? 0,
          stepScores: score.stepScores,
          finished: child.finished || toEnd,
          logprob: child.logprob,
          nodeIndex: nodes.length - 1,
        };
        if (treeNode.finished) {
          leaves.push(makeCandidate(child.steps, true, score, child.logprob));
          remainingWidth -= 1;
        } else next.push(treeNode);
      });
      frontier = next;
    }
    const candidates =
      leaves.length > 0
        ? leaves
        : frontier.map((node) =>
            makeCandidate(node.steps, false, { stepScores: node.stepScores, score: node.score }),
          );
    return buildResult(problem, 'rebase', budget, candidates, options.final_selection, context, nodes);
  },
});
