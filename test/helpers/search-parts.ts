import { parseSpec } from '../../src/core/spec.js';
import { endpointApis } from '../../src/models/index.js';
import { DEFAULT_POLICY_TEMPLATE, EndpointPolicy } from '../../src/search/index.js';

/** The endpoint fields the search tests vary; the rest are the tests' common settings. */
export interface TestPolicyEndpoint {
  base_url: string;
  model: string;
  timeout_s: number;
  max_retries: number;
}

/**
 * A policy sampling an OpenAI-compatible endpoint as the search tests do: at most 16 requests to
 * the endpoint, 8 in flight from the policy, no batching, temperature 0.8, the default template.
 */
export function testPolicy(
  endpoint: TestPolicyEndpoint,
  sampling: { api?: 'completions' | 'chat'; maxTokens: number },
): EndpointPolicy {
  const apis = endpointApis(
    { ...endpoint, max_concurrency: 16 },
    { concurrency: 8, allowUnsandboxed: false },
    { max_batch: 1, max_wait_ms: 0 },
  );
  return new EndpointPolicy(apis, {
    api: sampling.api ?? 'completions',
    template: DEFAULT_POLICY_TEMPLATE,
    temperature: 0.8,
    maxTokens: sampling.maxTokens,
    topP: 1,
  });
}

/** A one-component spec scoring steps with the scripted endpoint's PRM (no retries). */
export function scriptedPrmSpec(baseUrl: string) {
  return parseSpec({
    name: 'scripted-prm',
    models: { prm: { base_url: baseUrl, model: 'scripted-prm', max_retries: 0 } },
    rewards: [{ name: 'prm', type: 'prm', options: { model: 'prm' } }],
  });
}
