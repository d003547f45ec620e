import type { z } from 'zod';
import type { ModelRoute } from './endpoint-routes.js';
import { MicroBatcher } from './micro-batcher.js';
import type { ModelClient } from './model-client.js';
import { clip, ModelRequestError } from './model-request-error.js';
import {
  type ChatCompletion,
  ChatCompletionSchema,
  ClassifyResponseSchema,
  type Completion,
  CompletionSchema,
  EmbeddingsResponseSchema,
  PoolingResponseSchema,
} from './protocol.js';
import { isPlainChatCompletion, isPlainCompletion } from './reply-fast-check.js';
import { stableJson } from './response-cache.js';

export interface BatchingOptions {
  /** Most inputs in one request to a list-taking API (1 sends every input alone). */
  maxBatch: number;
  /** How long the first input of a batch waits for company, in milliseconds. */
  maxWaitMs: number;
}

type Route = ModelRoute | { path: string };

interface BatchItem {
  input: unknown;
  signal: AbortSignal | undefined;
}

/** Validates a reply against its schema; a mismatch is an unparseable reply carrying the raw JSON. */
export function parseReply<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  what: string,
  endpoint: string,
): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue === undefined ? '' : issue.path.join('.');
  throw new ModelRequestError(
    'malformed',
    `${endpoint}: the ${what} reply does not have the expected shape${path ? ` at '${path}'` : ''}: ${issue?.message ?? ''}`,
    {
      endpoint,
      rawReply: clip(JSON.stringify(value) ?? String(value)),
      attempts: 1,
    },
  );
}

/**
 * The typed APIs of one endpoint on top of its client. List-taking APIs (classify, pooling,
 * embeddings) micro-batch inputs sent at about the same time into one request; each input is
 * cached on its own (as if sent alone), so a rerun hits the cache whatever batches form.
 */
export class ModelApis {
  readonly client: ModelClient;
  readonly #batchers = new Map<string, MicroBatcher<BatchItem, unknown>>();
  readonly #batching: BatchingOptions;

  constructor(client: ModelClient, batching: BatchingOptions) {
    this.client = client;
    this.#batching = batching;
  }

  /** One classify result (`probs`) per input; vLLM `/classify` or SGLang `/v1/classify`. */
  async classify(
    route: Route,
    input: string,
    params: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<{ probs: number[]; label?: unknown }> {
    return (await this.#batched('classify', route, input, params, signal, (value, count) => {
      const reply = parseReply(ClassifyResponseSchema, value, 'classify', this.client.name);
      return byIndex(reply.data, count, this.client.name, 'classify', value);
    })) as { probs: number[] };
  }

  /** One pooling output per input (rows per pooled token, or a flat vector); vLLM `/pooling`. */
  async pool(
    input: string | readonly { role: string; content: string }[],
    params: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<number[][] | number[]> {
    const decode = (value: unknown, count: number) => {
      const reply = parseReply(PoolingResponseSchema, value, 'pooling', this.client.name);
      return byIndex(reply.data, count, this.client.name, 'pooling', value).map((entry) => entry.data);
    };
    if (typeof input !== 'string') {
      const value = await this.client.post('pooling', { ...params, messages: input }, { signal });
      return decode(value, 1)[0] as number[][] | number[];
    }
    return (await this.#batched('pooling', 'pooling', input, params, signal, decode)) as
      | number[][]
      | number[];
  }

  /** One embedding per input; OpenAI-style `/v1/embeddings` (SGLang reward models). */
  async embed(input: string, params: Record<string, unknown>, signal?: AbortSignal): Promise<number[]> {
    return (await this.#batched('embeddings', 'embeddings', input, params, signal, (value, count) => {
      const reply = parseReply(EmbeddingsResponseSchema, value, 'embeddings', this.client.name);
      return byIndex(reply.data, count, this.client.name, 'embeddings', value).map(
        (entry) => entry.embedding,
      );
    })) as number[];
  }

  async chat(body: Record<string, unknown>, signal?: AbortSignal): Promise<ChatCompletion> {
    const value = await this.client.post('chat', body, { signal, cacheable: isReproducible(body) });
    if (isPlainChatCompletion(value)) return value;
    return parseReply(ChatCompletionSchema, value, 'chat completion', this.client.name);
  }

  async completions(body: Record<string, unknown>, signal?: AbortSignal): Promise<Completion> {
    const value = await this.client.post('completions', body, { signal, cacheable: isReproducible(body) });
    if (isPlainCompletion(value)) return value;
    return parseReply(CompletionSchema, value, 'completion', this.client.name);
  }

  #batched(
    api: string,
    route: Route,
    input: unknown,
    params: Record<string, unknown>,
    signal: AbortSignal | undefined,
    decode: (value: unknown, count: number) => unknown[],
  ): Promise<unknown> {
    const groupKey = `${api}|${stableJson(route)}|${stableJson(params)}`;
    let batcher = this.#batchers.get(groupKey);
    if (batcher === undefined) {
      batcher = new MicroBatcher<BatchItem, unknown>(async (_key, items) => {
        const cache = this.client.cache;
        const keys = items.map((item) => this.#itemKey(route, params, item.input));
        // Inputs answered before (alone or in another batch) are not sent again.
        const answers = await Promise.all(keys.map((key) => cache.peek(key)));
        const missing = items.filter((_item, index) => answers[index] === undefined);
        for (let hit = missing.length; hit < items.length; hit += 1) this.client.countCacheHit();
        if (missing.length > 0) {
          const first = missing[0]?.signal;
          const value = await this.client.post(
            route,
            {
              ...params,
              input: missing.length === 1 ? missing[0]?.input : missing.map((item) => item.input),
            },
            { signal: missing.length === 1 ? first : undefined, cacheable: false },
          );
          const decoded = decode(value, missing.length);
          let next = 0;
          keys.forEach((key, index) => {
            if (answers[index] !== undefined) return;
            const answer = decoded[next++];
            answers[index] = { value: answer };
            cache.put(key, answer);
          });
        }
        return answers.map((answer) => (answer as { value: unknown }).value);
      }, this.#batching);
      this.#batchers.set(groupKey, batcher);
    }
    return batcher.submit(groupKey, { input, signal });
  }

  #itemKey(route: Route, params: Record<string, unknown>, input: unknown): string {
    return `${this.client.endpoint.base_url}|${stableJson(route)}|${this.client.endpoint.model}|${stableJson({ ...params, input })}`;
  }

  /** Batches sent and inputs they held, across every list-taking API of this endpoint. */
  batchStats(): { batches: number; items: number } {
    let batches = 0;
    let items = 0;
    for (const batcher of this.#batchers.values()) {
      batches += batcher.stats.batches;
      items += batcher.stats.items;
    }
    return { batches, items };
  }
}

function byIndex<Entry extends { index: number }>(
  entries: readonly Entry[],
  count: number,
  endpoint: string,
  what: string,
  raw: unknown,
): Entry[] {
  const ordered: Entry[] = [];
  for (const entry of entries) ordered[entry.index] = entry;
  if (entries.length !== count || ordered.length !== count || ordered.some((entry) => entry === undefined)) {
    throw new ModelRequestError(
      'malformed',
      `${endpoint}: ${count} input(s) sent to ${what}, ${entries.length} answer(s) came back`,
      {
        endpoint,
        rawReply: clip(JSON.stringify(raw)),
        attempts: 1,
      },
    );
  }
  return ordered;
}

/** A sampled request is reproducible (cacheable) at temperature 0 or with a fixed seed. */
export function isReproducible(body: Record<string, unknown>): boolean {
  return body['temperature'] === 0 || typeof body['seed'] === 'number';
}
