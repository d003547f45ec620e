import { getEventListeners } from 'node:events';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { requestSignal } from './request-signal.js';

describe('requestSignal', () => {
  it('leaves no listener on the server-wide shutdown signal once the answer is decided', async () => {
    const shutdown = new AbortController();
    const app = Fastify();
    app.get('/', async (_request, reply) => {
      const cancel = requestSignal(reply, shutdown.signal);
      const during = getEventListeners(shutdown.signal, 'abort').length;
      cancel.done();
      return {
        during,
        after: getEventListeners(shutdown.signal, 'abort').length,
        aborted: cancel.signal.aborted,
      };
    });
    for (let request = 0; request < 3; request++) {
      const answer = await app.inject({ method: 'GET', url: '/' });
      expect(answer.json()).toEqual({ during: 1, after: 0, aborted: false });
    }
    await app.close();
  });

  it('fires with the shutdown reason, also when the server is already shutting down', async () => {
    const shutdown = new AbortController();
    const app = Fastify();
    const reasons: unknown[] = [];
    app.get('/', async (_request, reply) => {
      const cancel = requestSignal(reply, shutdown.signal);
      if (!shutdown.signal.aborted) shutdown.abort(new Error('shutting down'));
      reasons.push(cancel.signal.reason);
      cancel.done();
      return {};
    });
    await app.inject({ method: 'GET', url: '/' });
    await app.inject({ method: 'GET', url: '/' });
    expect(reasons).toEqual([shutdown.signal.reason, shutdown.signal.reason]);
    await app.close();
  });
});
