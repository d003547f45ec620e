import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import { RewardKitError } from '../core/errors.js';
import type { RewardResult } from '../core/result.js';
import type { ScoreRequest, ScoringBackend } from '../engine/scoring-backend.js';
import {
  blockingConnection,
  fastFailConnection,
  type QueueSettingsInput,
  QueueSettingsSchema,
} from './queue-settings.js';
import { decodeJobError, SCORE_JOB_NAME, type ScoreJobData, type ScoreJobResult } from './score-job.js';

/** A Redis command that takes longer than this means Redis is away (commands take microseconds). */
const REDIS_COMMAND_TIMEOUT_MS = 3000;

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
  resolve: (results: RewardResult[]) => void;
  reject: (error: RewardKitError) => void;
  addedAt: number;
}

export interface QueueBackendOptions extends QueueSettingsInput {
  redisUrl: string;
  /** Pending jobs older than this are looked up directly, in case their event was missed. */
  pollAfterMs?: number;
}

/**
 * Distributed scoring: a batch is split into chunks, each a BullMQ job on Redis; `rewardkit
 * worker` processes score them on any number of machines; results come back through the job
 * return values (QueueEvents 'completed'), in input order. A chunk whose worker dies is retried
 * by another worker (stalled-job recovery), and scoring is a pure function of (spec, sample),
 * so a retried chunk gives the same results.
 */
export class QueueBackend implements ScoringBackend {
  readonly #queue: Queue;
  readonly #events: QueueEvents;
  readonly #settings;
  readonly #pending = new Map<string, PendingJob>();
  readonly #poller: NodeJS.Timeout;
  readonly #pollAfterMs: number;
  #lastRedisError: string | undefined;
  #workersSeenAt = Number.NEGATIVE_INFINITY;
  readonly #redisUrl: string;

  constructor(options: QueueBackendOptions) {
    const { redisUrl, pollAfterMs, ...settings } = options;
    this.#settings = QueueSettingsSchema.parse(settings);
    this.#redisUrl = redisUrl;
    this.#pollAfterMs = pollAfterMs ?? 5000;
    this.#queue = new Queue(this.#settings.queueName, {
      connection: fastFailConnection(redisUrl),
      prefix: this.#settings.prefix,
    });
    this.#events = new QueueEvents(this.#settings.queueName, {
      connection: blockingConnection(redisUrl),
      prefix: this.#settings.prefix,
    });
    const remember = (error: Error): void => {
      this.#lastRedisError = error.message;
    };
    this.#queue.on('error', remember);
    this.#events.on('error', remember);
    this.#events.on('completed', ({ jobId, returnvalue }) => {
      this.#settle(jobId, () => (returnvalue as unknown as ScoreJobResult).results);
    });
    this.#events.on('failed', ({ jobId, failedReason }) => {
      this.#fail(jobId, failedReason);
    });
    this.#poller = setInterval(() => void this.#pollOldJobs(), Math.max(500, this.#pollAfterMs / 2));
    this.#poller.unref();
  }

  async score(request: ScoreRequest): Promise<RewardResult[]> {
    await this.#requireWorker();
    const chunkSize = this.#settings.chunkSize;
    const jobs: Promise<RewardResult[]>[] = [];
    for (let start = 0; start < request.inputs.length; start += chunkSize) {
      const data: ScoreJobData = {
        spec: request.spec as unknown as Record<string, unknown>,
        inputs: request.inputs.slice(start, start + chunkSize),
        ...(request.positions === undefined
          ? {}
          : { positions: request.positions.slice(start, start + chunkSize) }),
      };
      jobs.push(this.#submit(data));
    }
    const settled = await Promise.allSettled(jobs);
    const failure = settled.find((outcome) => outcome.status === 'rejected');
    if (failure !== undefined) throw (failure as PromiseRejectedResult).reason;
    return settled.flatMap((outcome) => (outcome as PromiseFulfilledResult<RewardResult[]>).value);
  }

  /**
   * Fails fast when no `rewardkit worker` listens on the queue (BullMQ counts a queue's workers),
   * instead of letting the request wait for its time limit. A positive answer is trusted for a
   * second, so a busy producer asks Redis about once a second, not once a request.
   */
  async #requireWorker(): Promise<void> {
    if (performance.now() - this.#workersSeenAt < 1000) return;
    let workers: number;
    try {
      workers = await withTimeout(this.#queue.getWorkersCount(), REDIS_COMMAND_TIMEOUT_MS);
    } catch (error) {
      throw new RewardKitError('RK_QUEUE_UNAVAILABLE', `cannot reach Redis: ${(error as Error).message}`, {
        hint: 'check that Redis is running and reachable at the --redis URL',
        cause: error,
      });
    }
    if (workers === 0) {
      throw new RewardKitError(
        'RK_QUEUE_UNAVAILABLE',
        `no rewardkit worker is connected to the queue '${this.#settings.queueName}' at ${this.#redisUrl}; nothing would score this request`,
        { hint: `start one: rewardkit worker --redis ${this.#redisUrl} --queue ${this.#settings.queueName}` },
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

  async close(): Promise<void> {
    clearInterval(this.#poller);
    for (const [jobId, pending] of this.#pending) {
      pending.reject(
        new RewardKitError('RK_UNAVAILABLE', `the queue backend closed before job ${jobId} finished`),
      );
    }
    this.#pending.clear();
    await Promise.allSettled([this.#events.close(), this.#queue.close()]);
  }

  async #submit(data: ScoreJobData): Promise<RewardResult[]> {
    const jobId = randomUUID();
    const result = new Promise<RewardResult[]>((resolve, reject) => {
      this.#pending.set(jobId, { resolve, reject, addedAt: Date.now() });
    });
    try {
      await withTimeout(
        this.#queue.add(SCORE_JOB_NAME, data, {
          jobId,
          attempts: this.#settings.attempts,
          backoff: { type: 'fixed', delay: 200 },
          removeOnComplete: { age: 60, count: 2000 },
          removeOnFail: { age: 3600 },
        }),
        REDIS_COMMAND_TIMEOUT_MS,
      );
    } catch (error) {
      this.#pending.delete(jobId);
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

  #settle(jobId: string, results: () => RewardResult[]): void {
    const pending = this.#pending.get(jobId);
    if (pending === undefined) return;
    this.#pending.delete(jobId);
    try {
      pending.resolve(results());
    } catch (error) {
      pending.reject(new RewardKitError('RK_INTERNAL', `job ${jobId} returned no results: ${String(error)}`));
    }
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
        const job = await this.#queue.getJob(jobId);
        if (job === undefined) {
          this.#fail(
            jobId,
            JSON.stringify({
              code: 'RK_QUEUE_UNAVAILABLE',
              message: `job ${jobId} is no longer in Redis (was Redis restarted without persistence?)`,
              hint: 'send the request again',
            }),
          );
        } else if (job.finishedOn !== undefined && job.failedReason === undefined) {
          this.#settle(jobId, () => (job.returnvalue as ScoreJobResult).results);
        } else if (job.finishedOn !== undefined) {
          this.#fail(jobId, job.failedReason);
        }
      } catch {
        // Redis away: try again on the next tick.
      }
    }
  }
}
