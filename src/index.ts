/**
 * rewardkit as a library. Feature entry points are separate so that a trainer that imports the
 * advantage estimators does not load the server: `rewardkit/advantages`, `rewardkit/math` ...
 */

export * as advantages from './advantages/index.js';
export {
  type GetRewardRequest,
  type GetRewardResponse,
  RewardKitClient,
  type RewardKitClientOptions,
  RewardKitHttpError,
  type ScoreResponse,
  type ScoreSummary,
  type SpecsResponse,
} from './client/rewardkit-client.js';
export * from './core/combine.js';
export * from './core/errors.js';
export * from './core/registry.js';
export * from './core/result.js';
export * from './core/reward-kind.js';
export * from './core/sample.js';
export * from './core/spec.js';
export {
  composeBackend,
  type EngineBackend,
  type EngineSettings,
} from './engine/backends/compose-backend.js';
export { applyBatchStage, applyBatchStageToInputs, needsBatchStage } from './engine/batch-stage.js';
export { Pipeline, validateSample } from './engine/pipeline.js';
export { InProcessBackend, type ScoreRequest, type ScoringBackend } from './engine/scoring-backend.js';
export { ThreadPoolBackend, type ThreadPoolOptions } from './engine/thread-pool-backend.js';
export { validateSpec } from './engine/validate-spec.js';
export { type JsonlRecord, readJsonlBatches, readJsonlFile } from './io/jsonl-reader.js';
export { JsonlWriter } from './io/jsonl-writer.js';
export * as math from './math/index.js';
export * as mdp from './mdp/index.js';
export * as processRewards from './process/index.js';
export { rewardKinds } from './rewards/index.js';
export * as sandbox from './sandbox/index.js';
export { segmenters } from './steps/index.js';
export { RunStore, runKeyOf } from './store/run-store.js';
