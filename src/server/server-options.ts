import { z } from 'zod';

/**
 * The server's limits and protection, validated at start ("fail at start, not mid-run").
 * Every limit is a named option with a documented default (docs/server.md).
 */
export const ServerLimitsSchema = z
  .object({
    /** Largest request body, in bytes; larger bodies get 413 RK_LIMIT_EXCEEDED. */
    bodyLimitBytes: z
      .number()
      .int()
      .positive()
      .default(64 * 1024 * 1024),
    /**
     * Most samples in one request; more get 413 RK_LIMIT_EXCEEDED. 16,384 takes one training
     * step of common recipes whole (verl's example: 1,024 prompts x 5 = 5,120; 1,024 x 16);
     * the Python client splits larger batches.
     */
    maxBatchSize: z.number().int().positive().default(16_384),
    /** Time budget of one request's scoring; past it the answer is 503 RK_TIMEOUT. */
    requestTimeoutMs: z.number().int().positive().default(60_000),
    /** Samples being scored at once across all requests; beyond it new requests get 429. */
    maxInFlightSamples: z.number().int().positive().default(8192),
    /** Requests being scored at once; beyond it new requests get 429. */
    maxInFlightRequests: z.number().int().positive().default(512),
    /** Merged batches sent to the backend at once; smaller requests wait and are merged (adaptive batching). */
    maxConcurrentBatches: z.number().int().positive().default(4),
    /** Most samples in one merged batch. */
    maxMergedBatch: z.number().int().positive().default(512),
    /** The Retry-After (seconds) sent with 429 and 503 answers. */
    retryAfterSeconds: z.number().int().positive().default(1),
    /** A client must send its whole request within this time (slow clients are cut off). */
    clientTimeoutMs: z.number().int().positive().default(30_000),
    /** On SIGTERM, in-flight requests get this long to finish before the process exits. */
    shutdownGraceMs: z.number().int().positive().default(30_000),
  })
  .strict();

export type ServerLimits = z.output<typeof ServerLimitsSchema>;
export type ServerLimitsInput = z.input<typeof ServerLimitsSchema>;

/** A bearer API key: 16+ visible ASCII characters (a Bearer header cannot carry white space). */
export const ApiKeySchema = z
  .string()
  .min(16, 'an API key needs at least 16 characters')
  .regex(/^[\x21-\x7e]*$/, 'an API key may hold only visible ASCII characters (no spaces)');

export const ServerListenSchema = z
  .object({
    host: z.string().min(1).default('127.0.0.1'),
    port: z.number().int().min(0).max(65_535).default(8000),
    /** Bearer API keys; required when the host is not a loopback address. */
    apiKeys: z.array(ApiKeySchema).default([]),
  })
  .strict();

export type ServerListen = z.output<typeof ServerListenSchema>;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '::ffff:127.0.0.1']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || host.startsWith('127.');
}
