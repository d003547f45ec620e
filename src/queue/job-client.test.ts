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
      await client.close();
    }
  }, 20_000);
});

describe('JobClient.close', () => {
  it('settles with Redis away and leaves no connection retrying (a CLI run can exit)', async () => {
    const client = new JobClient({ redisUrl: `redis://127.0.0.1:${await freePort()}`, queueName: 'away' });
    const waiting = client.run('score', {}).catch((error: unknown) => error);
    await client.close();
    // The job could not be added: its caller has a typed error, not a promise that never settles.
    expect(await waiting).toMatchObject({ code: 'RK_QUEUE_UNAVAILABLE' });
    // No socket or reconnection timer of the client keeps the event loop alive.
    const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
    const redisSockets = handles.filter(
      (handle) =>
        (handle as { remotePort?: number }).remotePort !== undefined &&
        (handle as { connecting?: boolean }).connecting,
    );
    expect(redisSockets).toHaveLength(0);
  }, 20_000);
});
