import type { z } from 'zod';
import type { ModelEndpoint } from './model-endpoint.js';
import type { ComponentResult } from './result.js';
import type { Sample } from './sample.js';

/** Shared, engine-wide settings a kind may read when it builds its scorer. */
export interface KindEnvironment {
  /** How many samples the engine scores at once; pools size themselves from it. */
  concurrency: number;
  /** Set only by the explicit, loudly-named unsandboxed flag of the CLI/server. */
  allowUnsandboxed: boolean;
  /** The spec's `models:` endpoints by name (empty when the spec names none). */
  models?: Readonly<Record<string, ModelEndpoint>>;
  /**
   * The operator's ceilings on limits a request may state (sandbox: timeout_s, memory_mb,
   * processes, tmp_size_mb, output_bytes). Unset: the process-wide ones (`--sandbox-max-*` flags,
   * REWARDKIT_SANDBOX_CEILINGS, or safe defaults). Requests are clamped, never raised past them.
   */
  limitCeilings?: Readonly<Record<string, number>>;
}

/**
 * Sample fields a kind may read. The component cache keys a result on the fields the kind reads
 * (plus the kind, its options and, for non-deterministic kinds, the spec's seed), so a kind that
 * reads more than the default must say so in `RewardKind.reads`.
 */
export type SampleField =
  | 'response'
  | 'prompt'
  | 'reference'
  | 'steps'
  | 'step_scores'
  | 'tokens'
  | 'logprobs'
  | 'group'
  | 'meta';

/** What a kind reads when it does not say: the response, the prompt, the reference and the steps. */
export const DEFAULT_READ_FIELDS: readonly SampleField[] = ['response', 'prompt', 'reference', 'steps'];

/** What a scorer gets for one sample besides the sample itself. */
export interface ScoreContext {
  /** The sample's steps (given in the input or produced by the spec's segmenter). */
  steps: readonly string[];
  /** Absolute deadline (performance.now() based) for this component on this sample. */
  deadline: number;
  /** Aborted when the deadline passes or the run is cancelled. */
  signal: AbortSignal;
}

/** A scorer built once per spec entry; scores many samples. It must not throw for bad samples. */
export interface ComponentScorer {
  score(sample: Sample, context: ScoreContext): ComponentResult | Promise<ComponentResult>;
  /**
   * Optional: scores many samples at once (one result per sample, in order), for kinds whose
   * backend takes batches (a reward-model endpoint). The engine prefers it when present.
   */
  scoreBatch?(
    samples: readonly Sample[],
    contexts: readonly ScoreContext[],
  ): Promise<readonly ComponentResult[]>;
  close?(): Promise<void>;
}

/**
 * How a kind's work runs: `cpu` kinds (math, code, format ...) go to the worker pool under hard
 * deadlines; `io` kinds (a model behind HTTP) run on the event loop under concurrency limits and
 * are never killed mid-request (a paid call is not re-sent).
 */
export type KindExecution = 'cpu' | 'io';

/**
 * A reward kind: one file in `src/rewards/`, registered by `name` (the spec's `type`).
 * Its options schema is the single source of truth for validation, types and JSON Schema.
 */
export interface RewardKind<
  Options = unknown,
  Built extends ComponentScorer | Promise<ComponentScorer> = ComponentScorer | Promise<ComponentScorer>,
> {
  readonly name: string;
  readonly description: string;
  readonly optionsSchema: z.ZodType<Options>;
  /** Default per-sample time budget for this kind, in seconds. */
  readonly defaultTimeoutSeconds: number;
  /** Default `cpu`. */
  readonly execution?: KindExecution;
  /**
   * Default true: the same inputs always give the same result, so results may be cached and a
   * job may be retried. A sampling judge is not deterministic: cached only when the spec asks.
   */
  readonly deterministic?: boolean;
  /** Sample fields the scorer reads (keys of the component cache). Default DEFAULT_READ_FIELDS. */
  readonly reads?: readonly SampleField[];
  /**
   * Synthetic inputs (raw sample objects, as a JSONL line holds them) that are cheap to score and
   * have no effect outside the scorer. `rewardkit score` may score them at start-up, before the
   * first line, so that V8 compiles the engine's per-line path (parse, score, assemble, serialize)
   * on them rather than on the run's first thousands of lines; their results are discarded. A kind
   * that calls a model or runs code must not offer any.
   */
  warmUpSamples?(): readonly Record<string, unknown>[];
  /**
   * `io` kinds: samples of one component in flight at once, unless the spec entry sets
   * `max_concurrency`. Default 32.
   */
  readonly defaultConcurrency?: number;
  /**
   * The names of the spec's `models:` endpoints a component with these options calls. The engine
   * keeps at most the endpoint's `max_concurrency` samples in flight to it, across every
   * component of the process that names it, and keys the cache on the endpoint's url and model.
   */
  endpoints?(options: Options): readonly string[];
  /**
   * Builds the scorer; may be async (open clients, check an endpoint). The engine calls it once
   * per process for each distinct (kind, options, endpoints) and never to validate a spec: spec
   * validation only parses `optionsSchema`. (CPU kinds placed on worker threads are built once in
   * each thread that scores them, since a scorer lives in the thread that runs it.)
   */
  create(options: Options, environment: KindEnvironment): Built;
}

/** Helper that keeps the options type of a kind while erasing it for the registry. */
export function defineRewardKind<
  Options,
  Built extends ComponentScorer | Promise<ComponentScorer> = ComponentScorer,
>(kind: RewardKind<Options, Built>): RewardKind<unknown, Widened<Built>> {
  return kind as unknown as RewardKind<unknown, Widened<Built>>;
}

/** A synchronous kind stays synchronous in its type (tests and benchmarks call `create` directly). */
type Widened<Built> = Built extends PromiseLike<unknown> ? Promise<ComponentScorer> : ComponentScorer;
