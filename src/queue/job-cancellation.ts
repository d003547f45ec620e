import { Redis } from 'ioredis';
import { RewardKitError } from '../core/errors.js';
import { endConnection, RetrySwitch } from './redis-retry.js';

/**
 * Cancelling a job a worker is running. BullMQ aborts a job's signal only in the process that runs
 * it (`Worker.cancelJob`), so the producer tells every worker through Redis: it sets the key
 * `<prefix>:<queue>:cancelled:<jobId>` (the reason, kept an hour) and publishes the job id on the
 * channel `<prefix>:<queue>:cancel`. Each worker listens to the channel and cancels the job if it
 * runs it; a worker that takes the job before the message arrives finds the key when it starts.
 * A job not yet taken is removed from the queue instead (Queue.remove), never run.
 */

/** How long the cancellation mark of a job is kept. */
const CANCELLED_MARK_SECONDS = 3600;

export interface CancelMessage {
  jobId: string;
  reason: string;
}

export function cancelChannel(prefix: string, queueName: string): string {
  return `${prefix}:${queueName}:cancel`;
}

export function cancelledKey(prefix: string, queueName: string, jobId: string): string {
  return `${prefix}:${queueName}:cancelled:${jobId}`;
}

/** The commands a producer sends to cancel a running job. */
export async function markCancelled(
  client: Redis,
  prefix: string,
  queueName: string,
  message: CancelMessage,
): Promise<void> {
  await client.set(
    cancelledKey(prefix, queueName, message.jobId),
    message.reason,
    'EX',
    CANCELLED_MARK_SECONDS,
  );
  await client.publish(cancelChannel(prefix, queueName), JSON.stringify(message));
}

/** The error a cancelled job fails with (not retried): RK_CANCELLED with the canceller's reason. */
export function jobCancelled(jobId: string, reason: string): RewardKitError {
  return new RewardKitError('RK_CANCELLED', `job ${jobId} was cancelled: ${reason}`, {
    hint: 'its work was stopped; submit it again to redo it',
  });
}

/**
 * The worker side: a subscriber connection that hands each cancelled job id to `cancel`, and the
 * look-up of a job's mark when the job starts.
 */
export class CancelListener {
  readonly #subscriber: Redis;
  readonly #reader: Redis;
  readonly #channel: string;
  readonly #prefix: string;
  readonly #queueName: string;
  /** Stopped by `close`: with Redis away, the connections end instead of reconnecting. */
  readonly #retry = new RetrySwitch();

  constructor(
    redisUrl: string,
    prefix: string,
    queueName: string,
    cancel: (message: CancelMessage) => void,
    onError: (error: Error) => void,
  ) {
    const options = { maxRetriesPerRequest: null, retryStrategy: this.#retry.strategy };
    this.#prefix = prefix;
    this.#queueName = queueName;
    this.#channel = cancelChannel(prefix, queueName);
    this.#subscriber = new Redis(redisUrl, options);
    this.#reader = new Redis(redisUrl, { ...options, maxRetriesPerRequest: 1 });
    this.#subscriber.on('error', onError);
    this.#reader.on('error', onError);
    this.#subscriber.on('message', (channel: string, text: string) => {
      if (channel !== this.#channel) return;
      try {
        const message = JSON.parse(text) as CancelMessage;
        if (typeof message.jobId === 'string')
          cancel({ jobId: message.jobId, reason: String(message.reason) });
      } catch {
        // not one of ours
      }
    });
  }

  /** Whether Redis answers this listener now (its connection is up). */
  connected(): boolean {
    return this.#subscriber.status === 'ready';
  }

  /** Resolves once the channel is listened to (a later cancellation cannot be missed). */
  async ready(): Promise<void> {
    await this.#subscriber.subscribe(this.#channel);
  }

  /** The reason a job was cancelled before it started, if it was (undefined when Redis cannot say). */
  async reasonFor(jobId: string): Promise<string | undefined> {
    try {
      return (await this.#reader.get(cancelledKey(this.#prefix, this.#queueName, jobId))) ?? undefined;
    } catch {
      return undefined;
    }
  }

  async close(): Promise<void> {
    this.#retry.stop();
    await Promise.allSettled([endConnection(this.#subscriber), endConnection(this.#reader)]);
  }
}
