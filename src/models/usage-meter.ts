/** What one endpoint cost this process: for the run summary and `/metrics`. */
export interface EndpointUsage {
  endpoint: string;
  model: string;
  requests: number;
  /** Requests answered from the response cache (not sent, not paid). */
  cache_hits: number;
  retries: number;
  failures: number;
  prompt_tokens: number;
  completion_tokens: number;
  /** Sum of wall-clock latencies of sent requests, in seconds (retries included). */
  latency_seconds: number;
  /** In the currency of the endpoint's prices; null when the endpoint has no prices. */
  cost: number | null;
}

/** Counts requests, tokens, latency and cost of one endpoint. */
export class UsageMeter {
  readonly #usage: EndpointUsage;
  readonly #promptPrice: number | undefined;
  readonly #completionPrice: number | undefined;

  constructor(
    endpoint: string,
    model: string,
    prices: { prompt?: number | undefined; completion?: number | undefined } = {},
  ) {
    this.#promptPrice = prices.prompt;
    this.#completionPrice = prices.completion;
    this.#usage = {
      endpoint,
      model,
      requests: 0,
      cache_hits: 0,
      retries: 0,
      failures: 0,
      prompt_tokens: 0,
      completion_tokens: 0,
      latency_seconds: 0,
      cost: prices.prompt === undefined && prices.completion === undefined ? null : 0,
    };
  }

  recordSent(seconds: number, usage: unknown): void {
    this.#usage.requests += 1;
    this.#usage.latency_seconds += seconds;
    const tokens = usage as { prompt_tokens?: unknown; completion_tokens?: unknown } | undefined;
    const prompt = typeof tokens?.prompt_tokens === 'number' ? tokens.prompt_tokens : 0;
    const completion = typeof tokens?.completion_tokens === 'number' ? tokens.completion_tokens : 0;
    this.#usage.prompt_tokens += prompt;
    this.#usage.completion_tokens += completion;
    if (this.#usage.cost !== null) {
      this.#usage.cost +=
        (prompt * (this.#promptPrice ?? 0) + completion * (this.#completionPrice ?? 0)) / 1_000_000;
    }
  }

  recordCacheHit(): void {
    this.#usage.cache_hits += 1;
  }

  recordRetry(): void {
    this.#usage.retries += 1;
  }

  recordFailure(seconds: number): void {
    this.#usage.failures += 1;
    this.#usage.latency_seconds += seconds;
  }

  snapshot(): EndpointUsage {
    return { ...this.#usage };
  }
}
