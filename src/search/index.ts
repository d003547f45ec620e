/** Reward-guided test-time search: one strategy per file, one signature, a registry by name. */

export { finalAnswer, groupAnswers } from './answer-groups.js';
export { cancellablePolicy, searchCancelled } from './cancellable.js';
export { ComputeLedger, type TokenPrices } from './compute-ledger.js';
export { DEFAULT_POLICY_TEMPLATE, EndpointPolicy, type EndpointPolicyOptions } from './endpoint-policy.js';
export { endpointPolicyOf, type PolicySettings, PolicySettingsSchema } from './policy-settings.js';
export { searchStrategies } from './registry.js';
export {
  errorRunLine,
  lineSummary,
  runSearchProblems,
  type SearchLineHead,
  type SearchRunLine,
  type SearchRunPlan,
  type SearchUnit,
  type SearchUnitExecutor,
  unitKey,
} from './run-problems.js';
export { readRunLines, readRunsForResume } from './runs-file.js';
export { searchReportHtml } from './search-report.js';
export { createSearchServer, type SearchServerLimits } from './search-server.js';
export { type FinalSelection, FinalSelectionSchema, selectFinal } from './select-final.js';
export { prefixOf, STEP_SEPARATOR, solutionText, splitSteps } from './solution-text.js';
export { SpecVerifier } from './spec-verifier.js';
export {
  type ComputeOptimalTable,
  ComputeOptimalTableSchema,
  type DevOutcome,
  fitComputeOptimal,
} from './strategies/compute-optimal.js';
export { type CurvePoint, summarizeRuns } from './summarize-runs.js';
export type {
  Candidate,
  ComputeTotals,
  Continuation,
  ContinueRequest,
  Policy,
  SearchContext,
  SearchNode,
  SearchProblem,
  SearchResult,
  SearchStrategy,
  StepVerifier,
} from './types.js';
