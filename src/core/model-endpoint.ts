import { z } from 'zod';

/**
 * One model endpoint named in a spec's `models:` section (any OpenAI-compatible server: vLLM,
 * SGLang, llama.cpp, OpenAI, `rewardkit world serve`). Model-backed reward kinds refer to it by
 * name in their options (`options: {model: prm}`); `src/models/` builds the client from it.
 */
export const ModelEndpointSchema = z
  .object({
    /** Base URL including the `/v1` prefix where the server has one: `http://127.0.0.1:8001/v1`. */
    base_url: z.string().url(),
    /** The model name sent in every request's `model` field. */
    model: z.string().min(1),
    /** Name of the environment variable holding the API key (the key itself never sits in a spec). */
    api_key_env: z.string().min(1).optional(),
    /** Requests in flight at once to this endpoint (shared by every component that uses it). */
    max_concurrency: z.number().int().positive().max(4096).default(16),
    /** Requests per minute; unlimited when absent. */
    requests_per_minute: z.number().positive().optional(),
    /** Per-request timeout in seconds. */
    timeout_s: z.number().positive().max(3600).default(60),
    /** Retries of a 429/5xx/network failure (Retry-After honoured), with exponential backoff. */
    max_retries: z.number().int().min(0).max(20).default(4),
    /** Prices in the user's currency per million tokens, for the run's cost accounting. */
    price_per_million_prompt_tokens: z.number().min(0).optional(),
    price_per_million_completion_tokens: z.number().min(0).optional(),
  })
  .strict();

export type ModelEndpoint = z.output<typeof ModelEndpointSchema>;
export type ModelEndpointInput = z.input<typeof ModelEndpointSchema>;

export const ModelEndpointsSchema = z.record(z.string().regex(/^[A-Za-z0-9_.-]+$/), ModelEndpointSchema);
