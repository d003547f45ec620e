import { prefixOf, splitSteps } from '../solution-text.js';
import type { Continuation, SearchContext, SearchProblem } from '../types.js';

/**
 * The sampling seed of one request: the search's seed and a stream number that differs for every
 * request of the search (iteration and parent), so that two beams that share a prefix are not
 * given the same samples.
 */
export function requestSeed(context: SearchContext, stream: number): number {
  return (context.seed * 1_000_003 + stream * 7_919) % 2_147_483_647;
}

/** A partial solution grown by one step. */
export interface Expansion {
  steps: string[];
  /** The policy ended the solution (EOS) or hit its token cap: nothing more to grow. */
  finished: boolean;
  logprob: number | null;
  completionTokens: number;
}

function toExpansion(
  parentSteps: readonly string[],
  partial: string,
  continuation: Continuation,
  toEnd = false,
): Expansion {
  const text = `${partial}${continuation.text}`.trim();
  const grown = toEnd ? splitSteps(text) : text === '' ? [] : [text];
  return {
    steps: [...parentSteps, ...grown],
    finished: continuation.stop !== 'step' || text === '',
    logprob: continuation.logprob,
    completionTokens: continuation.completionTokens,
  };
}

/**
 * `count` one-step continuations of `parentSteps` in one request (n = count: the shared prefix is
 * sent once, which keeps the server's prefix cache warm). With `toEnd`, the continuations run to
 * the end of the solution (the last iteration of a step-level search).
 */
export async function expandStep(
  problem: SearchProblem,
  parentSteps: readonly string[],
  count: number,
  context: SearchContext,
  stream: number,
  toEnd = false,
): Promise<Expansion[]> {
  if (count <= 0) return [];
  const continuations = await context.policy.continue(problem, prefixOf(parentSteps), {
    n: count,
    untilStepEnd: !toEnd,
    seed: requestSeed(context, stream),
  });
  return continuations.map((continuation) => toExpansion(parentSteps, '', continuation, toEnd));
}

/** The first `maxTokens` of `count` next steps (early rejection's partial steps). */
export async function expandPartialStep(
  problem: SearchProblem,
  parentSteps: readonly string[],
  count: number,
  maxTokens: number,
  context: SearchContext,
  stream: number,
): Promise<{ partial: string; continuation: Continuation }[]> {
  if (count <= 0) return [];
  const continuations = await context.policy.continue(problem, prefixOf(parentSteps), {
    n: count,
    untilStepEnd: true,
    maxTokens,
    seed: requestSeed(context, stream),
  });
  return continuations.map((continuation) => ({ partial: continuation.text, continuation }));
}

/** Finishes a partial step begun by `expandPartialStep`. */
export async function finishPartialStep(
  problem: SearchProblem,
  parentSteps: readonly string[],
  partial: string,
  context: SearchContext,
  stream: number,
): Promise<Expansion> {
  const [continuation] = await context.policy.continue(problem, prefixOf(parentSteps, partial), {
    n: 1,
    untilStepEnd: true,
    seed: requestSeed(context, stream) + 1,
  });
  if (continuation === undefined) {
    return { steps: [...parentSteps, partial.trim()], finished: true, logprob: null, completionTokens: 0 };
  }
  return toExpansion(parentSteps, partial, continuation);
}

/** Splits `total` expansions over `parents` as evenly as possible (earlier parents get the extra). */
export function spreadExpansions(total: number, parents: number): number[] {
  if (parents <= 0) return [];
  const base = Math.floor(total / parents);
  const extra = total - base * parents;
  return Array.from({ length: parents }, (_, index) => base + (index < extra ? 1 : 0));
}
