import type { RewardResult } from '../core/result.js';
import type { Spec } from '../core/spec.js';
import { Pipeline, type PipelineOptions, type SamplePosition } from './pipeline.js';

/** One unit of work for a backend: raw inputs (validated by the backend) scored under one spec. */
export interface ScoreRequest {
  spec: Spec;
  inputs: readonly unknown[];
  /** Parallel to `inputs`: where each came from, for error messages and ids of bad lines. */
  positions?: readonly SamplePosition[];
  /**
   * Cancels the request (client gone, shutdown, interrupt): samples not yet scored come back as
   * RK_CANCELLED results (cancelled-result.ts), or the request rejects with RK_CANCELLED when a
   * backend stopped it before any of it started.
   */
  signal?: AbortSignal | undefined;
}

/**
 * Where scoring happens. The CLI, the server and the queue worker all talk to this interface:
 * in-process (below), a pool of worker threads, or BullMQ jobs on Redis. Results are in input
 * order, one per input. `on_error: fail` surfaces as a rejected promise with RK_COMPONENT_FAILED.
 */
export interface ScoringBackend {
  score(request: ScoreRequest): Promise<RewardResult[]>;
  close(): Promise<void>;
}

/** Scores on the calling thread; compiled pipelines are kept per spec object. */
export class InProcessBackend implements ScoringBackend {
  readonly #pipelines = new WeakMap<Spec, Pipeline>();
  readonly #all: Pipeline[] = [];

  constructor(private readonly options: PipelineOptions = {}) {}

  pipelineFor(spec: Spec): Pipeline {
    let pipeline = this.#pipelines.get(spec);
    if (pipeline === undefined) {
      pipeline = Pipeline.compile(spec, this.options);
      this.#pipelines.set(spec, pipeline);
      this.#all.push(pipeline);
    }
    return pipeline;
  }

  async score(request: ScoreRequest): Promise<RewardResult[]> {
    return this.pipelineFor(request.spec).scoreBatch(request.inputs, request.positions, request.signal);
  }

  /** Compiles (once per spec object) and waits for the spec's scorers: errors surface before scoring. */
  async prepare(spec: Spec): Promise<void> {
    await this.pipelineFor(spec).ready();
  }

  async close(): Promise<void> {
    await Promise.all(this.#all.map((pipeline) => pipeline.close()));
  }
}
