import { RewardKitError } from '../core/errors.js';
import type { RewardResult } from '../core/result.js';
import type { Spec } from '../core/spec.js';
import { applyBatchStageToInputs, needsBatchStage } from '../engine/batch-stage.js';
import type { ScoringBackend } from '../engine/scoring-backend.js';
import type { Admission } from './admission.js';
import type { ServerMetrics } from './metrics.js';
import type { ServerLimits } from './server-options.js';

/**
 * Scores one request's batch under the server's protection: the batch limit, admission (bounded
 * in-flight work) and the per-request time limit. The admitted samples stay counted until the
 * backend has really finished, even when the request timed out, so the bound stays honest.
 * Cancellation: when `signal` fires (the client went away, the server is shutting down) or the
 * time limit passes, the backend's work is cancelled (no sample not yet scored is scored, model
 * requests in flight are aborted) and the call rejects at once with the reason.
 */
export class BatchScorer {
  constructor(
    private readonly backend: ScoringBackend,
    private readonly admission: Admission,
    private readonly limits: ServerLimits,
    private readonly metrics: ServerMetrics,
  ) {}

  async score(
    spec: Spec,
    inputs: readonly unknown[],
    where: string,
    signal?: AbortSignal,
  ): Promise<RewardResult[]> {
    if (inputs.length === 0) {
      throw new RewardKitError('RK_REQUEST_INVALID', `${where} is empty; send at least one sample`, {
        where,
      });
    }
    if (inputs.length > this.limits.maxBatchSize) {
      throw new RewardKitError(
        'RK_LIMIT_EXCEEDED',
        `${where} has ${inputs.length} samples; the limit is ${this.limits.maxBatchSize}`,
        { hint: 'split the batch into several requests', where },
      );
    }
    signal?.throwIfAborted();
    const release = this.admission.admit(inputs.length);
    this.#updateGauges();
    const stop = new AbortController();
    const work = this.backend.score({ spec, inputs, signal: stop.signal });
    const finished = work.finally(() => {
      release();
      this.#updateGauges();
    });
    finished.catch(() => {});
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const stopped = new Promise<never>((_resolve, reject) => {
      const give = (reason: unknown): void => {
        stop.abort(reason);
        reject(reason);
      };
      timer = setTimeout(
        () =>
          give(
            new RewardKitError('RK_TIMEOUT', `scoring took longer than ${this.limits.requestTimeoutMs} ms`, {
              hint: 'send smaller batches or raise --request-timeout-ms',
            }),
          ),
        this.limits.requestTimeoutMs,
      );
      if (signal !== undefined) {
        onAbort = () => give(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
      }
    });
    try {
      const scored = await Promise.race([work, stopped]);
      // Advantages and group shaping need the request's whole batch: applied here, after the
      // backend (whose per-sample results are what the cache stores and what merged batches share).
      const results = needsBatchStage(spec) ? applyBatchStageToInputs(spec, inputs, scored) : scored;
      this.metrics.recordResults(results);
      return results;
    } finally {
      clearTimeout(timer);
      if (onAbort !== undefined) signal?.removeEventListener('abort', onAbort);
    }
  }

  #updateGauges(): void {
    this.metrics.inFlightSamples.set(this.admission.samplesInFlight);
    this.metrics.inFlightRequests.set(this.admission.requestsInFlight);
  }
}
