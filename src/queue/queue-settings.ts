import { z } from 'zod';
import type { RetrySwitch } from './redis-retry.js';

/**
 * Settings shared by the producer (serve/score --redis) and the workers. The timings decide how
 * fast the jobs of a worker killed with SIGKILL are retried elsewhere: its lock expires after
 * `lockDurationMs` (a live worker renews it every half of that), and the other workers look for
 * expired locks every `stalledIntervalMs`, moving such jobs back to the wait list.
 */
export const QueueSettingsSchema = z
  .object({
    /** The BullMQ queue name; producers and workers must agree. */
    queueName: z.string().min(1).default('rewardkit-score'),
    /** Key prefix in Redis (several deployments can share one Redis). */
    prefix: z.string().min(1).default('rewardkit'),
    /** Samples per job: a batch is split into jobs of this size, spread over the workers. */
    chunkSize: z.number().int().positive().default(64),
    lockDurationMs: z.number().int().positive().default(10_000),
    stalledIntervalMs: z.number().int().positive().default(5_000),
    /** A job whose worker vanished this many times is failed instead of retried. */
    maxStalledCount: z.number().int().nonnegative().default(3),
    /** Attempts for a job whose worker failed unexpectedly (deterministic RK errors are not retried). */
    attempts: z.number().int().positive().default(3),
  })
  .strict();

export type QueueSettings = z.output<typeof QueueSettingsSchema>;
export type QueueSettingsInput = z.input<typeof QueueSettingsSchema>;

/** ioredis options for a connection that fails fast while Redis is away, and reconnects. */
export function fastFailConnection(url: string, retry: RetrySwitch): Record<string, unknown> {
  return {
    url,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: retry.strategy,
  };
}

/** ioredis options for BullMQ's blocking connections (workers, queue events): wait for Redis. */
export function blockingConnection(url: string, retry: RetrySwitch): Record<string, unknown> {
  return {
    url,
    maxRetriesPerRequest: null,
    retryStrategy: retry.strategy,
  };
}
