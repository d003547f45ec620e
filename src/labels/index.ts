/** Automatic step labels by Monte Carlo rollouts: Math-Shepherd, OmegaPRM, progress. */

export {
  type LabelFormat,
  type LabelRunLine,
  type LabelRunPlan,
  type LabelUnit,
  type LabelUnitExecutor,
  runLabelProblems,
} from './label-problems.js';
export { mathShepherdLine, trlStepwiseLine } from './output-formats.js';
export { labelMethods } from './registry.js';
export { rolloutSuccess } from './rollout-success.js';
export type { LabelContext, LabelMethod, LabelProblem, LabelResult, StepLabel } from './types.js';
