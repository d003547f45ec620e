import type { z } from 'zod';
import { RewardKitError } from '../core/errors.js';
import type { ComputeLedger } from './compute-ledger.js';

/** One problem to solve: a prompt and, when known, the reference answer (for accuracy only). */
export interface SearchProblem {
  id: string | number;
  prompt: string;
  reference?: { answer?: string | undefined } | undefined;
}

/** Why a generation stopped: at a step boundary, at the end of the solution, or at max tokens. */
export type ContinuationStop = 'step' | 'end' | 'length';

/** One sampled continuation of a partial solution. */
export interface Continuation {
  /** The generated text, without the step separator it stopped at. */
  text: string;
  stop: ContinuationStop;
  promptTokens: number;
  completionTokens: number;
  /** Sum of the generated tokens' log-probabilities, when the endpoint returned them. */
  logprob: number | null;
}

export interface ContinueRequest {
  /** How many independent samples. */
  n: number;
  /** Stop at the end of the current step (the step separator) or run to the end of the solution. */
  untilStepEnd: boolean;
  /** Cap on generated tokens (early rejection generates a partial step this way). */
  maxTokens?: number | undefined;
  /** Sampling seed (each sample of a request gets a distinct stream on the server). */
  seed: number;
}

/**
 * The policy: continues a partial solution. `prefix` is the solution text so far (steps joined by
 * the separator, ending with a separator when it is non-empty, or a partial step). `signal`
 * cancels the request in flight (the search was cancelled).
 */
export interface Policy {
  continue(
    problem: SearchProblem,
    prefix: string,
    request: ContinueRequest,
    signal?: AbortSignal,
  ): Promise<Continuation[]>;
}

/**
 * The verifier: for each (partial) solution, given as its steps, one score in [0, 1] per step
 * (a PRM), or a single score for the whole solution (an ORM: one-element array). `null` when the
 * verifier could not score that solution; strategies treat it as the lowest score and say so.
 */
export interface StepVerifier {
  scoreSteps(
    problem: SearchProblem,
    solutions: readonly (readonly string[])[],
    signal?: AbortSignal,
  ): Promise<(readonly number[] | null)[]>;
}

/** A finished or partial solution the strategy produced, with what the verifier said of it. */
export interface Candidate {
  steps: string[];
  /** The solution ended (the policy stopped at the end, not at a step or a token cap). */
  finished: boolean;
  /** Per-step verifier scores of the full candidate (null when unscored or unscoreable). */
  stepScores: readonly number[] | null;
  /** The scores aggregated into one number (the strategy's `aggregate`); null when unscored. */
  score: number | null;
  /** The extracted final answer (math extraction), when one was found. */
  answer: string | null;
  /** Sum of the log-probabilities of the generated tokens, when known. */
  logprob: number | null;
}

/** What every strategy returns for one problem. */
export interface SearchResult {
  problemId: string | number;
  strategy: string;
  budget: number;
  /** The chosen final solution text and its answer (null when nothing finished). */
  response: string | null;
  answer: string | null;
  /** How the final choice was made (`best`, `majority_vote`, `weighted_vote`) and its support. */
  selection: {
    method: string;
    support: number;
    groups: number;
    /** compute_optimal: the estimated difficulty (mean last-step score of the probes) and its bin. */
    difficulty?: number;
    bin?: number;
  };
  candidates: Candidate[];
  /** Tree-shaped strategies: every expanded node (parent index, step, score, visits). */
  nodes?: SearchNode[];
  compute: ComputeTotals;
  /** Set when the search could not finish (generator failed, deadline); candidates so far kept. */
  error?: { code: string; message: string } | undefined;
}

export interface SearchNode {
  parent: number | null;
  step: string;
  score: number | null;
  visits?: number;
  value?: number;
  prior?: number;
}

export interface ComputeTotals {
  generatorCalls: number;
  generatedSequences: number;
  generatedSteps: number;
  promptTokens: number;
  completionTokens: number;
  verifierCalls: number;
  verifiedSolutions: number;
  wallMs: number;
  cost: number | null;
}

/** What a strategy gets besides the problem and its budget. */
export interface SearchContext {
  policy: Policy;
  verifier: StepVerifier;
  ledger: ComputeLedger;
  /** Seeded uniform [0, 1) generator: resampling and tie-breaking are reproducible. */
  random: () => number;
  /** A base seed for the generator's sampling. */
  seed: number;
  /**
   * Cancels the search (client gone, server shutting down, run interrupted). The context's policy
   * and verifier already honour it (see cancellable.ts): every call after it fires is refused, and
   * the policy's request in flight is cancelled, so strategies need not check it themselves.
   */
  signal?: AbortSignal | undefined;
}

/**
 * A test-time search strategy: one file each, one signature. `budget` is the strategy's width N
 * (samples for best-of-N and voting, beams for beam search and DVTS, particles for particle
 * filtering, tree width for REBASE, simulations for MCTS); the ledger counts what was spent.
 */
export interface SearchStrategy<Options = unknown> {
  readonly name: string;
  readonly description: string;
  readonly optionsSchema: z.ZodType<Options>;
  run(
    problem: SearchProblem,
    budget: number,
    options: Options,
    context: SearchContext,
  ): Promise<SearchResult>;
}

/**
 * Registers a strategy. Every strategy refuses a budget that is not an integer >= 1 with
 * `RK_INPUT_INVALID` before it generates anything (a budget of 0 searches nothing: an error, not
 * an empty answer).
 */
export function defineSearchStrategy<Options>(strategy: SearchStrategy<Options>): SearchStrategy<unknown> {
  return {
    ...strategy,
    run(problem, budget, options, context) {
      if (!Number.isInteger(budget) || budget < 1) {
        return Promise.reject(
          new RewardKitError(
            'RK_INPUT_INVALID',
            `${strategy.name}: the budget must be an integer >= 1, got ${budget}`,
          ),
        );
      }
      return strategy.run(problem, budget, options as Options, context);
    },
  } as SearchStrategy<unknown>;
}
