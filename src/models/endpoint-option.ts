import { z } from 'zod';
import { SpecError } from '../core/errors.js';
import { type ModelEndpoint, ModelEndpointSchema } from '../core/model-endpoint.js';
import type { KindEnvironment } from '../core/reward-kind.js';
import { ModelApis } from './model-apis.js';
import { ModelClient } from './model-client.js';
import type { ResponseStore } from './response-cache.js';
import type { EndpointUsage } from './usage-meter.js';

/**
 * How a model kind names its endpoint: the name of an entry of the spec's `models:` section
 * (`model: prm`), or an inline endpoint (`model: {base_url: ..., model: ...}`).
 */
export const EndpointOptionSchema = z.union([z.string().min(1), ModelEndpointSchema]);
export type EndpointOption = z.output<typeof EndpointOptionSchema>;

/** Micro-batching of list-taking APIs, per kind entry. */
export const BatchingOptionSchema = z
  .object({
    max_batch: z.number().int().min(1).max(4096).default(32),
    max_wait_ms: z.number().min(0).max(10_000).default(5),
  })
  .strict()
  .default({ max_batch: 32, max_wait_ms: 5 });

const shared = new Map<string, ModelApis>();

/**
 * The endpoint a kind's option names, resolved against the spec's `models:` section. A missing
 * name or a missing API-key variable is a spec error, raised when the spec is compiled.
 */
export function resolveEndpoint(
  option: EndpointOption,
  environment: KindEnvironment,
): { name: string; endpoint: ModelEndpoint } {
  let resolved: { name: string; endpoint: ModelEndpoint };
  if (typeof option === 'string') {
    const models = environment.models ?? {};
    const endpoint = models[option];
    if (endpoint === undefined) {
      const known = Object.keys(models);
      throw new SpecError(
        `no model endpoint named '${option}' in the spec's models: section${known.length > 0 ? ` (known: ${known.join(', ')})` : ' (it has none)'}`,
        {
          where: 'options.model',
          hint: `add models: {${option}: {base_url: ..., model: ...}} or give the endpoint inline`,
        },
      );
    }
    resolved = { name: option, endpoint };
  } else {
    resolved = { name: option.model, endpoint: option };
  }
  const variable = resolved.endpoint.api_key_env;
  if (variable !== undefined && (process.env[variable] ?? '') === '') {
    throw new SpecError(
      `model endpoint '${resolved.name}' reads its API key from ${variable}, which is not set`,
      {
        where: 'options.model',
      },
    );
  }
  return resolved;
}

/**
 * The process-wide APIs of an endpoint: every component (and every kind entry) naming the same
 * endpoint shares one client, hence one concurrency limit, one pace, one cache and one meter.
 */
export function endpointApis(
  option: EndpointOption,
  environment: KindEnvironment,
  batching: { max_batch: number; max_wait_ms: number },
): ModelApis {
  const { name, endpoint } = resolveEndpoint(option, environment);
  const key = `${name}|${JSON.stringify(endpoint)}|${batching.max_batch}|${batching.max_wait_ms}`;
  let apis = shared.get(key);
  if (apis === undefined) {
    const client = sharedClient(name, endpoint);
    apis = new ModelApis(client, { maxBatch: batching.max_batch, maxWaitMs: batching.max_wait_ms });
    shared.set(key, apis);
  }
  return apis;
}

const clients = new Map<string, ModelClient>();

function sharedClient(name: string, endpoint: ModelEndpoint): ModelClient {
  const key = `${name}|${JSON.stringify(endpoint)}`;
  let client = clients.get(key);
  if (client === undefined) {
    client = new ModelClient({ name, endpoint });
    if (responseStore !== undefined) client.cache.store = responseStore;
    clients.set(key, client);
  }
  return client;
}

let responseStore: ResponseStore | undefined;

/** Installs the persistent response store (the engine's SQLite/Redis store) for every client. */
export function setResponseStore(store: ResponseStore | undefined): void {
  responseStore = store;
  for (const client of clients.values()) client.cache.store = store;
}

/** Usage of every endpoint this process talked to, for the run summary and `/metrics`. */
export function modelUsage(): EndpointUsage[] {
  return [...clients.values()].map((client) => client.usage());
}

/** Every endpoint client of this process (benchmarks watch their requests in flight). */
export function modelClients(): readonly ModelClient[] {
  return [...clients.values()];
}

/** Batching figures of every endpoint (batches sent, inputs they held). */
export function batchingStats(): { endpoint: string; batches: number; items: number }[] {
  return [...shared.values()].map((apis) => ({ endpoint: apis.client.name, ...apis.batchStats() }));
}

/** Forgets every shared client (tests; a long-lived server reloading its specs). */
export function resetSharedClients(): void {
  shared.clear();
  clients.clear();
}
