import { RewardKitError } from '../core/errors.js';
import type { RewardResult } from '../core/result.js';
import { cancelledResults } from '../engine/line-chunk.js';
import type { ScoreRequest, ScoringBackend } from '../engine/scoring-backend.js';
import { JobClient, type JobClientOptions } from './job-client.js';
import { SCORE_JOB_NAME, type ScoreJobData, type ScoreJobResult } from './score-job.js';

function resultsOf(value: unknown): RewardResult[] {
  const results = (value as Partial<ScoreJobResult> | null)?.results;
  if (!Array.isArray(results)) throw new RewardKitError('RK_INTERNAL', 'a score job returned no results');
  return results;
}

export type QueueBackendOptions = JobClientOptions;

/**
 * Distributed scoring: a batch is split into chunks, each a BullMQ job on Redis; `rewardkit
 * worker` processes score them on any number of machines; results come back through the job
 * return values, in input order. A chunk whose worker dies is retried by another worker
 * (stalled-job recovery), and scoring is a pure function of (spec, sample), so a retried chunk
 * gives the same results.
 */
export class QueueBackend implements ScoringBackend {
  readonly #jobs: JobClient;

  /** Connects with `options`, or scores through a client already connected (closed with this backend). */
  constructor(options: QueueBackendOptions | JobClient) {
    this.#jobs = options instanceof JobClient ? options : new JobClient(options);
  }

  async score(request: ScoreRequest): Promise<RewardResult[]> {
    await this.#jobs.requireWorker();
    const chunkSize = this.#jobs.settings.chunkSize;
    const jobs: Promise<RewardResult[]>[] = [];
    for (let start = 0; start < request.inputs.length; start += chunkSize) {
      const data: ScoreJobData = {
        spec: request.spec as unknown as Record<string, unknown>,
        inputs: request.inputs.slice(start, start + chunkSize),
        ...(request.positions === undefined
          ? {}
          : { positions: request.positions.slice(start, start + chunkSize) }),
      };
      const signal = request.signal;
      jobs.push(
        this.#jobs.run(SCORE_JOB_NAME, data, signal).then(resultsOf, (error: unknown) => {
          // Cancelled: the chunk's samples are cancelled results (its job was removed or aborted).
          if (signal?.aborted === true) return cancelledResults(data.inputs, data.positions, signal);
          throw error;
        }),
      );
    }
    const settled = await Promise.allSettled(jobs);
    const failure = settled.find((outcome) => outcome.status === 'rejected');
    if (failure !== undefined) throw (failure as PromiseRejectedResult).reason;
    return settled.flatMap((outcome) => (outcome as PromiseFulfilledResult<RewardResult[]>).value);
  }

  /** Undefined when Redis answers and at least one worker listens; otherwise the reason. */
  readiness(): Promise<string | undefined> {
    return this.#jobs.readiness();
  }

  /** Jobs waiting or running in Redis. */
  queueDepth(): Promise<number> {
    return this.#jobs.queueDepth();
  }

  close(): Promise<void> {
    return this.#jobs.close();
  }
}
