import { seededRandom } from '../core/seeded-random.js';
import { cancellablePolicy, cancellableVerifier } from './cancellable.js';
import type { ComputeLedger } from './compute-ledger.js';
import type { Policy, SearchContext, StepVerifier } from './types.js';

/** What one search (a problem at one budget with one seed) runs with. */
export interface SearchSetup {
  policy: Policy;
  verifier: StepVerifier;
  /** Counts what the search spends: the policy and verifier go through it. */
  ledger: ComputeLedger;
  seed: number;
  budget: number;
  signal?: AbortSignal | undefined;
}

/**
 * The context a strategy runs with, the same for `rewardkit search` and `search serve`: the policy
 * and verifier metered by the ledger (and cancelled with `signal`), and a random stream seeded by
 * (seed, budget), so that one seed gives the same search wherever it runs and each budget of a run
 * its own stream.
 */
export function searchContext(setup: SearchSetup): SearchContext {
  const { ledger, seed, budget, signal } = setup;
  return {
    policy: ledger.meterPolicy(signal === undefined ? setup.policy : cancellablePolicy(setup.policy, signal)),
    verifier: ledger.meterVerifier(
      signal === undefined ? setup.verifier : cancellableVerifier(setup.verifier, signal),
    ),
    ledger,
    random: seededRandom(seed * 2_654_435_761 + budget),
    seed,
    signal,
  };
}
