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
export interface RewardKind<Options = unknown> {
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
  /** Builds the scorer. (Issue 11: to become async-capable and run once per process.) */
  create(options: Options, environment: KindEnvironment): ComponentScorer;
}

/** Helper that keeps the options type of a kind while erasing it for the registry. */
export function defineRewardKind<Options>(kind: RewardKind<Options>): RewardKind<unknown> {
  return kind as unknown as RewardKind<unknown>;
}
