import { describe, expect, it } from 'vitest';
import { ModelEndpointSchema } from '../core/model-endpoint.js';
import { DEFAULT_WORKER_CEILINGS, modelsWithin } from './worker-ceilings.js';

describe('modelsWithin', () => {
  const endpoint: { base_url: string; model: string; max_concurrency?: number } = {
    base_url: 'http://127.0.0.1:8000/v1',
    model: 'prm',
  };
  const schemaDefault = ModelEndpointSchema.parse(endpoint).max_concurrency;

  it("gives an endpoint without max_concurrency the endpoint schema's default, under a ceiling above it", () => {
    const ceilings = { ...DEFAULT_WORKER_CEILINGS, maxEndpointConcurrency: schemaDefault + 10 };
    expect(modelsWithin({ prm: endpoint }, ceilings).prm?.max_concurrency).toBe(schemaDefault);
  });

  it('clamps the default and a stated value to the ceiling, and never raises a value', () => {
    const ceilings = { ...DEFAULT_WORKER_CEILINGS, maxEndpointConcurrency: 3 };
    const models = modelsWithin(
      {
        implicit: endpoint,
        greedy: { ...endpoint, max_concurrency: 500 },
        modest: { ...endpoint, max_concurrency: 2 },
      },
      ceilings,
    );
    expect([
      models.implicit.max_concurrency,
      models.greedy.max_concurrency,
      models.modest.max_concurrency,
    ]).toEqual([3, 3, 2]);
  });
});
