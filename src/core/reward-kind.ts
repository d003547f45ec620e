import type { z } from 'zod';
import type { ComponentResult } from './result.js';
import type { Sample } from './sample.js';

/** Shared, engine-wide settings a kind may read when it builds its scorer. */
export interface KindEnvironment {
  /** How many samples the engine scores at once; pools size themselves from it. */
  concurrency: number;
  /** Set only by the explicit, loudly-named unsandboxed flag of the CLI/server. */
  allowUnsandboxed: boolean;
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
  close?(): Promise<void>;
}

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
  create(options: Options, environment: KindEnvironment): ComponentScorer;
}

/** Helper that keeps the options type of a kind while erasing it for the registry. */
export function defineRewardKind<Options>(kind: RewardKind<Options>): RewardKind<unknown> {
  return kind as unknown as RewardKind<unknown>;
}
