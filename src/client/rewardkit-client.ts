import { ERROR_CODES, type ErrorCode, type ErrorInfo, RewardKitError } from '../core/errors.js';
import type { RewardResult } from '../core/result.js';
import type { BatchSummary } from '../server/batch-summary.js';
import type { SampleInput } from './sample-input.js';

/** The `summary` of a `/v1/score` answer (the server's own type; a type-only import). */
export type ScoreSummary = BatchSummary;

export interface ScoreResponse {
  results: RewardResult[];
  summary: ScoreSummary;
}

export interface GetRewardRequest {
  query: string[];
  prompts?: string[];
  /** One label per query: an answer, a list of accepted answers, or null. */
  labels?: (string | number | (string | number)[] | null)[];
  /** A spec name; the server's default spec when absent. */
  spec?: string;
}

/** One number per query in every list (see docs/server.md, `/get_reward`). */
export interface GetRewardResponse {
  rewards: number[];
  /** The correctness component's score in [0, 1] (OpenRLHF's dynamic filtering reads it). */
  scores: number[];
  extra_logs: Record<string, number[]>;
}

export interface SpecsResponse {
  default: string;
  specs: Record<string, unknown>[];
  schema: unknown;
}

export interface RewardKitClientOptions {
  /** e.g. http://127.0.0.1:8000 */
  baseUrl: string;
  apiKey?: string;
  /** Retries of a 429/503 answer, waiting Retry-After seconds each time (default 3). */
  retries?: number;
  /** Per-request time limit in ms (default 120 000). */
  timeoutMs?: number;
  /** Most samples per request: `score` splits bigger batches and merges the answers (default 2048). */
  maxBatchSize?: number;
  fetch?: typeof fetch;
}

/** An error answered by the server: its RK code, message and hint, plus the HTTP status. */
export class RewardKitHttpError extends RewardKitError {
  constructor(
    readonly status: number,
    info: ErrorInfo,
  ) {
    super(info.code, info.message, {
      ...(info.hint === undefined ? {} : { hint: info.hint }),
      ...(info.where === undefined ? {} : { where: info.where }),
    });
  }
}

/**
 * A typed client of `rewardkit serve` using fetch: `score`, `getReward` (the OpenRLHF route),
 * `specs`, `healthy`, `ready`. Overload answers (429/503) are retried after their Retry-After.
 */
export class RewardKitClient {
  readonly #options: Required<Omit<RewardKitClientOptions, 'apiKey'>> & { apiKey?: string };

  constructor(options: RewardKitClientOptions) {
    this.#options = {
      retries: 3,
      timeoutMs: 120_000,
      maxBatchSize: 2048,
      fetch: globalThis.fetch,
      ...options,
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
    };
  }

  /**
   * Scores samples under a named spec, an inline spec object, or the server's default spec.
   * Batches above `maxBatchSize` go as several requests, one after the other; results stay in
   * input order and the summary covers them all.
   */
  async score(
    samples: readonly SampleInput[],
    spec?: string | Record<string, unknown>,
  ): Promise<ScoreResponse> {
    const size = this.#options.maxBatchSize;
    if (samples.length <= size) {
      return this.#request('POST', '/v1/score', spec === undefined ? { samples } : { spec, samples });
    }
    const answers: ScoreResponse[] = [];
    for (let start = 0; start < samples.length; start += size) {
      answers.push(await this.score(samples.slice(start, start + size), spec));
    }
    return { results: answers.flatMap((answer) => answer.results), summary: mergeSummaries(answers) };
  }

  getReward(request: GetRewardRequest): Promise<GetRewardResponse> {
    return this.#request('POST', '/get_reward', request);
  }

  specs(): Promise<SpecsResponse> {
    return this.#request('GET', '/v1/specs');
  }

  async healthy(): Promise<boolean> {
    return this.#probe('/healthz');
  }

  async ready(): Promise<boolean> {
    return this.#probe('/readyz');
  }

  async #probe(path: string): Promise<boolean> {
    try {
      const response = await this.#options.fetch(`${this.#options.baseUrl}${path}`, {
        signal: AbortSignal.timeout(this.#options.timeoutMs),
      });
      await response.arrayBuffer();
      return response.ok;
    } catch {
      return false;
    }
  }

  async #request<Answer>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.#options.apiKey !== undefined) headers['authorization'] = `Bearer ${this.#options.apiKey}`;
    const payload = body === undefined ? undefined : JSON.stringify(body);
    for (let attempt = 0; ; attempt++) {
      const response = await this.#options.fetch(`${this.#options.baseUrl}${path}`, {
        method,
        headers,
        ...(payload === undefined ? {} : { body: payload }),
        signal: AbortSignal.timeout(this.#options.timeoutMs),
      });
      const text = await response.text();
      if (response.ok) return JSON.parse(text) as Answer;
      const retryAfter = Number(response.headers.get('retry-after') ?? '1');
      if ((response.status === 429 || response.status === 503) && attempt < this.#options.retries) {
        await new Promise((resolve) => setTimeout(resolve, Math.max(0.05, retryAfter) * 1000));
        continue;
      }
      throw new RewardKitHttpError(response.status, errorInfoOf(text, response.status));
    }
  }
}

/** The summary of several answers: counts add up, the mean is over every rewarded sample. */
function mergeSummaries(answers: readonly ScoreResponse[]): ScoreSummary {
  const total = (field: 'count' | 'rewarded' | 'null_rewards' | 'errors' | 'undecided_components' | 'ms') =>
    answers.reduce((sum, answer) => sum + answer.summary[field], 0);
  const rewarded = total('rewarded');
  const rewardSum = answers.reduce(
    (sum, answer) => sum + (answer.summary.mean_reward ?? 0) * answer.summary.rewarded,
    0,
  );
  return {
    count: total('count'),
    rewarded,
    null_rewards: total('null_rewards'),
    errors: total('errors'),
    undecided_components: total('undecided_components'),
    mean_reward: rewarded === 0 ? null : rewardSum / rewarded,
    ms: total('ms'),
  };
}

function errorInfoOf(text: string, status: number): ErrorInfo {
  try {
    const parsed = JSON.parse(text) as { error?: ErrorInfo };
    if (parsed.error !== undefined && parsed.error.code in ERROR_CODES) return parsed.error;
  } catch {
    // not JSON: fall through
  }
  const code: ErrorCode = status === 401 ? 'RK_UNAUTHORIZED' : 'RK_INTERNAL';
  return { code, message: `HTTP ${status}: ${text.slice(0, 200)}` };
}
