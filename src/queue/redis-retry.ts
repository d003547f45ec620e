import type { Redis } from 'ioredis';

/**
 * Tells a connection's retry strategy when to give up: once its owner closes. With Redis away,
 * BullMQ's close waits for its connections to be ready or ended; a connection that stops
 * retrying ends, so a close with Redis away settles instead of waiting for ever, and no
 * reconnection timer keeps the process alive. The duplicates BullMQ makes of a connection copy
 * its options, this switch's strategy included.
 */
export class RetrySwitch {
  #stopped = false;

  stop(): void {
    this.#stopped = true;
  }

  /** ioredis's retryStrategy: the delay before the next attempt, or null to end the connection. */
  readonly strategy = (times: number): number | null => (this.#stopped ? null : Math.min(250 * times, 2000));
}

/**
 * Ends a connection of ours: QUIT when it is connected (its replies come first), otherwise at once
 * (a QUIT queued on a connection waiting for Redis would wait as long as Redis is away).
 */
export async function endConnection(connection: Redis): Promise<void> {
  if (connection.status === 'ready') {
    await connection.quit().catch(() => connection.disconnect());
  } else {
    connection.disconnect();
  }
}
