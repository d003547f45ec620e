import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { RewardKitError } from '../core/errors.js';
import { cancelReason } from '../engine/cancelled-result.js';
import { jobCancelled, markCancelled } from './job-cancellation.js';
import { decodeJobError } from './job-error.js';
import {
  blockingConnection,
  fastFailConnection,
  type QueueSettings,
  type QueueSettingsInput,
  QueueSettingsSchema,
} from './queue-settings.js';
import { endConnection, RetrySwitch } from './redis-retry.js';

/** A Redis command that takes longer than this means Redis is away (commands take microseconds). */
const REDIS_COMMAND_TIMEOUT_MS = 3000;
/**
 * The longest `close` waits for BullMQ to close the queue and the event stream. With Redis away
 * they end within one retry delay (2 s) once their connections stop retrying; this bounds it.
 */
const CLOSE_TIMEOUT_MS = 5000;

async function withTimeout<Value>(work: Promise<Value>, timeoutMs: number): Promise<Value> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Redis within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

interface PendingJob {
  resolve: (value: unknown) => void;
  reject: (error: RewardKitError) => void;
  addedAt: number;
}

export interface JobClientOptions extends QueueSettingsInput {
  redisUrl: string;
  /** Pending jobs older than this are looked up directly, in case their event was missed. */
  pollAfterMs?: number;
}

/**
 * The producer side of distributed mode, for every job kind (score, search, label): adds a named
 * job to the BullMQ queue and resolves with the worker's return value (QueueEvents 'completed',
 * or a direct look-up when an event was missed). A job that failed for good (a deterministic RK
 * error, or its attempts and stalled retries used up) rejects with the worker's typed error.
 * Jobs of a worker that died are retried by another worker (stalled-job recovery), so callers
 * only ever see a value or a typed error.
 */
export class JobClient {
  readonly settings: QueueSettings;
  readonly redisUrl: string;
  readonly #queue: Queue;
  readonly #events: QueueEvents;
  /** Stopped by `close`: the connections end instead of reconnecting. */
  readonly #retry = new RetrySwitch();
  readonly #pending = new Map<string, PendingJob>();
  readonly #poller: NodeJS.Timeout;
  readonly #pollAfterMs: number;
  #lastRedisError: string | undefined;
  #cancelClient: Redis | undefined;
  /** Cancellations being sent: `close` waits for them, so an interrupted run still sends them. */
  readonly #cancelling = new Set<Promise<void>>();
  #workersSeenAt = Number.NEGATIVE_INFINITY;

  constructor(options: JobClientOptions) {
    const { redisUrl, pollAfterMs, ...settings } = options;
    this.settings = QueueSettingsSchema.parse(settings);
    this.redisUrl = redisUrl;
    this.#pollAfterMs = pollAfterMs ?? 5000;
    this.#queue = new Queue(this.settings.queueName, {
      connection: fastFailConnection(redisUrl, this.#retry),
      prefix: this.settings.prefix,
    });
    this.#events = new QueueEvents(this.settings.queueName, {
      connection: blockingConnection(redisUrl, this.#retry),
      prefix: this.settings.prefix,
    });
    const remember = (error: Error): void => {
      this.#lastRedisError = error.message;
    };
    this.#queue.on('error', remember);
    this.#events.on('error', remember);
    this.#events.on('completed', ({ jobId, returnvalue }) => this.#settle(jobId, returnvalue));
    this.#events.on('failed', ({ jobId, failedReason }) => this.#fail(jobId, failedReason));
    this.#poller = setInterval(() => void this.#pollOldJobs(), Math.max(500, this.#pollAfterMs / 2));
    this.#poller.unref();
  }

  /** Resolves once the job-completion events are being listened to (no result can be missed). */
  async ready(): Promise<void> {
    await this.#events.waitUntilReady();
  }

  /** `rewardkit worker` processes connected to the queue (BullMQ counts them). */
  async workerCount(): Promise<number> {
    try {
      return await withTimeout(this.#queue.getWorkersCount(), REDIS_COMMAND_TIMEOUT_MS);
    } catch (error) {
      throw new RewardKitError('RK_QUEUE_UNAVAILABLE', `cannot reach Redis: ${(error as Error).message}`, {
        hint: 'check that Redis is running and reachable at the --redis URL',
        cause: error,
      });
    }
  }

  /**
   * Fails fast when no `rewardkit worker` listens on the queue, instead of letting the work wait
   * for ever. A positive answer is trusted for a second, so a busy producer asks Redis about once
   * a second, not once a job.
   */
  async requireWorker(): Promise<void> {
    if (performance.now() - this.#workersSeenAt < 1000) return;
    if ((await this.workerCount()) === 0) {
      throw new RewardKitError(
        'RK_QUEUE_UNAVAILABLE',
        `no rewardkit worker is connected to the queue '${this.settings.queueName}' at ${this.redisUrl}; nothing would do this work`,
        { hint: `start one: rewardkit worker --redis ${this.redisUrl} --queue ${this.settings.queueName}` },
      );
    }
    this.#workersSeenAt = performance.now();
  }

  /** Undefined when Redis answers and at least one worker listens; otherwise the reason. */
  async readiness(): Promise<string | undefined> {
    try {
      const workers = await withTimeout(this.#queue.getWorkersCount(), REDIS_COMMAND_TIMEOUT_MS);
      return workers > 0 ? undefined : 'no rewardkit worker is connected to the queue';
    } catch (error) {
      const last =
        this.#lastRedisError === undefined ? '' : ` (last connection error: ${this.#lastRedisError})`;
      return `Redis is unreachable: ${(error as Error).message}${last}`;
    }
  }

  /** Jobs waiting or running in Redis. */
  async queueDepth(): Promise<number> {
    const counts = await this.#queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return Object.values(counts).reduce((sum, count) => sum + count, 0);
  }

  /**
   * Adds a job named `name` and resolves with the worker's return value. When `signal` fires, the
   * call rejects at once with RK_CANCELLED and the job is cancelled (see `cancel`).
   */
  async run(name: string, data: unknown, signal?: AbortSignal): Promise<unknown> {
    if (signal?.aborted === true) throw jobCancelled('(not added)', cancelReason(signal));
    const jobId = randomUUID();
    const result = new Promise<unknown>((resolve, reject) => {
      this.#pending.set(jobId, { resolve, reject, addedAt: Date.now() });
    });
    // Settled by a cancel or a close while the job is still being added, `result` may never be
    // returned (the add fails): handled here, so that is no unhandled rejection.
    result.catch(() => {});
    let forget = (): void => {};
    if (signal !== undefined) {
      const onAbort = (): void => {
        const cancelling = this.cancel(jobId, cancelReason(signal));
        this.#cancelling.add(cancelling);
        void cancelling.finally(() => this.#cancelling.delete(cancelling));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      forget = () => signal.removeEventListener('abort', onAbort);
      result.then(forget, forget);
    }
    try {
      await withTimeout(
        this.#queue.add(name, data, {
          jobId,
          attempts: this.settings.attempts,
          backoff: { type: 'fixed', delay: 200 },
          removeOnComplete: { age: 60, count: 2000 },
          removeOnFail: { age: 3600 },
        }),
        REDIS_COMMAND_TIMEOUT_MS,
      );
    } catch (error) {
      this.#pending.delete(jobId);
      // `result` never settles now: the abort listener is removed here, not by it.
      forget();
      throw new RewardKitError(
        'RK_QUEUE_UNAVAILABLE',
        `cannot add a job to Redis: ${(error as Error).message}`,
        {
          hint: 'check that Redis is running and reachable at the --redis URL',
          cause: error,
        },
      );
    }
    return result;
  }

  /**
   * Cancels a job: its caller gets RK_CANCELLED at once (a result that comes later is ignored). A
   * job no worker has taken is removed from Redis and never runs; a job a worker runs is marked
   * and announced on the queue's cancel channel (job-cancellation.ts): that worker aborts it, and
   * the job ends failed, not retried, with RK_CANCELLED and `reason`. Redis away: the job runs to
   * its end and its result is dropped.
   */
  async cancel(jobId: string, reason: string): Promise<void> {
    const pending = this.#pending.get(jobId);
    if (pending === undefined) return;
    this.#pending.delete(jobId);
    pending.reject(jobCancelled(jobId, reason));
    try {
      // A job a worker holds is not removed (0, or an error saying it is locked).
      const removed = await withTimeout(this.#queue.remove(jobId), REDIS_COMMAND_TIMEOUT_MS).catch(() => 0);
      if (removed === 1) return;
      // Its own connection, made on the first cancellation (BullMQ's client has no PUBLISH).
      if (this.#cancelClient === undefined) {
        this.#cancelClient = new Redis(this.redisUrl, {
          maxRetriesPerRequest: 1,
          retryStrategy: this.#retry.strategy,
        });
        // Its failures surface as a rejected command here; the connection retries by itself.
        this.#cancelClient.on('error', () => {});
      }
      await withTimeout(
        markCancelled(this.#cancelClient, this.settings.prefix, this.settings.queueName, { jobId, reason }),
        REDIS_COMMAND_TIMEOUT_MS,
      );
    } catch {
      // Redis away: nothing more can be done; the caller already has its answer.
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.#cancelling]);
    clearInterval(this.#poller);
    for (const [jobId, pending] of this.#pending) {
      pending.reject(
        new RewardKitError('RK_UNAVAILABLE', `the queue client closed before job ${jobId} finished`),
      );
    }
    this.#pending.clear();
    this.#retry.stop();
    const closing = Promise.allSettled([
      this.#events.close(),
      this.#queue.close(),
      this.#cancelClient && endConnection(this.#cancelClient),
    ]);
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise((resolve) => {
      timer = setTimeout(resolve, CLOSE_TIMEOUT_MS);
      timer.unref();
    });
    await Promise.race([closing, bound]);
    clearTimeout(timer);
  }

  #settle(jobId: string, value: unknown): void {
    const pending = this.#pending.get(jobId);
    if (pending === undefined) return;
    this.#pending.delete(jobId);
    pending.resolve(value);
  }

  #fail(jobId: string, failedReason: string | undefined): void {
    const pending = this.#pending.get(jobId);
    if (pending === undefined) return;
    this.#pending.delete(jobId);
    pending.reject(decodeJobError(failedReason));
  }

  /** Looks up jobs whose events may have been missed (e.g. while Redis was restarting). */
  async #pollOldJobs(): Promise<void> {
    const now = Date.now();
    for (const [jobId, pending] of this.#pending) {
      if (now - pending.addedAt < this.#pollAfterMs) continue;
      try {
        // The state first, then the job: completed and failed are final, so the fields read
        // after them are the final ones (a job read first could finish in between).
        const state = await this.#queue.getJobState(jobId);
        if (state === 'unknown') {
          this.#fail(
            jobId,
            JSON.stringify({
              code: 'RK_QUEUE_UNAVAILABLE',
              message: `job ${jobId} is no longer in Redis (was Redis restarted without persistence?)`,
              hint: 'send the request again',
            }),
          );
        } else if (state === 'completed' || state === 'failed') {
          const job = await this.#queue.getJob(jobId);
          if (job === undefined) continue;
          if (state === 'completed') this.#settle(jobId, job.returnvalue);
          else this.#fail(jobId, job.failedReason);
        }
      } catch {
        // Redis away: try again on the next tick.
      }
    }
  }
}
