import pLimit, { type LimitFunction } from 'p-limit';
import type { ModelEndpoint } from '../core/model-endpoint.js';
import { type ModelRoute, routeUrl } from './endpoint-routes.js';
import { HttpTimeoutError, HttpTransport } from './http-transport.js';
import { clip, ModelRequestError } from './model-request-error.js';
import { RequestPacer } from './request-pacer.js';
import { ResponseCache, requestHash } from './response-cache.js';
import { RETRYABLE_STATUSES, retryDelayMs, sleep } from './retry-policy.js';
import { type EndpointUsage, UsageMeter } from './usage-meter.js';

export interface PostOptions {
  /** Aborts waiting, retrying and the request in flight (the run's deadline or cancellation). */
  signal?: AbortSignal | undefined;
  /** Whether the response may be served from / stored in the response cache. */
  cacheable?: boolean;
}

export interface ModelClientOptions {
  /** The endpoint's name in the spec (`models: {prm: ...}`), for messages and accounting. */
  name: string;
  endpoint: ModelEndpoint;
  cache?: ResponseCache;
  /** Retry backoff, for tests that must not wait seconds. */
  backoff?: { baseMs?: number; maxMs?: number };
}

/**
 * One client per endpoint for every OpenAI-compatible server (vLLM, SGLang, OpenAI, the world).
 * Each request waits for a slot under the endpoint's `max_concurrency` and its
 * `requests_per_minute` pace, is retried on 429/5xx/network failures/timeouts/unreadable JSON
 * with exponential backoff honouring `Retry-After`, is answered from the response cache when the
 * same request was already answered, and is counted (requests, tokens, latency, cost).
 */
export class ModelClient {
  readonly name: string;
  readonly endpoint: ModelEndpoint;
  readonly cache: ResponseCache;
  readonly #limit: LimitFunction;
  readonly #pacer: RequestPacer;
  readonly #meter: UsageMeter;
  readonly #backoff: { baseMs?: number; maxMs?: number };
  readonly #transport: HttpTransport;
  /** Each parsed reply's JSON text, which the response cache keeps instead of the objects. */
  readonly #replyTexts = new WeakMap<object, string>();

  constructor(options: ModelClientOptions) {
    this.name = options.name;
    this.endpoint = options.endpoint;
    this.cache = options.cache ?? new ResponseCache();
    this.#limit = pLimit(options.endpoint.max_concurrency);
    this.#pacer = new RequestPacer(options.endpoint.requests_per_minute);
    this.#meter = new UsageMeter(options.name, options.endpoint.model, {
      prompt: options.endpoint.price_per_million_prompt_tokens,
      completion: options.endpoint.price_per_million_completion_tokens,
    });
    this.#backoff = options.backoff ?? {};
    this.#transport = new HttpTransport(options.endpoint.max_concurrency);
  }

  /** Counts an answer served from the cache by a caller that looked it up itself. */
  countCacheHit(): void {
    this.#meter.recordCacheHit();
  }

  usage(): EndpointUsage {
    return this.#meter.snapshot();
  }

  /** Requests in flight now (never more than the endpoint's max_concurrency). */
  get inFlight(): number {
    return this.#limit.activeCount;
  }

  /** Requests waiting for a slot plus those in flight. */
  get pending(): number {
    return this.#limit.activeCount + this.#limit.pendingCount;
  }

  /** POSTs `body` (with the endpoint's `model` filled in) to a route and returns the parsed JSON. */
  async post(
    route: ModelRoute | { path: string },
    body: Record<string, unknown>,
    options: PostOptions = {},
  ): Promise<unknown> {
    const url = routeUrl(this.endpoint.base_url, route);
    const request = { model: this.endpoint.model, ...body };
    if (options.cacheable === false) return this.#send(url, request, options.signal);
    const { value, hit } = await this.cache.getOrFetch(
      requestHash(url, request),
      () => this.#send(url, request, options.signal),
      (reply) => (typeof reply === 'object' && reply !== null ? this.#replyTexts.get(reply) : undefined),
    );
    if (hit) this.#meter.recordCacheHit();
    return value;
  }

  /** GETs a route (used by the start-up probe); one attempt, no retries, no cache. */
  async get(route: ModelRoute, signal?: AbortSignal): Promise<{ status: number; text: string }> {
    const response = await fetch(routeUrl(this.endpoint.base_url, route), {
      headers: this.#headers(),
      signal: signal ?? AbortSignal.timeout(this.endpoint.timeout_s * 1000),
    });
    return { status: response.status, text: await response.text() };
  }

  async #send(
    url: string,
    request: Record<string, unknown>,
    signal: AbortSignal | undefined,
  ): Promise<unknown> {
    const payload = JSON.stringify(request);
    const maxAttempts = this.endpoint.max_retries + 1;
    let last: ModelRequestError | undefined;
    for (let attempt = 0; attempt < maxAttempts; attempt += 1) {
      if (signal?.aborted) throw this.#aborted(attempt);
      const outcome = await this.#limit(() => this.#attempt(url, payload, signal, attempt + 1));
      if ('value' in outcome) return outcome.value;
      last = outcome.error;
      if (!outcome.retry || attempt + 1 >= maxAttempts) break;
      this.#meter.recordRetry();
      try {
        await sleep(retryDelayMs(attempt, outcome.retryAfter, this.#backoff), signal);
      } catch {
        throw this.#aborted(attempt + 1);
      }
    }
    throw last ?? this.#aborted(0);
  }

  async #attempt(
    url: string,
    payload: string,
    signal: AbortSignal | undefined,
    attempts: number,
  ): Promise<{ value: unknown } | { error: ModelRequestError; retry: boolean; retryAfter: string | null }> {
    try {
      await this.#pacer.wait(signal);
    } catch {
      return { error: this.#aborted(attempts), retry: false, retryAfter: null };
    }
    const started = performance.now();
    const seconds = (): number => (performance.now() - started) / 1000;
    const context = { endpoint: `${this.name} (${url})`, attempts };
    let status: number;
    let text: string;
    let retryAfter: string | null;
    try {
      ({ status, retryAfter, text } = await this.#transport.post(
        url,
        payload,
        { 'content-type': 'application/json', ...this.#headers() },
        { timeoutMs: this.endpoint.timeout_s * 1000, signal },
      ));
    } catch (cause) {
      this.#meter.recordFailure(seconds());
      if (signal?.aborted) return { error: this.#aborted(attempts), retry: false, retryAfter: null };
      if (cause instanceof HttpTimeoutError) {
        const error = new ModelRequestError(
          'timeout',
          `${this.name}: no answer within ${this.endpoint.timeout_s} s (attempt ${attempts})`,
          context,
        );
        return { error, retry: true, retryAfter: null };
      }
      const reason = describeNetworkError(cause);
      const error = new ModelRequestError('unreachable', `${this.name}: cannot reach ${url}: ${reason}`, {
        ...context,
        cause,
      });
      return { error, retry: true, retryAfter: null };
    }
    if (status < 200 || status >= 300) {
      this.#meter.recordFailure(seconds());
      const error = new ModelRequestError(
        'http',
        `${this.name}: HTTP ${status} from ${url}: ${clip(text, 300)}`,
        {
          ...context,
          status,
          rawReply: clip(text),
        },
      );
      return { error, retry: RETRYABLE_STATUSES.has(status), retryAfter };
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      this.#meter.recordFailure(seconds());
      const error = new ModelRequestError(
        'malformed',
        `${this.name}: the reply from ${url} is not valid JSON (${text.length} bytes)`,
        { ...context, status, rawReply: clip(text) },
      );
      return { error, retry: true, retryAfter: null };
    }
    this.#meter.recordSent(seconds(), (value as { usage?: unknown } | null)?.usage);
    if (typeof value === 'object' && value !== null) this.#replyTexts.set(value, text);
    return { value };
  }

  #aborted(attempts: number): ModelRequestError {
    return new ModelRequestError('aborted', `${this.name}: cancelled (deadline passed or run stopped)`, {
      endpoint: this.name,
      attempts,
    });
  }

  #headers(): Record<string, string> {
    const variable = this.endpoint.api_key_env;
    const key = variable === undefined ? undefined : process.env[variable];
    return key === undefined || key === '' ? {} : { authorization: `Bearer ${key}` };
  }
}

/** The useful part of a fetch failure: the system error code (ECONNREFUSED ...) when there is one. */
export function describeNetworkError(cause: unknown): string {
  type Failure = { code?: string; message?: string; errors?: { code?: string }[] };
  // fetch wraps the socket's error in `cause`; Node's http client rejects with it directly.
  const direct = cause as Failure & { cause?: Failure };
  const inner = direct?.code !== undefined || direct?.errors !== undefined ? direct : direct?.cause;
  const code = inner?.code ?? inner?.errors?.find((error) => error.code !== undefined)?.code;
  if (code !== undefined) return code;
  return inner?.message ?? (cause instanceof Error ? cause.message : String(cause));
}
