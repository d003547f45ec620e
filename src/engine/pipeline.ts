import { type ErrorInfo, RewardKitError, SpecError, toErrorInfo } from '../core/errors.js';
import type { Registry } from '../core/registry.js';
import type { ComponentResult, RewardResult } from '../core/result.js';
import type { ComponentScorer, KindEnvironment, RewardKind } from '../core/reward-kind.js';
import { resultGroupOf, type Sample, type SampleId, SampleIdSchema, SampleSchema } from '../core/sample.js';
import { describeZodIssues, type RewardEntry, type Spec } from '../core/spec.js';
import { rewardKinds as builtinRewardKinds } from '../rewards/index.js';
import { segmenters as builtinSegmenters, type Segmenter } from '../steps/index.js';
import { rewardOf } from './combine-results.js';
import { processSpecProblems, runProcessStage } from './process-stage.js';
import { runComponent } from './run-component.js';

export interface PipelineOptions {
  rewardKinds?: Registry<RewardKind<unknown>>;
  segmenters?: Registry<Segmenter<unknown>>;
  /** How many samples are scored at once (pools size themselves from it). */
  concurrency?: number;
  /** Lets code run without the sandbox. Only the loudly-named CLI/server flag sets it. */
  allowUnsandboxed?: boolean;
  /** The operator's ceilings on request-stated limits (KindEnvironment.limitCeilings). */
  limitCeilings?: Readonly<Record<string, number>>;
}

/** Errors a kind raises while compiling that are about the spec, collected and reported together. */
const SPEC_PROBLEM_CODES: ReadonlySet<string> = new Set([
  'RK_SPEC_INVALID',
  'RK_UNKNOWN_NAME',
  'RK_INTERNAL',
]);

interface CompiledComponent {
  entry: RewardEntry;
  scorer: ComponentScorer;
  timeoutSeconds: number;
}

/** Where a sample came from, for error messages ("line 12") and ids of unreadable lines. */
export interface SamplePosition {
  line?: number;
}

/**
 * A spec compiled once and fully validated ("fail at start, not mid-run"): every reward kind,
 * its options and the segmenter are checked before the first sample is scored.
 */
export class Pipeline {
  readonly spec: Spec;
  readonly #components: CompiledComponent[];
  readonly #split: (sample: Sample) => string[];

  private constructor(spec: Spec, components: CompiledComponent[], split: (sample: Sample) => string[]) {
    this.spec = spec;
    this.#components = components;
    this.#split = split;
  }

  static compile(spec: Spec, options: PipelineOptions = {}): Pipeline {
    const kinds = options.rewardKinds ?? builtinRewardKinds;
    const environment: KindEnvironment = {
      concurrency: options.concurrency ?? 8,
      allowUnsandboxed: options.allowUnsandboxed ?? false,
      models: spec.models,
      ...(options.limitCeilings === undefined ? {} : { limitCeilings: options.limitCeilings }),
    };
    const problems: string[] = [];
    const components: CompiledComponent[] = [];
    spec.rewards.forEach((entry, index) => {
      const where = `rewards[${index}]`;
      try {
        const kind = kinds.get(entry.type, `${where}.type`);
        const parsed = kind.optionsSchema.safeParse(entry.options);
        if (!parsed.success) {
          problems.push(
            ...describeZodIssues(
              parsed.error,
              entry.options,
              () => '',
              ['rewards', index, 'options'],
              kind.optionsSchema,
            ),
          );
          return;
        }
        components.push({
          entry,
          scorer: kind.create(parsed.data, environment),
          timeoutSeconds: entry.timeout_s ?? kind.defaultTimeoutSeconds,
        });
      } catch (error) {
        // A machine problem (no sandbox here) is not a spec problem: keep its own code.
        if (error instanceof RewardKitError && !SPEC_PROBLEM_CODES.has(error.code)) throw error;
        const info = toErrorInfo(error);
        problems.push(`${info.where ?? where}: ${info.message}${info.hint ? ` (${info.hint})` : ''}`);
      }
    });
    let split: (sample: Sample) => string[] = () => [];
    try {
      const segmenter = (options.segmenters ?? builtinSegmenters).get(spec.steps.split, 'steps.split');
      const { split: _name, ...segmenterOptions } = spec.steps;
      const parsed = segmenter.optionsSchema.safeParse(segmenterOptions);
      if (parsed.success) split = segmenter.create(parsed.data);
      else
        problems.push(
          ...describeZodIssues(parsed.error, segmenterOptions, () => '', ['steps'], segmenter.optionsSchema),
        );
    } catch (error) {
      const info = toErrorInfo(error);
      problems.push(`${info.where ?? 'steps'}: ${info.message}${info.hint ? ` (${info.hint})` : ''}`);
    }
    if (spec.combine === 'gated' && !spec.rewards.some((entry) => entry.gate)) {
      problems.push(`combine: 'gated' needs at least one reward with gate: true`);
    }
    problems.push(...processSpecProblems(spec));
    if (problems.length > 0) {
      throw new SpecError(`spec '${spec.name}' is invalid:\n  ${problems.join('\n  ')}`, {
        where: spec.name,
      });
    }
    return new Pipeline(spec, components, split);
  }

  /** Scores one raw input (anything: it is validated here). Never throws unless on_error is fail. */
  async scoreSample(input: unknown, position: SamplePosition = {}): Promise<RewardResult> {
    const started = performance.now();
    const validated = validateSample(input, position);
    if ('error' in validated) {
      return { id: validated.id, reward: null, components: {}, error: validated.error, ms: elapsed(started) };
    }
    const sample = validated.sample;
    const steps = sample.steps ?? this.#split(sample);
    const results = await Promise.all(
      this.#components.map((component) =>
        runComponent(component.scorer, sample, steps, component.timeoutSeconds),
      ),
    );
    const components: Record<string, ComponentResult> = {};
    results.forEach((result, index) => {
      components[this.#components[index]!.entry.name] = result;
    });
    const reward = rewardOf(this.spec, results, String(sample.id));
    const group = resultGroupOf(sample);
    const output: RewardResult = {
      id: sample.id,
      ...(group === undefined ? {} : { group }),
      reward,
      components,
      error: null,
      ms: 0,
    };
    if (this.spec.process !== undefined) {
      const processed = runProcessStage(this.spec.process, sample, steps, components, reward);
      output.reward = processed.reward;
      output.steps = processed.steps;
      output.process = processed.process;
    } else if (this.spec.steps.split !== 'none' || sample.steps !== undefined) {
      output.steps = steps.map((text) => ({ text }));
    }
    output.ms = elapsed(started);
    return output;
  }

  /** Scores many inputs concurrently; results are in input order. */
  async scoreBatch(
    inputs: readonly unknown[],
    positions?: readonly SamplePosition[],
  ): Promise<RewardResult[]> {
    return Promise.all(inputs.map((input, index) => this.scoreSample(input, positions?.[index])));
  }

  async close(): Promise<void> {
    await Promise.all(this.#components.map((component) => component.scorer.close?.()));
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 1000) / 1000;
}

/** Validates a raw input against the sample contract; an invalid one keeps its id if it has one. */
export function validateSample(
  input: unknown,
  position: SamplePosition = {},
): { sample: Sample } | { id: SampleId; error: ErrorInfo } {
  const parsed = SampleSchema.safeParse(input);
  if (parsed.success) return { sample: parsed.data };
  const rawId =
    input !== null && typeof input === 'object' ? (input as Record<string, unknown>)['id'] : undefined;
  const validId = SampleIdSchema.safeParse(rawId);
  const id = validId.success ? validId.data : `line:${position.line ?? '?'}`;
  const where = position.line === undefined ? undefined : `line ${position.line}`;
  const reasons = describeZodIssues(parsed.error, input).map((reason) =>
    reason.replace(/^([^:]+):/, (_match, path: string) => `field '${path}':`),
  );
  const error: ErrorInfo = {
    code: 'RK_INPUT_INVALID',
    message: `${where === undefined ? '' : `${where}: `}${reasons.join('; ')}`,
  };
  if (where !== undefined) error.where = where;
  return { id, error };
}
