/**
 * rewardkit as a library. Feature entry points are separate so that a trainer that imports the
 * advantage estimators does not load the server: `rewardkit/advantages`, `rewardkit/math` ...
 */

export * from './core/combine.js';
export * from './core/errors.js';
export * from './core/registry.js';
export * from './core/result.js';
export * from './core/reward-kind.js';
export * from './core/sample.js';
export * from './core/spec.js';
export { Pipeline, validateSample } from './engine/pipeline.js';
export { rewardKinds } from './rewards/index.js';
export { segmenters } from './steps/index.js';
