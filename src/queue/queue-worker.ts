import { UnrecoverableError, Worker } from 'bullmq';
import { RewardKitError } from '../core/errors.js';
import { parseSpec, type Spec } from '../core/spec.js';
import type { ScoringBackend } from '../engine/scoring-backend.js';
import { canonicalJson } from '../store/result-cache.js';
import { blockingConnection, type QueueSettingsInput, QueueSettingsSchema } from './queue-settings.js';
import { encodeJobError, ScoreJobDataSchema, type ScoreJobResult } from './score-job.js';

export interface QueueWorkerOptions extends QueueSettingsInput {
  redisUrl: string;
  /** Jobs processed at once by this worker (each is a chunk sent to the local backend). */
  concurrency: number;
  /** Where this worker scores (a worker-thread pool in production). */
  backend: ScoringBackend;
  onError?: (error: Error) => void;
}

const SPEC_MEMO_SIZE = 64;

/**
 * A `rewardkit worker`: pulls score jobs from Redis and scores each chunk on the local backend.
 * Deterministic failures (an invalid spec, on_error: fail) are not retried; anything else is,
 * and a job whose worker dies is picked up by another one once its lock expires.
 */
export class QueueWorker {
  readonly #worker: Worker;
  readonly #backend: ScoringBackend;
  readonly #specs = new Map<string, Spec>();

  constructor(options: QueueWorkerOptions) {
    const settings = QueueSettingsSchema.parse({
      ...(options.queueName === undefined ? {} : { queueName: options.queueName }),
      ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
      ...(options.lockDurationMs === undefined ? {} : { lockDurationMs: options.lockDurationMs }),
      ...(options.stalledIntervalMs === undefined ? {} : { stalledIntervalMs: options.stalledIntervalMs }),
      ...(options.maxStalledCount === undefined ? {} : { maxStalledCount: options.maxStalledCount }),
    });
    this.#backend = options.backend;
    this.#worker = new Worker(settings.queueName, async (job) => this.#process(job.data), {
      connection: blockingConnection(options.redisUrl),
      prefix: settings.prefix,
      concurrency: options.concurrency,
      lockDuration: settings.lockDurationMs,
      stalledInterval: settings.stalledIntervalMs,
      maxStalledCount: settings.maxStalledCount,
    });
    this.#worker.on('error', (error) => options.onError?.(error));
  }

  /** Resolves once the worker is connected and pulling jobs. */
  async ready(): Promise<void> {
    await this.#worker.waitUntilReady();
  }

  async close(): Promise<void> {
    await this.#worker.close();
    await this.#backend.close();
  }

  async #process(data: unknown): Promise<ScoreJobResult> {
    const parsed = ScoreJobDataSchema.safeParse(data);
    if (!parsed.success) {
      throw new UnrecoverableError(
        encodeJobError(
          new RewardKitError(
            'RK_INTERNAL',
            'a job does not carry {spec, inputs}; producer and worker versions differ?',
          ),
        ),
      );
    }
    try {
      const spec = this.#specOf(parsed.data.spec);
      const results = await this.#backend.score({
        spec,
        inputs: parsed.data.inputs,
        ...(parsed.data.positions === undefined ? {} : { positions: parsed.data.positions }),
      });
      return { results };
    } catch (error) {
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

  /** One Spec object per distinct spec, so that the backend keeps one compiled pipeline for it. */
  #specOf(raw: Record<string, unknown>): Spec {
    const key = canonicalJson(raw);
    let spec = this.#specs.get(key);
    if (spec === undefined) {
      spec = parseSpec(raw, 'job spec');
      if (this.#specs.size >= SPEC_MEMO_SIZE) this.#specs.delete(this.#specs.keys().next().value as string);
      this.#specs.set(key, spec);
    }
    return spec;
  }
}
