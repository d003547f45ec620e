import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { RewardResult } from '../core/result.js';
import type { CacheOutcome } from '../store/caching-backend.js';

/** Prometheus metrics of one server (a registry per app, so that several apps can live in one process). */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'rewardkit_http_requests_total',
    help: 'HTTP requests answered, by route and status',
    labelNames: ['route', 'status'] as const,
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'rewardkit_http_request_duration_seconds',
    help: 'Time from request to answer, by route',
    labelNames: ['route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });
  readonly samples = new Counter({
    name: 'rewardkit_samples_scored_total',
    help: 'Samples scored (cache hits included)',
    registers: [this.registry],
  });
  readonly batchSize = new Histogram({
    name: 'rewardkit_batch_size',
    help: 'Samples per scoring request',
    buckets: [1, 4, 16, 64, 256, 1024, 4096],
    registers: [this.registry],
  });
  readonly httpErrors = new Counter({
    name: 'rewardkit_http_errors_total',
    help: 'Requests refused or failed, by RK error code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  readonly sampleErrors = new Counter({
    name: 'rewardkit_sample_errors_total',
    help: 'Samples or components that could not be decided, by RK error code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  readonly inFlightSamples = new Gauge({
    name: 'rewardkit_in_flight_samples',
    help: 'Samples being scored now',
    registers: [this.registry],
  });
  readonly inFlightRequests = new Gauge({
    name: 'rewardkit_in_flight_requests',
    help: 'Scoring requests being served now',
    registers: [this.registry],
  });
  readonly queueDepth = new Gauge({
    name: 'rewardkit_queue_depth',
    help: 'Work waiting to be scored: samples in flight here, or jobs waiting and active in Redis',
    registers: [this.registry],
  });
  readonly cacheHits = new Counter({
    name: 'rewardkit_cache_hits_total',
    help: 'Samples answered from the result cache',
    registers: [this.registry],
  });
  readonly cacheMisses = new Counter({
    name: 'rewardkit_cache_misses_total',
    help: 'Samples not found in the result cache',
    registers: [this.registry],
  });
  readonly cacheFailures = new Counter({
    name: 'rewardkit_cache_failures_total',
    help: 'Batches scored without the cache because it could not be reached',
    registers: [this.registry],
  });
  readonly cacheHitRatio = new Gauge({
    name: 'rewardkit_cache_hit_ratio',
    help: 'Cache hits / lookups since start',
    registers: [this.registry],
  });
  #lookups = 0;
  #hits = 0;

  recordCache(outcome: CacheOutcome): void {
    this.cacheHits.inc(outcome.hits);
    this.cacheMisses.inc(outcome.misses);
    if (outcome.failed) this.cacheFailures.inc();
    this.#hits += outcome.hits;
    this.#lookups += outcome.hits + outcome.misses;
    if (this.#lookups > 0) this.cacheHitRatio.set(this.#hits / this.#lookups);
  }

  recordResults(results: readonly RewardResult[]): void {
    this.samples.inc(results.length);
    this.batchSize.observe(results.length);
    for (const result of results) {
      if (result.error !== null) this.sampleErrors.inc({ code: result.error.code });
      for (const component of Object.values(result.components)) {
        if (component.error !== undefined) this.sampleErrors.inc({ code: component.error.code });
      }
    }
  }
}
