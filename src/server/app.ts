import Fastify, { type FastifyInstance } from 'fastify';
import { RewardKitError } from '../core/errors.js';
import type { Spec } from '../core/spec.js';
import type { PipelineOptions } from '../engine/pipeline.js';
import type { ScoringBackend } from '../engine/scoring-backend.js';
import { CachingBackend } from '../store/caching-backend.js';
import type { ResultCache } from '../store/result-cache.js';
import { Admission } from './admission.js';
import { checkApiKeys, createAuthHook } from './auth.js';
import { BatchScorer } from './batch-scorer.js';
import { CoalescingBackend } from './coalescing-backend.js';
import { answerClientError, sendHttpError } from './http-errors.js';
import { ServerMetrics } from './metrics.js';
import { registerGetRewardRoute } from './routes/get-reward-route.js';
import { registerHealthRoutes } from './routes/health-routes.js';
import { registerMetricsRoute } from './routes/metrics-route.js';
import { registerScoreRoute } from './routes/score-route.js';
import { registerSpecsRoute } from './routes/specs-route.js';
import type { ReadinessCheck, ServerContext } from './server-context.js';
import { type ServerLimitsInput, ServerLimitsSchema } from './server-options.js';
import { SpecCatalog } from './spec-catalog.js';

export interface ServerAppOptions {
  specs: readonly Spec[];
  backend: ScoringBackend;
  /** Identical (spec, sample) pairs are scored once when a cache is given. */
  cache?: ResultCache;
  limits?: ServerLimitsInput;
  /** Bearer keys; empty means no authentication (only allowed on loopback, checked by `listen`). */
  apiKeys?: readonly string[];
  readiness?: ReadinessCheck;
  queueDepth?: () => Promise<number>;
  /** Options used to validate specs (custom reward kinds). */
  pipelineOptions?: PipelineOptions;
  logLevel?: 'silent' | 'error' | 'warn' | 'info';
}

export interface ServerApp {
  app: FastifyInstance;
  context: ServerContext;
  /**
   * Refuses new work, stops the requests in flight (each answers 503 with Retry-After; nothing
   * more of them is scored), waits for their work to end (up to the grace time), closes the backend.
   */
  close(): Promise<void>;
}

/** Builds the HTTP reward server (not listening yet): routes, auth, limits, metrics, errors. */
export function createServerApp(options: ServerAppOptions): ServerApp {
  const limits = ServerLimitsSchema.parse(options.limits ?? {});
  checkApiKeys(options.apiKeys ?? [], 'the server options');
  const metrics = new ServerMetrics();
  const catalog = new SpecCatalog(options.specs, options.pipelineOptions);
  const batching = new CoalescingBackend(options.backend, {
    maxConcurrentBatches: limits.maxConcurrentBatches,
    maxBatchSamples: limits.maxMergedBatch,
  });
  const backend =
    options.cache === undefined
      ? batching
      : new CachingBackend(batching, options.cache, (outcome) => metrics.recordCache(outcome));
  const admission = new Admission(limits.maxInFlightSamples, limits.maxInFlightRequests);
  const shutdown = new AbortController();
  const context: ServerContext = {
    shutdown: shutdown.signal,
    catalog,
    scorer: new BatchScorer(backend, admission, limits, metrics),
    metrics,
    admission,
    limits,
    readiness: options.readiness ?? (async () => undefined),
    ...(options.queueDepth === undefined ? {} : { queueDepth: options.queueDepth }),
  };
  const app = Fastify({
    logger: { level: options.logLevel ?? 'silent' },
    bodyLimit: limits.bodyLimitBytes,
    requestTimeout: limits.clientTimeoutMs,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // Node checks request timeouts on this period; the default (30 s) would let slow clients linger.
    http: { connectionsCheckingInterval: Math.min(1000, limits.clientTimeoutMs) },
    // A slow or malformed client gets its 408/431/400 in the RK error format too.
    clientErrorHandler: answerClientError,
    // JSON.parse makes `__proto__` an own data key (no pollution); the score route refuses the
    // sample holding it, so one bad sample does not fail its whole batch.
    onProtoPoisoning: 'ignore',
    onConstructorPoisoning: 'ignore',
  });
  // Only JSON bodies: anything else (text, forms) is 415 RK_UNSUPPORTED_MEDIA_TYPE.
  app.removeContentTypeParser('text/plain');
  // The methods of every path, so a known path asked with another method is 405 with Allow.
  const methodsOfPath = new Map<string, Set<string>>();
  app.addHook('onRoute', (route) => {
    const methods = methodsOfPath.get(route.url) ?? new Set<string>();
    for (const method of [route.method].flat()) methods.add(method);
    methodsOfPath.set(route.url, methods);
  });
  app.server.headersTimeout = Math.min(limits.clientTimeoutMs, 60_000);
  const countError = (code: string): void => metrics.httpErrors.inc({ code });
  app.addHook('onRequest', createAuthHook(options.apiKeys ?? []));
  // Refuse at once, before reading the body, when nothing could be admitted anyway.
  app.addHook('onRequest', async (request) => {
    if (request.method === 'POST' && admission.saturated) throw admission.overloaded();
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.requests.inc({ route, status: String(reply.statusCode) });
    metrics.latency.observe({ route }, reply.elapsedTime / 1000);
  });
  app.setErrorHandler((error, _request, reply) =>
    sendHttpError(reply, error, limits.retryAfterSeconds, countError),
  );
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const allowed = methodsOfPath.get(path);
    if (allowed !== undefined) {
      const allow = [...allowed].sort().join(', ');
      void reply.header('allow', allow);
      return sendHttpError(
        reply,
        new RewardKitError('RK_METHOD_NOT_ALLOWED', `${path} does not take ${request.method}`, {
          hint: `use ${allow}`,
        }),
        limits.retryAfterSeconds,
        countError,
      );
    }
    return sendHttpError(
      reply,
      new RewardKitError('RK_UNKNOWN_NAME', `no route ${request.method} ${path}`, {
        hint: 'routes: POST /v1/score, POST /get_reward, GET /v1/specs, /healthz, /readyz, /metrics',
      }),
      limits.retryAfterSeconds,
      countError,
    );
  });
  registerScoreRoute(app, context);
  registerGetRewardRoute(app, context);
  registerSpecsRoute(app, context);
  registerHealthRoutes(app, context);
  registerMetricsRoute(app, context);

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      admission.close();
      shutdown.abort(
        new RewardKitError('RK_UNAVAILABLE', 'the server is shutting down; the request was not scored', {
          hint: 'send it again after Retry-After (to this server once restarted, or another replica)',
        }),
      );
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, limits.shutdownGraceMs);
      });
      // Keep-alive connections become idle once their last answer is sent: close them then.
      const sweeper = setInterval(() => app.server.closeIdleConnections(), 100);
      // Connections may be gone while their scoring still runs: wait for the work, not the sockets.
      const drained = app.close().then(() => admission.drained());
      await Promise.race([drained, grace]);
      clearTimeout(timer);
      clearInterval(sweeper);
      app.server.closeAllConnections();
      await backend.close();
    })();
    return closing;
  };
  return { app, context, close };
}
