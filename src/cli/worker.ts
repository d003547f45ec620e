import { availableParallelism } from 'node:os';
import { composeBackend } from '../engine/backends/compose-backend.js';
import { loadRewardKinds } from '../engine/load-reward-kinds.js';
import { QueueWorker } from '../queue/queue-worker.js';
import { DEFAULT_WORKER_CEILINGS } from '../queue/worker-ceilings.js';
import { openComponentCache } from '../store/component-cache.js';
import type { CliCommand } from './command.js';
import { integerOption } from './integer-option.js';
import { stopSignal } from './stop-signal.js';

interface WorkerFlags {
  redis: string;
  queue: string;
  concurrency?: number;
  threads?: number;
  kinds?: string;
  lockDurationMs: number;
  stalledIntervalMs: number;
  maxBudget: number;
  maxRollouts: number;
  maxTokens: number;
  maxEndpointConcurrency: number;
}

/** Prints a Redis error once, then the same error at most every 10 s (ioredis retries meanwhile). */
function throttledReport(): (error: Error) => void {
  let last = '';
  let lastAt = 0;
  return (error) => {
    const now = Date.now();
    if (error.message === last && now - lastAt < 10_000) return;
    last = error.message;
    lastAt = now;
    process.stderr.write(`rewardkit worker: RK_QUEUE_UNAVAILABLE: ${error.message} (retrying)\n`);
  };
}

async function runWorker(flags: WorkerFlags): Promise<void> {
  const stopping = stopSignal();
  const rewardKinds = await loadRewardKinds(flags.kinds);
  const threads = flags.threads ?? availableParallelism();
  // The component cache is the producers' Redis: a job retried on another worker finds the model
  // calls the first attempt already paid for.
  const backend = composeBackend({
    concurrency: 8,
    threads,
    rewardKinds,
    kindsModule: flags.kinds,
    componentCache: openComponentCache({ redisUrl: flags.redis }),
  });
  const worker = new QueueWorker({
    redisUrl: flags.redis,
    queueName: flags.queue,
    concurrency: flags.concurrency ?? Math.max(2, threads * 2),
    backend,
    lockDurationMs: flags.lockDurationMs,
    stalledIntervalMs: flags.stalledIntervalMs,
    ceilings: {
      maxBudget: flags.maxBudget,
      maxRollouts: flags.maxRollouts,
      maxTokens: flags.maxTokens,
      maxEndpointConcurrency: flags.maxEndpointConcurrency,
    },
    onError: throttledReport(),
  });
  // Redis away at start: ready waits for it, and a stop signal meanwhile still stops the worker.
  const first = await Promise.race([worker.ready().then(() => undefined), stopping]);
  if (first === undefined) {
    process.stderr.write(`rewardkit worker: pulling jobs from ${flags.redis} (pid ${process.pid})\n`);
  }
  const signal = first ?? (await stopping);
  process.stderr.write(`rewardkit worker: ${signal}: finishing active jobs\n`);
  await worker.close();
  // Closed: nothing is left to do. With Redis away BullMQ may still hold a timer (its lock
  // extender outlives a close that gave up waiting for Redis); it must not keep the process up.
  setTimeout(() => process.exit(), LINGER_MS).unref();
}

/** How long a closed worker lets the event loop drain before it exits anyway. */
const LINGER_MS = 1000;

export const workerCommand: CliCommand = {
  name: 'worker',
  register(program) {
    program
      .command('worker')
      .description(
        'distributed mode: run the jobs that `rewardkit serve/score/eval/search/label --redis URL` put on Redis',
      )
      .requiredOption('--redis <url>', 'the Redis the producers use, e.g. redis://10.0.0.5:6379')
      .option('--queue <name>', 'the BullMQ queue name (producers and workers must agree)', 'rewardkit-score')
      .option(
        '--concurrency <n>',
        'jobs processed at once: score chunks, search units, label problems (default: 2 x threads; raise it for search and label, which wait on endpoints)',
        integerOption('--concurrency', 1, 10_000),
      )
      .option(
        '--threads <n>',
        'worker threads for scoring (default: one per core; 0: main thread)',
        integerOption('--threads', 0, 1024),
      )
      .option('--kinds <module>', 'a module exporting extra reward kinds (same as the producer)')
      .option(
        '--lock-duration-ms <ms>',
        'a job of a dead worker is retried after this',
        integerOption('--lock-duration-ms', 100),
        10_000,
      )
      .option(
        '--stalled-interval-ms <ms>',
        'how often to look for jobs of dead workers',
        integerOption('--stalled-interval-ms', 100),
        5_000,
      )
      .option(
        '--max-budget <n>',
        'ceiling: the largest search budget a job may ask for',
        integerOption('--max-budget', 1),
        DEFAULT_WORKER_CEILINGS.maxBudget,
      )
      .option(
        '--max-rollouts <n>',
        'ceiling: the most rollouts per prefix a label job may ask for',
        integerOption('--max-rollouts', 1),
        DEFAULT_WORKER_CEILINGS.maxRollouts,
      )
      .option(
        '--max-tokens <n>',
        "ceiling: the most tokens a job's policy may ask for per request",
        integerOption('--max-tokens', 1),
        DEFAULT_WORKER_CEILINGS.maxTokens,
      )
      .option(
        '--max-endpoint-concurrency <n>',
        "ceiling: requests in flight to one endpoint from this worker (a job's own value is clamped to it)",
        integerOption('--max-endpoint-concurrency', 1),
        DEFAULT_WORKER_CEILINGS.maxEndpointConcurrency,
      )
      .addHelpText('after', '\nExample:\n  rewardkit worker --redis redis://127.0.0.1:6379 --concurrency 8\n')
      .action((flags: WorkerFlags) => runWorker(flags));
  },
};
