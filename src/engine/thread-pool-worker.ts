/**
 * The worker-thread side of ThreadPoolBackend (loaded by piscina). Compiled pipelines are cached
 * per spec key, so a spec is compiled once per thread. `on_error: fail` comes back as a value
 * (structured clone would strip the error's class and code).
 */
import { type ErrorInfo, toErrorInfo } from '../core/errors.js';
import type { ComponentResult, RewardResult } from '../core/result.js';
import type { Sample } from '../core/sample.js';
import type { Spec } from '../core/spec.js';
import { EngineResources } from './engine-resources.js';
import { type BlockReply, type LineChunkReply, scoreBlockWith, scoreLineChunk } from './line-chunk.js';
import { loadRewardKinds } from './load-reward-kinds.js';
import { Pipeline, type SamplePosition } from './pipeline.js';

/** A chunk of parsed inputs (`values`) or of raw JSONL lines (`lines`), under one spec. */
export type WorkerTask = WorkerTaskBase &
  (
    | { kind: 'values'; inputs: readonly unknown[]; positions?: readonly SamplePosition[] | undefined }
    | { kind: 'lines'; texts: readonly string[]; lines: readonly number[] }
    | { kind: 'block'; firstLine: number; count: number; bytes: Uint8Array }
    | { kind: 'prepare' }
    | { kind: 'components'; names: readonly string[]; samples: readonly Sample[]; steps: readonly string[][] }
  );

interface WorkerTaskBase {
  specKey: string;
  spec: Spec;
  kindsModule?: string | undefined;
  concurrency: number;
  allowUnsandboxed: boolean;
}

export type WorkerReply =
  | { results: RewardResult[] }
  | { reply: LineChunkReply }
  | { block: BlockReply }
  | { prepared: true }
  | { components: ComponentResult[][] }
  | { error: ErrorInfo };

const pipelines = new Map<string, Promise<Pipeline>>();
/** One set of scorers per thread: each CPU scorer is built once in the thread that runs it. */
const resources = new EngineResources();

function pipelineFor(task: WorkerTask): Promise<Pipeline> {
  const key = `${task.specKey}\u0000${task.kindsModule ?? ''}`;
  let pipeline = pipelines.get(key);
  if (pipeline === undefined) {
    pipeline = loadRewardKinds(task.kindsModule).then((rewardKinds) =>
      Pipeline.compile(task.spec, {
        rewardKinds,
        concurrency: task.concurrency,
        allowUnsandboxed: task.allowUnsandboxed,
        resources,
        cpuOnly: true,
      }),
    );
    pipelines.set(key, pipeline);
  }
  return pipeline;
}

export default async function scoreChunk(task: WorkerTask): Promise<WorkerReply> {
  try {
    const pipeline = await pipelineFor(task);
    if (task.kind === 'block') return { block: await scoreBlockWith(pipeline, task) };
    if (task.kind === 'prepare') {
      await pipeline.ready();
      return { prepared: true };
    }
    if (task.kind === 'lines') return { reply: await scoreLineChunk(pipeline, task.texts, task.lines) };
    if (task.kind === 'components') {
      return { components: await pipeline.scoreComponents(task.names, task.samples, task.steps) };
    }
    return { results: await pipeline.scoreBatch(task.inputs, task.positions) };
  } catch (error) {
    return { error: toErrorInfo(error) };
  }
}
