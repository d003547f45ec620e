/** The OpenAI-compatible model client: chat, completions, logprobs, vLLM pooling and classify, SGLang. */
export {
  BatchingOptionSchema,
  batchingStats,
  type EndpointOption,
  EndpointOptionSchema,
  endpointApis,
  modelClients,
  modelUsage,
  resetSharedClients,
  resolveEndpoint,
  setResponseStore,
} from './endpoint-option.js';
export { type ModelRoute, rootUrlOf, routeUrl } from './endpoint-routes.js';
export { MicroBatcher } from './micro-batcher.js';
export { type BatchingOptions, isReproducible, ModelApis, parseReply } from './model-apis.js';
export { ModelClient, type ModelClientOptions, type PostOptions } from './model-client.js';
export { cannotAsk, decided, explained, failedCall, unreadableReply } from './model-kind-results.js';
export { registerModelMetrics } from './model-metrics.js';
export { clip, type ModelFailure, ModelRequestError } from './model-request-error.js';
export { probeEndpoints } from './probe-endpoints.js';
export * from './protocol.js';
export { compileReplyPattern, type ReplyPattern } from './reply-pattern.js';
export { RequestPacer } from './request-pacer.js';
export { ResponseCache, type ResponseStore, requestHash, stableJson } from './response-cache.js';
export { parseRetryAfter, retryDelayMs } from './retry-policy.js';
export { conversationOf, fillTemplate, questionOf } from './sample-text.js';
export { activationField, type ServerQuirks, ServerQuirksSchema } from './server-quirks.js';
export { type EndpointUsage, UsageMeter } from './usage-meter.js';
