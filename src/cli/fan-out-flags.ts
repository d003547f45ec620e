import type { Command } from 'commander';
import type { JobClient } from '../queue/job-client.js';

/** The flags of a driver that can fan its work out over `rewardkit worker`s. */
export interface FanOutFlags {
  redis?: string | undefined;
  queue: string;
}

/** Adds `--redis` and `--queue` to a driver command (`search`, `label`, `eval`). */
export function withFanOutFlags(command: Command, what: string): Command {
  return command
    .option(
      '--redis <url>',
      `fan ${what} out over \`rewardkit worker\` processes through BullMQ jobs on this Redis`,
    )
    .option('--queue <name>', 'the BullMQ queue name (drivers and workers must agree)', 'rewardkit-score');
}

/**
 * Connects to the queue and checks, before the first job, that Redis answers and at least one
 * worker listens (a clear error now instead of a run that waits for ever); says how many.
 */
export async function openJobClient(
  flags: FanOutFlags & { redis: string },
  command: string,
): Promise<JobClient> {
  // BullMQ (and ioredis) load only when a run fans out: a local run never loads them.
  const { JobClient } = await import('../queue/job-client.js');
  const jobs = new JobClient({ redisUrl: flags.redis, queueName: flags.queue });
  try {
    await jobs.requireWorker();
    await jobs.ready();
    const workers = await jobs.workerCount();
    process.stderr.write(
      `${command}: fanning out over ${workers} worker${workers === 1 ? '' : 's'} (queue '${flags.queue}' at ${flags.redis})\n`,
    );
    return jobs;
  } catch (error) {
    await jobs.close();
    throw error;
  }
}
