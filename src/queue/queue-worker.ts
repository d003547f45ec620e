import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { RewardKitError } from '../core/errors.js';
import type { ScoringBackend } from '../engine/scoring-backend.js';
import type { SpecVerifier } from '../search/index.js';
import { CancelListener, jobCancelled } from './job-cancellation.js';
import { encodeJobError } from './job-error.js';
import type { JobHandler } from './job-handler.js';
import { LABEL_JOB_NAME } from './label-job.js';
import { labelJobHandler } from './label-job-handler.js';
import { blockingConnection, type QueueSettingsInput, QueueSettingsSchema } from './queue-settings.js';
import { RetrySwitch } from './redis-retry.js';
import { SCORE_JOB_NAME } from './score-job.js';
import { scoreJobHandler } from './score-job-handler.js';
import { SEARCH_JOB_NAME } from './search-job.js';
import { searchJobHandler } from './search-job-handler.js';
import { SharedResources } from './shared-resources.js';
import { type WorkerCeilings, WorkerCeilingsSchema } from './worker-ceilings.js';

export interface QueueWorkerOptions extends QueueSettingsInput {
  redisUrl: string;
  /** Jobs processed at once by this worker (score chunks, search units, label problems alike). */
  concurrency: number;
  /** Where this worker scores (a worker-thread pool in production). */
  backend: ScoringBackend;
  /** The operator's ceilings on search and label jobs (defaults: WorkerCeilingsSchema). */
  ceilings?: Partial<WorkerCeilings> | undefined;
  onError?: (error: Error) => void;
}

/** How long Redis must stay away, once a close began, before the close stops waiting for BullMQ. */
const REDIS_AWAY_CLOSE_MS = 3000;

/** Distinct verifier specs a worker keeps compiled at once. */
const VERIFIER_MEMO_SIZE = 16;

/**
 * A `rewardkit worker`: pulls jobs from Redis and runs each by its kind: `score` (a chunk of
 * samples on the local backend), `search` (one search unit), `label` (one problem). Deterministic
 * failures (an invalid spec, a ceiling exceeded, on_error: fail) are not retried; anything else
 * is, and a job whose worker dies is picked up by another one once its lock expires.
 */
export class QueueWorker {
  readonly #worker: Worker;
  readonly #backend: ScoringBackend;
  readonly #verifiers = new SharedResources<SpecVerifier>(VERIFIER_MEMO_SIZE);
  readonly #handlers: ReadonlyMap<string, JobHandler>;
  readonly #cancels: CancelListener;
  /** Stopped by `close`: with Redis away, the worker's connections end instead of reconnecting. */
  readonly #retry = new RetrySwitch();

  constructor(options: QueueWorkerOptions) {
    const settings = QueueSettingsSchema.parse({
      ...(options.queueName === undefined ? {} : { queueName: options.queueName }),
      ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
      ...(options.lockDurationMs === undefined ? {} : { lockDurationMs: options.lockDurationMs }),
      ...(options.stalledIntervalMs === undefined ? {} : { stalledIntervalMs: options.stalledIntervalMs }),
      ...(options.maxStalledCount === undefined ? {} : { maxStalledCount: options.maxStalledCount }),
    });
    const ceilings = WorkerCeilingsSchema.parse(options.ceilings ?? {});
    this.#backend = options.backend;
    this.#handlers = new Map([
      [SCORE_JOB_NAME, scoreJobHandler(options.backend)],
      [SEARCH_JOB_NAME, searchJobHandler(ceilings, this.#verifiers)],
      [LABEL_JOB_NAME, labelJobHandler(ceilings)],
    ]);
    // Three parameters: BullMQ gives the job's abort signal only to a processor that takes it.
    this.#worker = new Worker(settings.queueName, async (job, _token, signal) => this.#process(job, signal), {
      connection: blockingConnection(options.redisUrl, this.#retry),
      prefix: settings.prefix,
      concurrency: options.concurrency,
      lockDuration: settings.lockDurationMs,
      stalledInterval: settings.stalledIntervalMs,
      maxStalledCount: settings.maxStalledCount,
    });
    this.#worker.on('error', (error) => options.onError?.(error));
    this.#cancels = new CancelListener(
      options.redisUrl,
      settings.prefix,
      settings.queueName,
      ({ jobId, reason }) => this.#worker.cancelJob(jobId, reason),
      (error) => options.onError?.(error),
    );
  }

  /** Resolves once the worker is connected, pulling jobs and listening for cancellations. */
  async ready(): Promise<void> {
    await Promise.all([this.#worker.waitUntilReady(), this.#cancels.ready()]);
  }

  async close(): Promise<void> {
    const watching = new AbortController();
    try {
      // Retries stay on while BullMQ drains: a Redis blip meanwhile must not lose finished jobs.
      await Promise.race([this.#worker.close(), this.#redisAwayFor(REDIS_AWAY_CLOSE_MS, watching.signal)]);
    } finally {
      watching.abort();
      // Closed, or Redis away for good: the connections end at their next attempt.
      this.#retry.stop();
      // The cancel subscriber and the scorers close even when BullMQ's close fails.
      await this.#cancels.close();
      await this.#verifiers.close();
      await this.#backend.close();
    }
  }

  /**
   * Resolves once Redis has not answered for `ms` in a row (the cancel listener's connection, which
   * keeps trying until the listener closes, tells), or when `signal` aborts. BullMQ's close waits
   * for the active jobs, as it should, but with Redis away it may wait for ever: no job can be
   * taken or finished then anyway.
   */
  async #redisAwayFor(ms: number, signal: AbortSignal): Promise<void> {
    let awaySince: number | undefined;
    while (!signal.aborted) {
      await new Promise((resolve) => setTimeout(resolve, 250).unref());
      if (this.#cancels.connected()) awaySince = undefined;
      else awaySince ??= Date.now();
      if (awaySince !== undefined && Date.now() - awaySince >= ms) return;
    }
  }

  async #process(job: Job, signal: AbortSignal | undefined): Promise<unknown> {
    const jobId = job.id ?? '';
    // Cancelled before this worker took it (the cancel message came before the job was tracked).
    const early = await this.#cancels.reasonFor(jobId);
    if (early !== undefined) throw new UnrecoverableError(encodeJobError(jobCancelled(jobId, early)));
    const cancelled = (): UnrecoverableError =>
      new UnrecoverableError(encodeJobError(jobCancelled(jobId, String(signal?.reason ?? 'cancelled'))));
    const handler = this.#handlers.get(job.name);
    if (handler === undefined) {
      throw new UnrecoverableError(
        encodeJobError(
          new RewardKitError(
            'RK_USAGE',
            `unknown job kind '${job.name}' (this worker runs ${[...this.#handlers.keys()].join(', ')}); producer and worker versions differ?`,
          ),
        ),
      );
    }
    try {
      const value = await handler(job.data, signal);
      // A cancelled job's partial work (cancelled samples, an interrupted search) is not its result.
      if (signal?.aborted === true) throw cancelled();
      return value;
    } catch (error) {
      if (error instanceof UnrecoverableError) throw error;
      if (signal?.aborted === true) throw cancelled();
      if (error instanceof RewardKitError && error.code !== 'RK_INTERNAL') {
        throw new UnrecoverableError(encodeJobError(error));
      }
      throw new Error(
        encodeJobError(
          error instanceof RewardKitError ? error : new RewardKitError('RK_INTERNAL', String(error)),
        ),
      );
    }
  }
}
