import { beamSearch, earlyRejection } from './strategies/beam-search.js';
import { bestOfN } from './strategies/best-of-n.js';
import { dvts } from './strategies/dvts.js';
import { majorityVote } from './strategies/majority-vote.js';
import { mcts } from './strategies/mcts.js';
import { particleFiltering } from './strategies/particle-filtering.js';
import { rebase } from './strategies/rebase.js';
import { weightedVote } from './strategies/weighted-vote.js';

/** Every strategy that searches by itself (compute_optimal chooses among these). */
export const baseStrategies = [
  bestOfN,
  majorityVote,
  weightedVote,
  beamSearch,
  earlyRejection,
  dvts,
  particleFiltering,
  rebase,
  mcts,
] as const;
