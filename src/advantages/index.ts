/** Advantage estimators: `rewardkit/advantages`, usable without the rest of rewardkit. */
export { type AdvantageOutcome, computeAdvantages } from './compute.js';
export { type AdvantagesConfig, AdvantagesConfigSchema, ESTIMATOR_NAMES } from './config.js';
export type { AdvantageEstimator, AdvantageItem, AdvantageOutput } from './estimator.js';
export { missingInput } from './estimator.js';
export { gaeAdvantages } from './gae.js';
export { grpoAdvantages } from './grpo.js';
export { primeAdvantages } from './prime.js';
export { processGrpoAdvantages } from './process-grpo.js';
export { advantageEstimators } from './registry.js';
export { reinforcePlusPlusAdvantages, reinforcePlusPlusBaselineAdvantages } from './reinforce-plus-plus.js';
export { remaxAdvantages } from './remax.js';
export { rlooAdvantages } from './rloo.js';
export { mean, std, whiten } from './stats.js';
export { expandStepsToTokens } from './token-expansion.js';
