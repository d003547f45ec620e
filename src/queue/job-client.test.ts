import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../test/helpers/redis-server.js';
import { JobClient } from './job-client.js';

describe('JobClient.run', () => {
  it('leaves no listener on the caller signal when the job cannot be added (no Redis there)', async () => {
    // A loopback port nobody listens on: every Redis command fails, as with Redis away.
    const client = new JobClient({
      redisUrl: `redis://127.0.0.1:${await freePort()}`,
      queueName: 'unreachable',
    });
    const caller = new AbortController();
    try {
      const failure = await client.run('score', {}, caller.signal).catch((error: unknown) => error);
      expect(failure).toMatchObject({ code: 'RK_QUEUE_UNAVAILABLE' });
      expect(getEventListeners(caller.signal, 'abort')).toHaveLength(0);
    } finally {
      // close() waits for Redis to come back before it settles (the queue's connections retry):
      // not awaited for ever here, where Redis never comes.
      await Promise.race([client.close(), new Promise((resolve) => setTimeout(resolve, 500))]);
    }
  }, 20_000);
});
