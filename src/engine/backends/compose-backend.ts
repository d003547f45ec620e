import { availableParallelism } from 'node:os';
import type { Registry } from '../../core/registry.js';
import type { RewardKind } from '../../core/reward-kind.js';
import type { Spec } from '../../core/spec.js';
import { rewardKinds as builtinRewardKinds } from '../../rewards/index.js';
import { AdaptiveBackend } from '../adaptive-backend.js';
import { type ComponentCache, EngineResources } from '../engine-resources.js';
import { InProcessLineBackend } from '../in-process-line-backend.js';
import { LazyBackend } from '../lazy-backend.js';
import { type LineScoringBackend, withLineScoring } from '../line-chunk.js';
import { type CpuOffload, needsMainThread } from '../pipeline.js';
import { ThreadPoolBackend } from '../thread-pool-backend.js';
import { PlacementBackend } from './placement-backend.js';

export interface EngineSettings {
  /** Samples in flight at once in one pipeline (kinds size their pools from it). */
  concurrency: number;
  /**
   * Worker threads for CPU kinds: 0 scores on the main thread; a number, that many threads;
   * `auto` scores on the main thread, helped by cores - 1 worker threads when the rest of the
   * input is measured to be worth them (AdaptiveBackend).
   */
  threads: number | 'auto';
  /** The size of the input being scored, when known (`auto` starts helper threads for large ones). */
  inputBytes?: number | undefined;
  /** Samples per pool task in the CLI's chunking (the pool's own pipelines size from it). */
  poolConcurrency?: number | undefined;
  /** Producer side of distributed mode: every request becomes BullMQ jobs for `rewardkit worker`. */
  redisUrl?: string | undefined;
  rewardKinds?: Registry<RewardKind<unknown>> | undefined;
  kindsModule?: string | undefined;
  allowUnsandboxed?: boolean | undefined;
  /** The component cache (SQLite store or Redis); none when undefined. */
  componentCache?: ComponentCache | undefined;
  /** Worker-thread heap limit in MiB (default 1024). */
  maxHeapMb?: number | undefined;
  /**
   * Warm the main thread's per-line path up when a spec is prepared (line-warm-up.ts): for
   * `rewardkit score`, whose whole run is that path. Default false (a server prepares specs on
   * requests).
   */
  warmUpLines?: boolean | undefined;
}

/** The composed engine: scores values and raw lines, prepares specs, closes everything it opened. */
export type EngineBackend = LineScoringBackend & {
  prepare(spec: Spec): Promise<void>;
  describe(): string;
};

/**
 * The one composition of scoring backends, shared by `score`, `serve` and `worker`:
 *
 *   redis? -> QueueBackend (workers run this same composition on their side)
 *   else   -> PlacementBackend
 *               main thread: pipelines for specs with io components or cached components
 *                            (io on the event loop; their CPU components offloaded to the pool)
 *               CPU backend: in-process | worker threads | adaptive
 *
 * One EngineResources per composition (per process): scorers built once, endpoint limits, the
 * component cache. The server adds its own layers on top (result cache, request coalescing).
 */
export function composeBackend(settings: EngineSettings): EngineBackend {
  if (settings.redisUrl !== undefined) {
    const redisUrl = settings.redisUrl;
    const queue = withLineScoring(
      new LazyBackend(
        async () => new (await import('../../queue/queue-backend.js')).QueueBackend({ redisUrl }),
      ),
    );
    return { ...bind(queue), prepare: async () => {}, describe: () => `queue ${redisUrl}` };
  }
  const kinds = settings.rewardKinds ?? builtinRewardKinds;
  const resources = new EngineResources(settings.componentCache);
  const cores = availableParallelism();
  const poolThreads = settings.threads === 'auto' ? Math.max(1, cores - 1) : Math.max(0, settings.threads);
  const shared = {
    rewardKinds: kinds,
    allowUnsandboxed: settings.allowUnsandboxed ?? false,
  };
  let pool: ThreadPoolBackend | undefined;
  const poolOf = (): ThreadPoolBackend => {
    pool ??= new ThreadPoolBackend({
      ...shared,
      threads: poolThreads,
      concurrency: settings.poolConcurrency ?? settings.concurrency,
      ...(settings.kindsModule === undefined ? {} : { kindsModule: settings.kindsModule }),
      ...(settings.maxHeapMb === undefined ? {} : { maxHeapMb: settings.maxHeapMb }),
    });
    return pool;
  };
  const auto = settings.threads === 'auto';
  // auto: the pool is created only if the measurement says so.
  const usePool = auto ? cores >= 2 : poolThreads >= 1;
  const local = (): InProcessLineBackend =>
    new InProcessLineBackend(
      { ...shared, concurrency: settings.concurrency, resources },
      { warmUpLines: settings.warmUpLines === true },
    );
  let cpu: LineScoringBackend;
  if (auto) {
    cpu = new AdaptiveBackend(local(), poolOf, poolThreads, {
      inputBytes: usePool ? settings.inputBytes : undefined,
    });
  } else if (!usePool) cpu = local();
  else cpu = poolOf();
  // io pipelines' CPU components go to the pool when there are threads to spare (auto: 3+ cores).
  const offload: CpuOffload | undefined = (auto ? poolThreads >= 2 : usePool)
    ? { scoreComponents: (request) => poolOf().scoreComponents(request) }
    : undefined;
  const main = new InProcessLineBackend({
    ...shared,
    concurrency: settings.concurrency,
    resources,
    cpuOffload: offload,
  });
  const cache = settings.componentCache !== undefined;
  const placement = new PlacementBackend(main, cpu, (spec) => needsMainThread(spec, kinds, cache), resources);
  return {
    ...bind(placement),
    prepare: (spec) => placement.prepare(spec),
    describe: () =>
      placement.describe() ||
      (usePool ? `${poolThreads} worker thread${poolThreads === 1 ? '' : 's'}` : 'in-process'),
    close: async () => {
      await placement.close();
      await pool?.close();
    },
  };
}

function bind(backend: LineScoringBackend): LineScoringBackend {
  return {
    score: (request) => backend.score(request),
    scoreLines: (request) => backend.scoreLines(request),
    scoreBlock: (request) => backend.scoreBlock(request),
    close: () => backend.close(),
  };
}
