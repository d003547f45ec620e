import type { Registry } from '../core/registry.js';
import type { RewardKind } from '../core/reward-kind.js';
import { InProcessLineBackend } from './in-process-line-backend.js';
import { LazyBackend } from './lazy-backend.js';
import type { ScoringBackend } from './scoring-backend.js';
import { ThreadPoolBackend } from './thread-pool-backend.js';

export interface BackendChoice {
  /** Samples in flight at once. */
  concurrency: number;
  /** Worker threads: 0 scores on the calling thread; undefined means one per core. */
  threads?: number | undefined;
  /** Distributed mode: BullMQ jobs on Redis, scored by `rewardkit worker` processes. */
  redisUrl?: string | undefined;
  rewardKinds?: Registry<RewardKind<unknown>> | undefined;
  kindsModule?: string | undefined;
  allowUnsandboxed?: boolean | undefined;
}

/**
 * Picks where scoring happens: BullMQ jobs on Redis when `redisUrl` is given (the queue module is
 * loaded on first use; the server, which also asks the queue for readiness, builds a QueueBackend
 * itself), in-process when `threads` is 0, otherwise a worker-thread pool.
 */
export function selectBackend(choice: BackendChoice): ScoringBackend {
  if (choice.redisUrl !== undefined) {
    const redisUrl = choice.redisUrl;
    return new LazyBackend(
      async () => new (await import('../queue/queue-backend.js')).QueueBackend({ redisUrl }),
    );
  }
  const shared = {
    concurrency: choice.concurrency,
    ...(choice.rewardKinds === undefined ? {} : { rewardKinds: choice.rewardKinds }),
    ...(choice.allowUnsandboxed === undefined ? {} : { allowUnsandboxed: choice.allowUnsandboxed }),
  };
  if (choice.threads === 0) return new InProcessLineBackend(shared);
  return new ThreadPoolBackend({
    ...shared,
    ...(choice.threads === undefined ? {} : { threads: choice.threads }),
    ...(choice.kindsModule === undefined ? {} : { kindsModule: choice.kindsModule }),
  });
}
