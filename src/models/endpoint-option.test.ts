import { afterEach, describe, expect, it } from 'vitest';
import { ModelEndpointSchema } from '../core/model-endpoint.js';
import { endpointApis, resetSharedClients, resolveEndpoint } from './endpoint-option.js';

const environment = (models: Record<string, unknown>) => ({
  concurrency: 8,
  allowUnsandboxed: false,
  models: Object.fromEntries(
    Object.entries(models).map(([name, endpoint]) => [name, ModelEndpointSchema.parse(endpoint)]),
  ),
});

afterEach(() => {
  resetSharedClients();
  delete process.env['RK_TEST_MODEL_KEY'];
});

describe('endpoint options', () => {
  const prm = { base_url: 'http://127.0.0.1:8001/v1', model: 'Qwen/Qwen2.5-Math-PRM-7B' };

  it("resolves a name from the spec's models: section and an inline endpoint", () => {
    expect(resolveEndpoint('prm', environment({ prm })).endpoint.model).toBe('Qwen/Qwen2.5-Math-PRM-7B');
    expect(resolveEndpoint(ModelEndpointSchema.parse(prm), environment({})).name).toBe(
      'Qwen/Qwen2.5-Math-PRM-7B',
    );
  });

  it('names the known endpoints when the name is missing', () => {
    expect(() => resolveEndpoint('judge', environment({ prm }))).toThrow(
      "no model endpoint named 'judge' in the spec's models: section (known: prm)",
    );
  });

  it('refuses at compile time an endpoint whose API-key variable is not set', () => {
    const keyed = { ...prm, api_key_env: 'RK_TEST_MODEL_KEY' };
    expect(() => resolveEndpoint('prm', environment({ prm: keyed }))).toThrow(
      /RK_TEST_MODEL_KEY, which is not set/,
    );
    process.env['RK_TEST_MODEL_KEY'] = 'secret';
    expect(resolveEndpoint('prm', environment({ prm: keyed })).name).toBe('prm');
  });

  it('shares one client (one limit, cache and meter) between components naming the same endpoint', () => {
    const batching = { max_batch: 32, max_wait_ms: 5 };
    const first = endpointApis('prm', environment({ prm }), batching);
    const second = endpointApis('prm', environment({ prm }), { max_batch: 1, max_wait_ms: 0 });
    expect(second.client).toBe(first.client);
  });
});
