import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { ErrorInfo } from '../core/errors.js';
import { RewardKitError } from '../core/errors.js';
import type { Registry } from '../core/registry.js';
import { type ComponentResult, type RewardResult, undecided } from '../core/result.js';
import type { RewardKind } from '../core/reward-kind.js';
import type { Sample } from '../core/sample.js';
import type { Spec } from '../core/spec.js';
import type { JsonlBlock } from '../io/jsonl-blocks.js';
import { parseJsonLine } from '../io/parse-json-line.js';
import { sampleIdKey } from '../io/sample-id.js';
import { rewardKinds as builtinRewardKinds } from '../rewards/index.js';
import { cancelledFailure } from './cancelled-result.js';
import { crashError, crashResult } from './crash-result.js';
import {
  type BlockReply,
  type BlockScoreRequest,
  cancelledBlockReply,
  cancelledLineReply,
  cancelledResults,
  type LineChunkReply,
  type LineScoreRequest,
  type LineScoringBackend,
  replyOf,
  scoreBlockAsLines,
  unreadableResult,
} from './line-chunk.js';
import type { CpuOffload, SamplePosition } from './pipeline.js';
import { ScoreTally } from './score-tally.js';
import type { ScoreRequest } from './scoring-backend.js';
import type { WorkerReply, WorkerTask } from './thread-pool-worker.js';
import { timeoutResult } from './timeout-result.js';

export interface ThreadPoolOptions {
  /** Worker threads; defaults to the number of cores. */
  threads?: number;
  /** Registry used on this thread to read each kind's default timeout (builtin kinds by default). */
  rewardKinds?: Registry<RewardKind<unknown>>;
  /** Module exporting extra `rewardKinds`; every worker loads it (see loadRewardKinds). */
  kindsModule?: string;
  concurrency?: number;
  allowUnsandboxed?: boolean;
  /** Added to every hard deadline: worker start-up and pipeline compilation. Default 2000 ms. */
  graceMs?: number;
  /** Time a chunk may take per sample on top of one sample's limit. Default 50 ms. */
  perSampleAllowanceMs?: number;
  /**
   * Heap limit of each worker thread (V8 old generation), in MiB. A sample that needs more kills
   * only its thread: it becomes that sample's error line. Default 1024.
   */
  maxHeapMb?: number;
}

/**
 * Scores on a pool of worker threads (piscina), with hard deadlines that do not trust the scorer:
 *
 * - a request is one task (a chunk of inputs plus the spec; workers cache compiled pipelines by
 *   spec key). Its deadline is `sampleLimit + n * perSampleAllowance + grace`, where
 *   `sampleLimit` is the spec's largest component timeout;
 * - when a chunk overruns, the task is aborted (piscina terminates the worker, so even a
 *   synchronous infinite loop stops) and its samples are rescored one per task, each with
 *   `sampleLimit + grace`;
 * - a sample that overruns alone gets `timeout` component results (timeoutResult) and the run
 *   goes on. At most `threads` tasks run at once so a deadline starts when its task starts;
 * - a chunk whose thread dies (heap limit, native crash, `process.exit` in a kind) is rescored
 *   one sample per task the same way; the sample that kills its thread alone becomes its own
 *   error line (crashResult) and the run goes on.
 */
export class ThreadPoolBackend implements LineScoringBackend, CpuOffload {
  readonly #pool: Piscina;
  readonly #threads: number;
  readonly #options: ThreadPoolOptions;
  readonly #specKeys = new WeakMap<Spec, string>();
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(options: ThreadPoolOptions = {}) {
    this.#options = options;
    this.#threads = Math.max(1, options.threads ?? availableParallelism());
    this.#pool = new Piscina({
      filename: workerFileUrl(),
      minThreads: this.#threads,
      maxThreads: this.#threads,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 1024 },
      env: { ...process.env, REWARDKIT_SANDBOX_CONCURRENCY: String(sandboxSlotsPerThread(this.#threads)) },
    });
  }

  get threads(): number {
    return this.#threads;
  }

  score(request: ScoreRequest): Promise<RewardResult[]> {
    return this.#unlessCancelled(
      request.signal,
      () => cancelledResults(request.inputs, request.positions, request.signal as AbortSignal),
      () => this.#scoreValues(request),
    );
  }

  async #scoreValues(request: ScoreRequest): Promise<RewardResult[]> {
    const positions = request.positions;
    return this.#withDeadlines(
      request.spec,
      request.inputs.length,
      (indexes) => ({
        kind: 'values',
        inputs: indexes.map((index) => request.inputs[index]),
        positions: indexes.map((index) => positions?.[index] ?? {}),
      }),
      (reply) => {
        if (!('results' in reply)) throw new Error('worker sent a line reply to a value task');
        return reply.results;
      },
      (parts) => parts.flat(),
      (index, limitMs) => [
        timeoutResult(request.spec, request.inputs[index], positions?.[index] ?? {}, limitMs),
      ],
      (index, reason) => [crashResult(request.spec, request.inputs[index], positions?.[index] ?? {}, reason)],
      request.signal,
    );
  }

  /** Scores raw JSONL lines: parsing and serializing happen on the worker threads. */
  scoreLines(request: LineScoreRequest): Promise<LineChunkReply> {
    return this.#unlessCancelled(
      request.signal,
      () => cancelledLineReply(request, request.signal as AbortSignal),
      () => this.#scoreLines(request),
    );
  }

  async #scoreLines(request: LineScoreRequest): Promise<LineChunkReply> {
    // A line cut off from its chunk (overrun, dead thread) is answered here: parsed for its id.
    const alone = (
      index: number,
      resultOf: (value: unknown, line: number) => RewardResult,
    ): LineChunkReply => {
      const line = request.lines[index] ?? index + 1;
      const parsed = parseJsonLine(request.texts[index] ?? '', line);
      if ('error' in parsed) return replyOf([null], [unreadableResult(line, parsed.error)]);
      return replyOf([sampleIdKey(parsed.value) ?? null], [resultOf(parsed.value, line)]);
    };
    return this.#withDeadlines(
      request.spec,
      request.texts.length,
      (indexes) => ({
        kind: 'lines',
        texts: indexes.map((index) => request.texts[index] ?? ''),
        lines: indexes.map((index) => request.lines[index] ?? index + 1),
      }),
      (reply) => {
        if (!('reply' in reply)) throw new Error('worker sent a value reply to a line task');
        return reply.reply;
      },
      mergeReplies,
      (index, limitMs) =>
        alone(index, (value, line) => timeoutResult(request.spec, value, { line }, limitMs)),
      (index, reason) => alone(index, (value, line) => crashResult(request.spec, value, { line }, reason)),
      request.signal,
    );
  }

  /**
   * Scores a block of lines as one task: its bytes move to the thread (no copy), which decodes,
   * parses, scores and serializes them and sends back one text. A block that overruns its
   * deadline or kills its thread is rescored line by line (scoreLines' rules).
   */
  async scoreBlock(request: BlockScoreRequest): Promise<BlockReply> {
    const { block } = request;
    const limitMs = this.#chunkLimitMs(request.spec, block.count);
    // Its own copy of the bytes (a block is a view of a larger read buffer), moved to the thread.
    // (Not `slice`: on a Buffer it is a view, and moving it would detach the read buffer.)
    const bytes = new Uint8Array(block.bytes);
    // The copy stays readable until the task is posted (posting moves it): a block cancelled while
    // it waited for a thread is answered from it.
    const copy: JsonlBlock = { ...block, bytes };
    const outcome = await this.#unlessCancelled<RunOutcome | BlockReply>(
      request.signal,
      () => cancelledBlockReply(copy, request.signal as AbortSignal),
      () =>
        this.#run(
          request.spec,
          { kind: 'block', firstLine: block.firstLine, count: block.count, bytes },
          limitMs,
          [bytes.buffer],
          request.signal,
        ),
    );
    if ('text' in outcome) return outcome;
    if (outcome.outcome === 'done') {
      if (!('block' in outcome.reply)) throw new Error('worker sent another reply to a block task');
      return outcome.reply.block;
    }
    return scoreBlockAsLines((lines) => this.scoreLines(lines), request);
  }

  /**
   * Runs `work`; when the request's signal stopped it before a task was posted, answers with the
   * request's cancelled results instead (every sample cancelled, none scored).
   */
  async #unlessCancelled<Reply>(
    signal: AbortSignal | undefined,
    cancelled: () => Reply,
    work: () => Promise<Reply>,
  ): Promise<Reply> {
    if (signal?.aborted === true) return cancelled();
    try {
      return await work();
    } catch (error) {
      if (signal !== undefined && error instanceof RewardKitError && error.code === 'RK_CANCELLED') {
        return cancelled();
      }
      throw error;
    }
  }

  /** Starts every thread and compiles the spec there, so that the first blocks do not wait. */
  async prepare(spec: Spec): Promise<void> {
    await Promise.all(
      Array.from({ length: this.#threads }, () => this.#run(spec, { kind: 'prepare' }, 60_000)),
    );
  }

  /**
   * Runs a chunk under its hard deadline; on overrun, runs each item alone under the per-sample
   * deadline, and gives an item that overruns alone the `timedOut` result.
   */
  async #withDeadlines<Part>(
    spec: Spec,
    size: number,
    taskFor: (indexes: number[]) => TaskPayload,
    unwrap: (reply: WorkerReply) => Part,
    merge: (parts: Part[]) => Part,
    timedOut: (index: number, limitMs: number) => Part,
    crashed: (index: number, reason: string) => Part,
    signal: AbortSignal | undefined,
  ): Promise<Part> {
    const sampleLimitMs = this.#sampleLimitMs(spec);
    const graceMs = this.#options.graceMs ?? 2000;
    const chunkLimitMs = this.#chunkLimitMs(spec, size);
    const all = Array.from({ length: size }, (_, index) => index);
    const chunk = await this.#run(spec, taskFor(all), chunkLimitMs, undefined, signal);
    if (chunk.outcome === 'done') return unwrap(chunk.reply);
    if (size === 1) {
      return chunk.outcome === 'timeout' ? timedOut(0, sampleLimitMs) : crashed(0, chunk.reason);
    }
    const parts = await Promise.all(
      all.map(async (index) => {
        const single = await this.#run(spec, taskFor([index]), sampleLimitMs + graceMs, undefined, signal);
        if (single.outcome === 'done') return unwrap(single.reply);
        return single.outcome === 'timeout' ? timedOut(index, sampleLimitMs) : crashed(index, single.reason);
      }),
    );
    return merge(parts);
  }

  /** CPU components of a main-thread pipeline, on the pool under the same hard deadlines. */
  async scoreComponents(request: Parameters<CpuOffload['scoreComponents']>[0]): Promise<ComponentResult[][]> {
    const failed = (status: 'timeout' | 'error', error: ErrorInfo): ComponentResult[][] => [
      request.names.map(() => undecided(status, error)),
    ];
    return this.#withDeadlines(
      request.spec,
      request.samples.length,
      (indexes) => ({
        kind: 'components',
        names: [...request.names],
        samples: indexes.map((index) => request.samples[index] as Sample),
        steps: indexes.map((index) => [...(request.steps[index] ?? [])]),
      }),
      (reply) => {
        if (!('components' in reply)) throw new Error('worker sent another reply to a component task');
        return reply.components;
      },
      (parts) => parts.flat(),
      (_index, limitMs) =>
        failed('timeout', {
          code: 'RK_TIMEOUT',
          message: `scoring did not finish within the hard limit of ${limitMs} ms; the worker was terminated`,
        }),
      (_index, reason) => failed('error', crashError(reason)),
      request.signal,
    );
  }

  #closing: Promise<void> | undefined;

  async close(): Promise<void> {
    this.#closing ??= this.#pool.destroy();
    await this.#closing;
  }

  /** A chunk's hard limit: one sample's limit, an allowance per sample, and the start-up grace. */
  #chunkLimitMs(spec: Spec, size: number): number {
    const graceMs = this.#options.graceMs ?? 2000;
    return this.#sampleLimitMs(spec) + size * (this.#options.perSampleAllowanceMs ?? 50) + graceMs;
  }

  /** The largest per-sample component budget of a spec, in ms. */
  #sampleLimitMs(spec: Spec): number {
    const kinds = this.#options.rewardKinds ?? builtinRewardKinds;
    const seconds = spec.rewards.map((entry) => {
      if (entry.timeout_s !== undefined) return entry.timeout_s;
      return kinds.has(entry.type) ? kinds.get(entry.type).defaultTimeoutSeconds : 10;
    });
    return Math.ceil(Math.max(...seconds) * 1000);
  }

  #specKey(spec: Spec): string {
    let key = this.#specKeys.get(spec);
    if (key === undefined) {
      key = createHash('sha256').update(JSON.stringify(spec)).digest('hex');
      this.#specKeys.set(spec, key);
    }
    return key;
  }

  async #run(
    spec: Spec,
    payload: TaskPayload,
    limitMs: number,
    transferList?: ArrayBuffer[],
    signal?: AbortSignal,
  ): Promise<RunOutcome> {
    await this.#acquire();
    // Cancelled while it waited for a thread: the task is not started (a task running goes on:
    // it is bounded by its hard deadline, and a thread cannot be told to stop between samples).
    if (signal?.aborted === true) {
      this.#release();
      throw cancelledFailure(signal);
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), limitMs);
    const task = {
      ...payload,
      specKey: this.#specKey(spec),
      spec,
      kindsModule: this.#options.kindsModule,
      concurrency: this.#options.concurrency ?? 8,
      allowUnsandboxed: this.#options.allowUnsandboxed ?? false,
    } as WorkerTask;
    try {
      const reply = (await this.#pool.run(task, {
        signal: controller.signal,
        ...(transferList === undefined ? {} : { transferList }),
      })) as WorkerReply;
      if ('error' in reply) {
        throw new RewardKitError(reply.error.code, reply.error.message, {
          ...(reply.error.hint === undefined ? {} : { hint: reply.error.hint }),
          ...(reply.error.where === undefined ? {} : { where: reply.error.where }),
        });
      }
      return { outcome: 'done', reply };
    } catch (error) {
      if (controller.signal.aborted) return { outcome: 'timeout' };
      if (error instanceof RewardKitError) throw error;
      // The thread died under the task (heap limit, crash, exit): not the caller's fault.
      return { outcome: 'crashed', reason: describeCrash(error) };
    } finally {
      clearTimeout(timer);
      this.#release();
    }
  }

  async #acquire(): Promise<void> {
    if (this.#running < this.#threads) {
      this.#running++;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next !== undefined) next();
    else this.#running--;
  }
}

type TaskPayload =
  | { kind: 'values'; inputs: unknown[]; positions: SamplePosition[] }
  | { kind: 'lines'; texts: string[]; lines: number[] }
  | { kind: 'block'; firstLine: number; count: number; bytes: Uint8Array }
  | { kind: 'prepare' }
  | { kind: 'components'; names: string[]; samples: Sample[]; steps: string[][] };

type RunOutcome =
  | { outcome: 'done'; reply: WorkerReply }
  | { outcome: 'timeout' }
  | { outcome: 'crashed'; reason: string };

function describeCrash(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return 'the worker thread ran out of memory (its heap limit)';
  const message = error instanceof Error ? error.message : String(error);
  return `the worker thread died: ${message}`;
}

/** Concatenates the replies of single-line tasks, in order. */
function mergeReplies(parts: readonly LineChunkReply[]): LineChunkReply {
  const tally = new ScoreTally();
  for (const part of parts) tally.merge(part.tally);
  return {
    ids: parts.flatMap((part) => part.ids),
    texts: parts.flatMap((part) => part.texts),
    tally: tally.toData(),
  };
}

/** The worker entry: the compiled .js next to this file, or a tsx shim when running from .ts. */
function workerFileUrl(): string {
  const here = import.meta.url;
  return here.endsWith('.ts')
    ? new URL('./thread-pool-worker-tsx.mjs', here).href
    : new URL('./thread-pool-worker.js', here).href;
}

/**
 * Each worker thread has its own sandbox pool; splitting the process's sandbox slots (the cores,
 * or REWARDKIT_SANDBOX_CONCURRENCY) between the threads keeps concurrent programs bounded per process.
 */
function sandboxSlotsPerThread(threads: number): number {
  const configured = Number(process.env['REWARDKIT_SANDBOX_CONCURRENCY']);
  const total = Number.isInteger(configured) && configured > 0 ? configured : availableParallelism();
  return Math.max(1, Math.floor(total / threads));
}
