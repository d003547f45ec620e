import { z } from 'zod';
import { buildResult, makeCandidate } from '../build-result.js';
import { scoreSolutions } from '../score-candidates.js';
import { MaxStepsSchema, SearchAggregateSchema } from '../search-options.js';
import { FinalSelectionSchema } from '../select-final.js';
import type { Candidate, SearchContext, SearchNode, SearchProblem } from '../types.js';
import { defineSearchStrategy } from '../types.js';
import { softmax } from '../weights.js';
import { expandStep } from './expand-step.js';

export const MctsOptionsSchema = z
  .object({
    /** Children generated when a node is expanded. */
    expansion_width: z.number().int().min(1).default(4),
    /** The exploration constant; AlphaZero's and OpenR's `pb_c_init` is 1.25. */
    c_puct: z.number().positive().default(1.25),
    max_steps: MaxStepsSchema,
    aggregate: SearchAggregateSchema,
    /** No reference implementation fixes it; the PRM's best finished node. */
    final_selection: FinalSelectionSchema.default('best'),
  })
  .strict();
type MctsOptions = z.output<typeof MctsOptionsSchema>;

export interface MctsNode {
  steps: string[];
  prior: number;
  /** The PRM's score of this node's prefix: its value before any visit. */
  value: number;
  stepScores: readonly number[] | null;
  visits: number;
  total: number;
  children: MctsNode[];
  finished: boolean;
  logprob: number | null;
  index: number;
}

/**
 * PUCT ("Mastering the game of Go without human knowledge", Silver et al.):
 * score(c) = Q(c) + c_puct * P(c) * sqrt(N(parent)) / (1 + N(c)), where Q(c) = W(c) / N(c) for a
 * visited child and the PRM's value of c for an unvisited one, P(c) the policy prior.
 */
export function puctScore(child: MctsNode, parentVisits: number, cPuct: number): number {
  const q = child.visits > 0 ? child.total / child.visits : child.value;
  return q + (cPuct * child.prior * Math.sqrt(parentVisits)) / (1 + child.visits);
}

/**
 * Priors over siblings from the policy: softmax of each child's mean token log-probability
 * (log-probability / generated tokens, so long steps are not penalised); uniform without logprobs.
 */
export function childPriors(
  children: readonly { logprob: number | null; completionTokens: number }[],
): number[] {
  if (children.length === 0) return [];
  if (children.some((child) => child.logprob === null)) return children.map(() => 1 / children.length);
  return softmax(children.map((child) => (child.logprob as number) / Math.max(1, child.completionTokens)));
}

function selectChild(node: MctsNode, cPuct: number): MctsNode {
  let best = node.children[0] as MctsNode;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const child of node.children) {
    const score = puctScore(child, node.visits, cPuct);
    if (score > bestScore) {
      best = child;
      bestScore = score;
    }
  }
  return best;
}

async function expand(
  problem: SearchProblem,
  node: MctsNode,
  options: MctsOptions,
  context: SearchContext,
  simulation: number,
  nodes: SearchNode[],
): Promise<void> {
  const toEnd = node.steps.length >= options.max_steps - 1;
  const children = await expandStep(problem, node.steps, options.expansion_width, context, simulation, toEnd);
  const scored = await scoreSolutions(
    problem,
    children.map((child) => child.steps),
    context.verifier,
    options.aggregate,
  );
  const priors = childPriors(children);
  node.children = children.map((child, position) => {
    const score = scored[position] ?? { stepScores: null, score: null };
    nodes.push({
      parent: node.index,
      step: child.steps.at(-1) ?? '',
      score: score.score,
      prior: priors[position] ?? 0,
    });
    return {
      steps: child.steps,
      prior: priors[position] ?? 0,
      value: score.score ?? 0,
      stepScores: score.stepScores,
      visits: 0,
      total: 0,
      children: [],
      finished: child.finished || toEnd,
      logprob: child.logprob,
      index: nodes.length - 1,
    };
  });
}

/**
 * Monte Carlo tree search over solution steps with PUCT: each of the N simulations walks down by
 * PUCT from the root to a node that is unexpanded or finished, expands it (M children, priors
 * from the policy's log-probabilities, values from the PRM), steps into the best new child, and
 * backs that child's value up the path (N += 1, W += v). The answer is chosen among the finished
 * nodes (`final_selection`, default the PRM's best); with none finished, the most visited path is
 * completed by one rollout.
 */
export const mcts = defineSearchStrategy({
  name: 'mcts',
  description: 'Monte Carlo tree search with PUCT: policy priors, PRM values, N simulations',
  optionsSchema: MctsOptionsSchema,
  async run(problem, budget, options, context) {
    const nodes: SearchNode[] = [{ parent: null, step: '', score: null }];
    const root: MctsNode = {
      steps: [],
      prior: 1,
      value: 0,
      stepScores: null,
      visits: 0,
      total: 0,
      children: [],
      finished: false,
      logprob: null,
      index: 0,
    };
    const all: MctsNode[] = [];
    for (let simulation = 0; simulation < budget; simulation++) {
      const path: MctsNode[] = [root];
      let node = root;
      while (node.children.length > 0 && !node.finished) {
        node = selectChild(node, options.c_puct);
        path.push(node);
      }
      if (!node.finished) {
        await expand(problem, node, options, context, simulation, nodes);
        all.push(...node.children);
        if (node.children.length > 0) {
          node = selectChild(node, options.c_puct);
          path.push(node);
        }
      }
      const value = node.value;
      for (const visited of path) {
        visited.visits += 1;
        visited.total += value;
      }
    }
    for (const node of all) {
      const record = nodes[node.index];
      if (record !== undefined) {
        record.visits = node.visits;
        record.value = node.visits > 0 ? node.total / node.visits : node.value;
      }
    }
    let candidates: Candidate[] = all
      .filter((node) => node.finished)
      .map((node) =>
        makeCandidate(node.steps, true, { stepScores: node.stepScores, score: node.value }, node.logprob),
      );
    if (candidates.length === 0)
      candidates = await completeMostVisited(problem, root, options, context, budget);
    return buildResult(problem, 'mcts', budget, candidates, options.final_selection, context, nodes);
  },
});

async function completeMostVisited(
  problem: SearchProblem,
  root: MctsNode,
  options: MctsOptions,
  context: SearchContext,
  simulation: number,
): Promise<Candidate[]> {
  let node = root;
  while (node.children.length > 0) {
    node = node.children.reduce((best, child) => (child.visits > best.visits ? child : best));
  }
  const [rollout] = await expandStep(problem, node.steps, 1, context, simulation, true);
  const steps = rollout?.steps ?? node.steps;
  const [scored] = await scoreSolutions(problem, [steps], context.verifier, options.aggregate);
  return [makeCandidate(steps, true, scored ?? { stepScores: null, score: null }, rollout?.logprob ?? null)];
}
