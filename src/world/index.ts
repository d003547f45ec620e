/** The reference world: a real OpenAI-compatible server over synthetic problems with known truth. */

export { continueSolution, errorProbability, scoreTokens, skillOf } from './policy-model.js';
export { problemSample } from './problem-samples.js';
export { findProblem, generateProblem, type WorldProblem } from './problems.js';
export { judgeSteps } from './step-truth.js';
export { createWorldApp, type WorldStats } from './world-app.js';
export { type FaultConfig, FaultConfigSchema, type WorldConfig, WorldConfigSchema } from './world-config.js';
export { tokenId, tokenize } from './world-tokenizer.js';
