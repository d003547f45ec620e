/** The process stage: steps -> outcome, credit assignment, shaping, transforms. */
export { type AggregateMode, AggregateModeSchema, aggregateSteps } from './aggregate.js';
export { applyProcess, type ProcessInput, type ProcessOutput } from './apply-process.js';
export { type ProcessConfig, ProcessConfigSchema, ShapingSchema } from './config.js';
export { hybridNormalize } from './hybrid-normalization.js';
export { LengthShapingSchema, lengthShapedRewards } from './length-shaping.js';
export { discountedReturns, minFormReturns } from './returns.js';
export { addShaping, potentialShaping, potentialsFromStepValues } from './shaping.js';
export { clipRewards, deltaRewards, progressRewards } from './step-rewards.js';
export { applyTransform, type Transform, TransformSchema } from './transforms.js';
