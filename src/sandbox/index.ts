/**
 * The code sandbox: bubblewrap + an unprivileged uid + rlimits, a bounded pool, and on top a
 * trusted test runner that calls the program (in a sandbox of its own) across a process boundary.
 */
export {
  assertSandboxAvailable,
  probeSandbox,
  type SandboxAvailability,
  sandboxAvailability,
} from './availability.js';
export {
  type Clamped,
  clampToCeilings,
  operatorCeilings,
  type SandboxCeilings,
  SandboxCeilingsSchema,
  setOperatorCeilings,
} from './ceilings.js';
export { cgroupsAvailable } from './cgroups.js';
export { type OutputComparison, OutputComparisonSchema, outputMatches } from './compare-output.js';
export { LANGUAGE_NAMES, type LanguageSpec, languageNamed, languages } from './languages.js';
export { type SandboxLimits, type SandboxLimitsInput, SandboxLimitsSchema } from './limits.js';
export { configureSandboxPool, SandboxPool, sharedSandboxPool } from './pool.js';
export {
  type CodeTestReport,
  type CodeTestRequest,
  type IoCase,
  runCodeTests,
  type TestResult,
} from './run-tests.js';
export { runSandboxed, type SandboxRunOutcome, type SandboxRunRequest } from './sandbox.js';
export { stopTestRunners } from './test-runner-pool.js';
export { TEST_STATUSES, type TestStatus } from './test-status.js';
