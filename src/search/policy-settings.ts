import { z } from 'zod';
import { ModelEndpointSchema } from '../core/model-endpoint.js';
import { endpointApis } from '../models/index.js';
import { EndpointPolicy } from './endpoint-policy.js';

/**
 * A policy as plain data: the endpoint and how to sample it. What `--policy` and its flags come
 * to, and what a search or label job carries to a `rewardkit worker` (the API key stays on the
 * worker: only the name of its environment variable travels).
 */
export const PolicySettingsSchema = z
  .object({
    endpoint: ModelEndpointSchema,
    api: z.enum(['completions', 'chat']),
    template: z.string(),
    temperature: z.number().min(0),
    maxTokens: z.number().int().positive(),
    topP: z.number().gt(0).max(1),
  })
  .strict();

export type PolicySettings = z.output<typeof PolicySettingsSchema>;

/** The policy the settings describe (clients are shared per endpoint within the process). */
export function endpointPolicyOf(settings: PolicySettings): EndpointPolicy {
  const { endpoint, ...sampling } = settings;
  const apis = endpointApis(
    endpoint,
    { concurrency: endpoint.max_concurrency, allowUnsandboxed: false },
    { max_batch: 1, max_wait_ms: 0 },
  );
  return new EndpointPolicy(apis, sampling);
}
