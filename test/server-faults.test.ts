import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScoreRequest, ScoringBackend } from '../src/engine/scoring-backend.js';
import { InProcessBackend } from '../src/engine/scoring-backend.js';
import { startCli } from './helpers/cli-process.js';
import { freePort } from './helpers/redis-server.js';
import {
  type JsonAnswer,
  postJson,
  type RunningServer,
  sleepySpec,
  startTestServer,
  testKinds,
} from './helpers/test-server.js';

/** Counts the samples being scored at once, to check the in-flight bound from the outside. */
class PeakCountingBackend implements ScoringBackend {
  current = 0;
  peak = 0;
  readonly #inner = new InProcessBackend({ rewardKinds: testKinds });

  async score(request: ScoreRequest) {
    this.current += request.inputs.length;
    this.peak = Math.max(this.peak, this.current);
    try {
      return await this.#inner.score(request);
    } finally {
      this.current -= request.inputs.length;
    }
  }

  close() {
    return this.#inner.close();
  }
}

async function inFlightSamples(server: RunningServer): Promise<number> {
  const metrics = await (await fetch(`${server.url}/metrics`)).text();
  return Number(/^rewardkit_in_flight_samples (\d+)/m.exec(metrics)?.[1]);
}

async function waitUntilIdle(server: RunningServer): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await inFlightSamples(server)) !== 0) {
    if (Date.now() > deadline) throw new Error('in-flight work never drained');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const port = (server: RunningServer) => Number(new URL(server.url).port);

describe('HTTP reward server under bad clients and overload', () => {
  let server: RunningServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('refuses a 100 MB body with 413 and stays up', async () => {
    server = await startTestServer();
    const size = 100 * 1024 * 1024;
    const status = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(
        {
          host: '127.0.0.1',
          port: port(server!),
          path: '/v1/score',
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': size },
        },
        (response) => {
          let body = '';
          response.on('data', (chunk) => {
            body += chunk;
          });
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      request.on('error', reject);
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = (): void => {
        while (sent < size) {
          sent += chunk.length;
          if (!request.write(chunk)) {
            request.once('drain', pump);
            return;
          }
        }
        request.end();
      };
      pump();
    });
    expect(status.status).toBe(413);
    expect(JSON.parse(status.body).error.code).toBe('RK_LIMIT_EXCEEDED');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('survives clients that disconnect mid-request, and releases their work', async () => {
    server = await startTestServer({ specs: [sleepySpec(300)] });
    const body = JSON.stringify({ samples: [{ id: 'a', response: 'abc' }] });
    // One disconnects while its batch is being scored, one in the middle of sending its body.
    await new Promise<void>((resolve) => {
      const request = httpRequest({
        host: '127.0.0.1',
        port: port(server!),
        path: '/v1/score',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
      });
      request.on('error', () => resolve());
      request.end(body);
      setTimeout(() => {
        request.destroy();
        resolve();
      }, 100);
    });
    await new Promise<void>((resolve) => {
      const socket = connect(port(server!), '127.0.0.1', () => {
        socket.write(
          `POST /v1/score HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
        );
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 50);
      });
    });
    await waitUntilIdle(server);
    const after = await postJson(`${server.url}/v1/score`, { samples: [{ id: 'b', response: 'abcd' }] });
    expect(after.status).toBe(200);
    expect(after.json.results[0].id).toBe('b');
  });

  it('cuts off a client that sends its request too slowly, while serving others', async () => {
    server = await startTestServer({ limits: { clientTimeoutMs: 1000 } });
    const socket = connect(port(server), '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString();
    });
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.on('error', () => {});
    socket.write(
      'POST /v1/score HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"sam',
    );
    const drip = setInterval(() => socket.write(' '), 200);
    const other = await postJson(`${server.url}/v1/score`, {
      samples: [{ id: 'fast', response: '<answer>1</answer>' }],
    });
    expect(other.status).toBe(200);
    await closed;
    clearInterval(drip);
    expect(answer).toMatch(/^HTTP\/1.1 408/);
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as JsonAnswer;
    expect(body.error).toMatchObject({
      code: 'RK_REQUEST_TIMEOUT',
      message: expect.stringMatching(/time limit/),
    });
  });

  it('answers 429 with Retry-After under 10x the sustainable load, bounds in-flight work and answers every accepted request', async () => {
    const backend = new PeakCountingBackend();
    server = await startTestServer({
      specs: [sleepySpec(100)],
      backend,
      limits: { maxInFlightSamples: 16, maxInFlightRequests: 8 },
    });
    const responses = await Promise.all(
      Array.from({ length: 80 }, (_, index) =>
        postJson(`${server!.url}/v1/score`, {
          samples: [
            { id: `r${index}-a`, response: 'ab' },
            { id: `r${index}-b`, response: 'abc' },
          ],
        }),
      ),
    );
    const accepted = responses.filter((response) => response.status === 200);
    const refused = responses.filter((response) => response.status !== 200);
    expect(accepted.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const response of refused) {
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('1');
      expect(response.json.error.code).toBe('RK_OVERLOADED');
    }
    for (const response of accepted) expect(response.json.results).toHaveLength(2);
    expect(backend.peak).toBeLessThanOrEqual(16);
    await waitUntilIdle(server);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('on SIGTERM stops in-flight requests (503 with Retry-After), refuses new ones and exits 0', async () => {
    const listenPort = await freePort();
    const serve = startCli([
      'serve',
      '--spec',
      'test/fixtures/server/sleepy.yaml',
      '--kinds',
      'test/fixtures/server/slow-kinds.ts',
      '--threads',
      '0',
      '--cache',
      'none',
      '--port',
      String(listenPort),
    ]);
    try {
      await serve.waitFor('listening on');
      const url = `http://127.0.0.1:${listenPort}`;
      const inFlight = postJson(`${url}/v1/score`, { samples: [{ id: 'slow', response: 'abcdef' }] });
      await new Promise((resolve) => setTimeout(resolve, 300));
      serve.child.kill('SIGTERM');
      await serve.waitFor('SIGTERM');
      const refused = await postJson(`${url}/v1/score`, { samples: [{ id: 'late', response: 'x' }] }).catch(
        (error: Error) => ({ status: 0, error }),
      );
      expect(refused.status === 0 || refused.status === 503).toBe(true);
      const stopped = await inFlight;
      expect(stopped.status).toBe(503);
      expect(stopped.headers.get('retry-after')).not.toBeNull();
      expect(stopped.json.error).toMatchObject({ code: 'RK_UNAVAILABLE' });
      expect(await serve.exited).toBe(0);
    } finally {
      await serve.stop('SIGKILL');
    }
  }, 30_000);
});
