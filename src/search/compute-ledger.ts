import { splitSteps } from './solution-text.js';
import type {
  ComputeTotals,
  Continuation,
  ContinueRequest,
  Policy,
  SearchProblem,
  StepVerifier,
} from './types.js';

/** Prices per million tokens, when the user gives them (cost stays null otherwise). */
export interface TokenPrices {
  promptPerMillion: number;
  completionPerMillion: number;
}

/**
 * Counts the compute one search spends: generator calls and sequences, generated steps, prompt
 * and generated tokens, verifier calls and scored solutions, wall time and cost. Strategies talk
 * to the policy and verifier only through `meter`ed wrappers, so nothing is left uncounted.
 */
export class ComputeLedger {
  generatorCalls = 0;
  generatedSequences = 0;
  generatedSteps = 0;
  promptTokens = 0;
  completionTokens = 0;
  verifierCalls = 0;
  verifiedSolutions = 0;
  readonly #started = performance.now();

  constructor(private readonly prices?: TokenPrices) {}

  recordGeneration(request: ContinueRequest, continuations: readonly Continuation[]): void {
    this.generatorCalls += 1;
    this.generatedSequences += continuations.length;
    for (const continuation of continuations) {
      if (request.untilStepEnd) this.generatedSteps += 1;
      else this.generatedSteps += Math.max(1, splitSteps(continuation.text).length);
      this.promptTokens += continuation.promptTokens;
      this.completionTokens += continuation.completionTokens;
    }
  }

  recordVerification(solutions: number): void {
    this.verifierCalls += 1;
    this.verifiedSolutions += solutions;
  }

  totals(): ComputeTotals {
    const cost =
      this.prices === undefined
        ? null
        : (this.promptTokens * this.prices.promptPerMillion +
            this.completionTokens * this.prices.completionPerMillion) /
          1e6;
    return {
      generatorCalls: this.generatorCalls,
      generatedSequences: this.generatedSequences,
      generatedSteps: this.generatedSteps,
      promptTokens: this.promptTokens,
      completionTokens: this.completionTokens,
      verifierCalls: this.verifierCalls,
      verifiedSolutions: this.verifiedSolutions,
      wallMs: performance.now() - this.#started,
      cost,
    };
  }

  /** The policy, counted. */
  meterPolicy(policy: Policy): Policy {
    return {
      continue: async (
        problem: SearchProblem,
        prefix: string,
        request: ContinueRequest,
        signal?: AbortSignal,
      ) => {
        const continuations = await policy.continue(problem, prefix, request, signal);
        this.recordGeneration(request, continuations);
        return continuations;
      },
    };
  }

  /** The verifier, counted. */
  meterVerifier(verifier: StepVerifier): StepVerifier {
    return {
      scoreSteps: async (problem, solutions, signal) => {
        const scores = await verifier.scoreSteps(problem, solutions, signal);
        this.recordVerification(solutions.length);
        return scores;
      },
    };
  }
}
