import { RewardKitError } from '../core/errors.js';
import type { Registry } from '../core/registry.js';
import { type ComponentResult, type RewardResult, UNDECIDED_STATUSES } from '../core/result.js';
import {
  type ComponentScorer,
  DEFAULT_READ_FIELDS,
  type KindEnvironment,
  type RewardKind,
  type SampleField,
} from '../core/reward-kind.js';
import { resultGroupOf, type Sample } from '../core/sample.js';
import type { RewardEntry, Spec } from '../core/spec.js';
import type { Segmenter } from '../steps/index.js';
import { cancelledComponent, cancelledResult, isCancelled } from './cancelled-result.js';
import { rewardOf } from './combine-results.js';
import { componentCacheKey, componentIdentity } from './component-cache-key.js';
import { EngineResources } from './engine-resources.js';
import { runIoComponent } from './io-component-runner.js';
import { runProcessStage } from './process-stage.js';
import { runComponent } from './run-component.js';
import type { ScorerOrPending } from './scorer-factory.js';
import { SlotLimiter } from './slot-limiter.js';
import { type SamplePosition, validateSample } from './validate-sample.js';
import { problemOf, SPEC_PROBLEM_CODES, throwIfProblems, validateSpec } from './validate-spec.js';

export type { SamplePosition } from './validate-sample.js';
export { validateSample } from './validate-sample.js';

/**
 * Runs CPU components somewhere else (the worker-thread pool, under hard deadlines) for a
 * pipeline that runs on the main thread because it has `io` components or cached ones. Returns
 * per sample one result per named component, in order.
 */
export interface CpuOffload {
  scoreComponents(request: {
    spec: Spec;
    names: readonly string[];
    samples: readonly Sample[];
    steps: readonly (readonly string[])[];
    positions: readonly SamplePosition[];
    /** The request's cancellation: a task not started when it fires is not started (rejects). */
    signal?: AbortSignal | undefined;
  }): Promise<ComponentResult[][]>;
}

export interface PipelineOptions {
  rewardKinds?: Registry<RewardKind<unknown>> | undefined;
  segmenters?: Registry<Segmenter<unknown>> | undefined;
  /** How many samples are scored at once (pools size themselves from it). */
  concurrency?: number | undefined;
  /** Lets code run without the sandbox. Only the loudly-named CLI/server flag sets it. */
  allowUnsandboxed?: boolean | undefined;
  /** The operator's ceilings on request-stated limits (KindEnvironment.limitCeilings). */
  limitCeilings?: Readonly<Record<string, number>> | undefined;
  /**
   * What the pipelines of a process share (scorers built once, endpoint limits, the component
   * cache). Absent: the pipeline has its own, closed with it.
   */
  resources?: EngineResources | undefined;
  /** Where CPU components run when this pipeline runs on the main thread (see CpuOffload). */
  cpuOffload?: CpuOffload | undefined;
  /** Worker threads: build only CPU components (an `io` component never runs on a worker thread). */
  cpuOnly?: boolean | undefined;
}

/** Default samples in flight of one `io` component. */
const DEFAULT_IO_CONCURRENCY = 32;

interface CompiledComponent {
  entry: RewardEntry;
  scorer: ScorerOrPending | undefined;
  /** The kind's synthetic inputs for a start-up warm-up (RewardKind.warmUpSamples), if it offers any. */
  warmUpSamples: (() => readonly Record<string, unknown>[]) | undefined;
  timeoutSeconds: number;
  io: boolean;
  reads: readonly SampleField[];
  /** Set when the component's results are cached: what identifies them apart from the sample. */
  cacheIdentity: string | undefined;
  limiter: SlotLimiter | undefined;
  endpointLimiters: SlotLimiter[];
}

/** True when the kind's results may be cached under this entry (see RewardEntry.cache). */
export function isCached(entry: RewardEntry, kind: RewardKind<unknown>): boolean {
  if (entry.cache !== undefined) return entry.cache;
  return kind.execution === 'io' && kind.deterministic !== false;
}

/**
 * True when a spec is scored by a pipeline on the main thread (io components, or a component
 * cache to consult) rather than whole on a worker thread.
 */
export function needsMainThread(spec: Spec, kinds: Registry<RewardKind<unknown>>, cache: boolean): boolean {
  return spec.rewards.some((entry) => {
    if (!kinds.has(entry.type)) return false;
    const kind = kinds.get(entry.type);
    return kind.execution === 'io' || (cache && isCached(entry, kind));
  });
}

/**
 * A spec compiled once and fully validated ("fail at start, not mid-run"). Scorers come from the
 * process's ScorerFactory (built once however many pipelines name them; `create` may be async,
 * `ready()` waits for it). Two paths:
 * - the plain path (only CPU components, no cache, no offload): each sample is scored on its own
 *   with no promise, timer or abort controller unless a scorer is asynchronous;
 * - the batch path: each component runs over the whole batch: cached results first, `io`
 *   components on the event loop under their limits (io-component-runner), CPU components here
 *   or on the worker pool (CpuOffload).
 */
export class Pipeline {
  readonly spec: Spec;
  readonly #components: CompiledComponent[];
  readonly #split: (sample: Sample) => string[];
  readonly #resources: EngineResources;
  readonly #ownsResources: boolean;
  readonly #offload: CpuOffload | undefined;
  readonly #plain: boolean;
  #ready: Promise<void> | undefined;

  private constructor(
    spec: Spec,
    components: CompiledComponent[],
    split: (sample: Sample) => string[],
    resources: EngineResources,
    ownsResources: boolean,
    offload: CpuOffload | undefined,
  ) {
    this.spec = spec;
    this.#components = components;
    this.#split = split;
    this.#resources = resources;
    this.#ownsResources = ownsResources;
    this.#offload = offload;
    this.#plain =
      offload === undefined &&
      components.every((component) => !component.io && component.cacheIdentity === undefined);
    const pending = components.filter((component) => component.scorer instanceof Promise);
    if (pending.length > 0) {
      this.#ready = Promise.all(
        pending.map(async (component) => {
          component.scorer = await component.scorer;
        }),
      ).then(() => undefined);
      this.#ready.catch(() => {});
    }
  }

  static compile(spec: Spec, options: PipelineOptions = {}): Pipeline {
    const validated = validateSpec(spec, options);
    const resources = options.resources ?? new EngineResources();
    const environment: KindEnvironment = {
      concurrency: options.concurrency ?? 8,
      allowUnsandboxed: options.allowUnsandboxed ?? false,
      models: spec.models,
      ...(options.limitCeilings === undefined ? {} : { limitCeilings: options.limitCeilings }),
    };
    const cache = resources.componentCache !== undefined;
    const problems: string[] = [];
    const components: CompiledComponent[] = [];
    validated.components.forEach((plan, index) => {
      const io = plan.kind.execution === 'io';
      const endpoints = plan.endpoints
        .map((name) => spec.models[name])
        .filter((model) => model !== undefined);
      let scorer: ScorerOrPending | undefined;
      // io kinds never run on a worker thread; CPU kinds of an offloading pipeline never run here.
      const runsHere = io ? options.cpuOnly !== true : options.cpuOffload === undefined;
      if (runsHere) {
        try {
          scorer = resources.scorers.get(plan.kind, plan.options, environment, plan.endpoints);
        } catch (error) {
          // A machine problem (no sandbox here) is not a spec problem: keep its own code.
          if (error instanceof RewardKitError && !SPEC_PROBLEM_CODES.has(error.code)) throw error;
          problems.push(problemOf(error, `rewards[${index}]`));
          return;
        }
      }
      const cached = cache && isCached(plan.entry, plan.kind);
      components.push({
        entry: plan.entry,
        scorer,
        warmUpSamples: plan.kind.warmUpSamples,
        timeoutSeconds: plan.entry.timeout_s ?? plan.kind.defaultTimeoutSeconds,
        io,
        reads: plan.kind.reads ?? DEFAULT_READ_FIELDS,
        cacheIdentity: cached
          ? componentIdentity(
              plan.kind.name,
              plan.options,
              endpoints.map((endpoint) => [endpoint.base_url, endpoint.model]),
              plan.kind.deterministic === false ? (plan.entry.seed ?? 0) : undefined,
            )
          : undefined,
        limiter: io
          ? new SlotLimiter(
              plan.entry.max_concurrency ?? plan.kind.defaultConcurrency ?? DEFAULT_IO_CONCURRENCY,
            )
          : undefined,
        endpointLimiters: endpoints.map((endpoint) => resources.endpointLimiter(endpoint)),
      });
    });
    throwIfProblems(spec, problems);
    return new Pipeline(
      spec,
      components,
      validated.split,
      resources,
      options.resources === undefined,
      options.cpuOffload,
    );
  }

  /** Resolves once every scorer is built; rejects with the error of an async `create`. */
  async ready(): Promise<void> {
    await this.#ready;
  }

  /** Scores one raw input (anything: it is validated here). Never throws unless on_error is fail. */
  async scoreSample(
    input: unknown,
    position: SamplePosition = {},
    signal?: AbortSignal,
  ): Promise<RewardResult> {
    return this.scoreSampleNow(input, position, signal);
  }

  /**
   * The same, without a promise when every scorer answered synchronously (the plain path): the
   * per-line cost of `rewardkit score` on fast kinds. Throws when on_error is fail. When `signal`
   * has fired the sample is not scored (a cancelled result); when it fires while an asynchronous
   * scorer runs, the scorer is aborted and the sample is cancelled.
   */
  scoreSampleNow(
    input: unknown,
    position: SamplePosition = {},
    signal?: AbortSignal,
  ): RewardResult | Promise<RewardResult> {
    if (!this.#plain || this.#ready !== undefined) {
      return this.scoreBatch([input], [position], signal).then((results) => results[0] as RewardResult);
    }
    const started = performance.now();
    const validated = validateSample(input, position);
    if ('error' in validated) {
      return { id: validated.id, reward: null, components: {}, error: validated.error, ms: elapsed(started) };
    }
    const sample = validated.sample;
    if (signal?.aborted === true) return cancelledResult(sample.id, signal, whereOf(position));
    const steps = sample.steps ?? this.#split(sample);
    const results: (ComponentResult | Promise<ComponentResult>)[] = [];
    let pending = false;
    const components = this.#components;
    for (let index = 0; index < components.length; index++) {
      const component = components[index] as CompiledComponent;
      const result = runComponent(this.#scorerOf(component), sample, steps, component.timeoutSeconds, signal);
      if (result instanceof Promise) pending = true;
      results.push(result);
    }
    if (pending) {
      return Promise.all(results).then((settled) =>
        signal !== undefined && settled.some(isCancelled)
          ? cancelledResult(sample.id, signal, whereOf(position))
          : this.#assemble(sample, steps, settled, started),
      );
    }
    return this.#assemble(sample, steps, results as ComponentResult[], started);
  }

  /**
   * True when every scorer is built and the plain path applies: scoreSampleNow then answers
   * without a promise unless a scorer is asynchronous, so a caller may score sample by sample.
   */
  get answersNow(): boolean {
    return this.#plain && this.#ready === undefined;
  }

  /**
   * Synthetic inputs to warm the per-line path with (line-warm-up.ts): those of every component's
   * kind, when each offers some (RewardKind.warmUpSamples) and the plain path applies; else none.
   */
  warmUpInputs(): Record<string, unknown>[] {
    if (!this.answersNow || this.#components.length === 0) return [];
    const inputs: Record<string, unknown>[] = [];
    for (const component of this.#components) {
      const samples = component.warmUpSamples?.() ?? [];
      if (samples.length === 0) return [];
      inputs.push(...samples);
    }
    return inputs;
  }

  #scorePlain(
    inputs: readonly unknown[],
    positions: readonly SamplePosition[] | undefined,
    signal: AbortSignal | undefined,
  ): RewardResult[] | Promise<RewardResult[]> {
    const results: (RewardResult | Promise<RewardResult>)[] = new Array(inputs.length);
    let pending = false;
    for (let index = 0; index < inputs.length; index++) {
      const result = this.scoreSampleNow(inputs[index], positions?.[index], signal);
      if (result instanceof Promise) pending = true;
      results[index] = result;
    }
    return pending ? Promise.all(results) : (results as RewardResult[]);
  }

  /**
   * Scores many inputs; results are in input order. When `signal` fires, the samples not yet
   * scored are cancelled results (RK_CANCELLED): no scorer starts on them, and `io` calls in flight
   * are aborted; samples already scored keep their results.
   */
  async scoreBatch(
    inputs: readonly unknown[],
    positions?: readonly SamplePosition[],
    signal?: AbortSignal,
  ): Promise<RewardResult[]> {
    if (this.#ready !== undefined) {
      await this.#ready;
      this.#ready = undefined;
    }
    if (this.#plain) return this.#scorePlain(inputs, positions, signal);
    const started = performance.now();
    const out: (RewardResult | undefined)[] = new Array(inputs.length);
    const samples: Sample[] = [];
    const steps: (readonly string[])[] = [];
    const where: number[] = [];
    const samplePositions: SamplePosition[] = [];
    inputs.forEach((input, index) => {
      const position = positions?.[index] ?? {};
      const validated = validateSample(input, position);
      if ('error' in validated) {
        out[index] = { id: validated.id, reward: null, components: {}, error: validated.error, ms: 0 };
        return;
      }
      samples.push(validated.sample);
      steps.push(validated.sample.steps ?? this.#split(validated.sample));
      where.push(index);
      samplePositions.push(position);
    });
    const table: ComponentResult[][] = this.#components.map(() => []);
    if (samples.length > 0) await this.#runComponents(samples, steps, samplePositions, table, signal);
    const ms = elapsed(started);
    samples.forEach((sample, position) => {
      const results = table.map((column) => column[position] as ComponentResult);
      if (signal !== undefined && results.some(isCancelled)) {
        out[where[position] as number] = cancelledResult(
          sample.id,
          signal,
          whereOf(samplePositions[position] ?? {}),
        );
        return;
      }
      const result = this.#assemble(sample, steps[position] as string[], results, started);
      result.ms = ms;
      out[where[position] as number] = result;
    });
    return out as RewardResult[];
  }

  /**
   * CPU components only, by name, over validated samples (the worker-thread side of CpuOffload).
   * Per sample one result per name.
   */
  async scoreComponents(
    names: readonly string[],
    samples: readonly Sample[],
    steps: readonly (readonly string[])[],
  ): Promise<ComponentResult[][]> {
    await this.ready();
    const chosen = names.map((name) => {
      const component = this.#components.find((candidate) => candidate.entry.name === name);
      if (component === undefined || component.io) {
        throw new RewardKitError('RK_INTERNAL', `no CPU component '${name}' in spec '${this.spec.name}'`);
      }
      return component;
    });
    return Promise.all(
      samples.map((sample, index) =>
        Promise.all(
          chosen.map((component) =>
            runComponent(this.#scorerOf(component), sample, steps[index] ?? [], component.timeoutSeconds),
          ),
        ),
      ),
    );
  }

  async close(): Promise<void> {
    if (this.#ownsResources) await this.#resources.close();
  }

  #scorerOf(component: CompiledComponent): ComponentScorer {
    const scorer = component.scorer;
    if (scorer === undefined || scorer instanceof Promise) {
      throw new RewardKitError(
        'RK_INTERNAL',
        `component '${component.entry.name}' has no scorer here (an io kind on a worker thread?)`,
      );
    }
    return scorer;
  }

  /**
   * Fills `table[component][sample]`: cache first, then io, offloaded CPU and local CPU runs.
   * Once `signal` fires, what was not scored is a cancelled marker (see cancelled-result.ts).
   */
  async #runComponents(
    samples: readonly Sample[],
    steps: readonly (readonly string[])[],
    positions: readonly SamplePosition[],
    table: ComponentResult[][],
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const cache = this.#resources.componentCache;
    const offloadTogether: number[] = [];
    const work = this.#components.map(async (component, componentIndex) => {
      const column = table[componentIndex] as ComponentResult[];
      let todo = samples.map((_, index) => index);
      let keys: string[] | undefined;
      if (cache !== undefined && component.cacheIdentity !== undefined) {
        const identity = component.cacheIdentity;
        keys = samples.map((sample, index) =>
          componentCacheKey(identity, component.reads, sample, steps[index] ?? []),
        );
        const hits = await cache.getMany(keys).catch(() => keys?.map(() => undefined) ?? []);
        todo = todo.filter((index) => {
          const hit = hits[index];
          if (hit === undefined) return true;
          column[index] = hit;
          return false;
        });
      } else if (!component.io && this.#offload !== undefined) {
        offloadTogether.push(componentIndex);
        return;
      }
      if (todo.length === 0) return;
      const todoSamples = todo.map((index) => samples[index] as Sample);
      const todoSteps = todo.map((index) => steps[index] ?? []);
      const store = (entries: { key: string; result: ComponentResult }[]): Promise<void> =>
        entries.length === 0 || cache === undefined
          ? Promise.resolve()
          : cache.setMany(entries).catch(() => {});
      let results: ComponentResult[];
      if (component.io) {
        results = await runIoComponent(
          {
            scorer: this.#scorerOf(component),
            timeoutSeconds: component.timeoutSeconds,
            limiter: component.limiter as SlotLimiter,
            endpointLimiters: component.endpointLimiters,
            onLate: (position, late) => {
              const key = keys?.[todo[position] as number];
              if (key !== undefined && isSettled(late)) void store([{ key, result: late }]);
            },
            cancel: signal,
          },
          todoSamples,
          todoSteps,
        );
      } else if (this.#offload !== undefined) {
        const replies = await this.#offloaded(
          {
            spec: this.spec,
            names: [component.entry.name],
            samples: todoSamples,
            steps: todoSteps,
            positions: todo.map((index) => positions[index] ?? {}),
          },
          signal,
        );
        results = replies.map((reply) => reply[0] as ComponentResult);
      } else {
        results = await Promise.all(
          todoSamples.map((sample, position) =>
            runComponent(
              this.#scorerOf(component),
              sample,
              todoSteps[position] ?? [],
              component.timeoutSeconds,
              signal,
            ),
          ),
        );
      }
      const fresh: { key: string; result: ComponentResult }[] = [];
      results.forEach((result, position) => {
        const index = todo[position] as number;
        column[index] = result;
        const key = keys?.[index];
        if (key !== undefined && isSettled(result)) fresh.push({ key, result });
      });
      await store(fresh);
    });
    await Promise.all(work);
    if (offloadTogether.length > 0 && this.#offload !== undefined) {
      const replies = await this.#offloaded(
        {
          spec: this.spec,
          names: offloadTogether.map((index) => this.#components[index]?.entry.name as string),
          samples,
          steps,
          positions,
        },
        signal,
      );
      replies.forEach((reply, sampleIndex) => {
        offloadTogether.forEach((componentIndex, position) => {
          (table[componentIndex] as ComponentResult[])[sampleIndex] = reply[position] as ComponentResult;
        });
      });
    }
  }

  /** CPU components on the pool; a task the signal stopped before it started is cancelled markers. */
  async #offloaded(
    request: Parameters<CpuOffload['scoreComponents']>[0],
    signal: AbortSignal | undefined,
  ): Promise<ComponentResult[][]> {
    const offload = this.#offload as CpuOffload;
    if (signal === undefined) return offload.scoreComponents(request);
    const cancelledRows = (): ComponentResult[][] =>
      request.samples.map(() => request.names.map(() => cancelledComponent(signal)));
    if (signal.aborted) return cancelledRows();
    try {
      return await offload.scoreComponents({ ...request, signal });
    } catch (error) {
      if (signal.aborted) return cancelledRows();
      throw error;
    }
  }

  #assemble(
    sample: Sample,
    steps: readonly string[],
    results: readonly ComponentResult[],
    started: number,
  ): RewardResult {
    const components: Record<string, ComponentResult> = {};
    for (let index = 0; index < results.length; index++) {
      components[(this.#components[index] as CompiledComponent).entry.name] = results[
        index
      ] as ComponentResult;
    }
    const reward = rewardOf(this.spec, results, String(sample.id));
    const group = resultGroupOf(sample);
    const output: RewardResult =
      group === undefined
        ? { id: sample.id, reward, components, error: null, ms: 0 }
        : { id: sample.id, group, reward, components, error: null, ms: 0 };
    if (this.spec.process !== undefined) {
      const processed = runProcessStage(this.spec.process, sample, steps as string[], components, reward);
      output.reward = processed.reward;
      output.steps = processed.steps;
      output.process = processed.process;
    } else if (this.spec.steps.split !== 'none' || sample.steps !== undefined) {
      output.steps = steps.map((text) => ({ text }));
    }
    output.ms = elapsed(started);
    return output;
  }
}

/** A decided (or undecidable-by-content) result: timeouts and errors are never cached. */
function isSettled(result: ComponentResult): boolean {
  return !(UNDECIDED_STATUSES.has(result.status) && result.status !== 'unparseable');
}

/** Where a sample came from, for its error (`line 7`), when known. */
function whereOf(position: SamplePosition): string | undefined {
  return position.line === undefined ? undefined : `line ${position.line}`;
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 1000) / 1000;
}
