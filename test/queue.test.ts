import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RewardResult } from '../src/core/result.js';
import { loadSpecFile, parseSpecText, type Spec } from '../src/core/spec.js';
import { InProcessBackend } from '../src/engine/scoring-backend.js';
import { QueueBackend } from '../src/queue/queue-backend.js';
import { QueueWorker } from '../src/queue/queue-worker.js';
import { rewardKinds } from '../src/rewards/index.js';
import { createServerApp } from '../src/server/app.js';
import { RedisResultCache } from '../src/store/result-cache-redis.js';
import { sleepyReward } from './fixtures/server/slow-kinds.js';
import { type CliProcess, repositoryRoot, startCli } from './helpers/cli-process.js';
import { TestRedis } from './helpers/redis-server.js';

const withSleepy = rewardKinds.extend([sleepyReward]);

function withoutTimings(results: readonly RewardResult[]): unknown[] {
  return results.map(({ ms: _ms, ...rest }) => rest);
}

const formatSpec = parseSpecText(
  'name: tagged\nrewards:\n  - {name: tagged, type: format, options: {pattern: "<answer>.*</answer>"}}\n',
);

describe('distributed mode on Redis (BullMQ)', () => {
  let redis: TestRedis;

  beforeAll(async () => {
    redis = await TestRedis.start();
  });

  afterAll(async () => {
    await redis.stop();
  });

  it('retries the jobs of a worker killed with SIGKILL on another worker, with identical results', async () => {
    const spec: Spec = parseSpecText(
      'name: sleepy\nrewards:\n  - {name: slow-length, type: sleepy, options: {ms: 1500}}\n',
    );
    const samples = Array.from({ length: 6 }, (_, index) => ({
      id: `s${index}`,
      response: 'x'.repeat(index * 3 + 1),
    }));
    const local = new InProcessBackend({ rewardKinds: withSleepy });
    const expected = await local.score({ spec, inputs: samples });
    await local.close();

    const queueName = 'sigkill-test';
    const workerArgs = [
      'worker',
      '--redis',
      redis.url,
      '--threads',
      '0',
      '--concurrency',
      '4',
      '--kinds',
      'test/fixtures/server/slow-kinds.ts',
      '--lock-duration-ms',
      '1000',
      '--stalled-interval-ms',
      '500',
      '--queue',
      queueName,
    ];
    const producer = new QueueBackend({ redisUrl: redis.url, queueName, chunkSize: 2 });
    const observer = new Queue(queueName, { connection: { url: redis.url }, prefix: 'rewardkit' });
    let first: CliProcess | undefined;
    let second: CliProcess | undefined;
    try {
      first = startCli(workerArgs);
      await first.waitFor('pulling jobs');
      const pending = producer.score({ spec, inputs: samples });
      const activeDeadline = Date.now() + 15_000;
      while ((await observer.getActiveCount()) === 0) {
        if (Date.now() > activeDeadline) throw new Error(`no job became active:\n${first.output()}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await first.stop('SIGKILL');
      second = startCli(workerArgs);
      await second.waitFor('pulling jobs');
      const results = await pending;
      expect(withoutTimings(results)).toEqual(withoutTimings(expected));
    } finally {
      await first?.stop('SIGKILL');
      await second?.stop('SIGTERM');
      await producer.close();
      await observer.close();
    }
  }, 60_000);

  it('fails fast, naming the missing worker, when no worker listens on the queue', async () => {
    const backend = new QueueBackend({ redisUrl: redis.url, queueName: 'nobody-listens' });
    try {
      const failure = await backend
        .score({ spec: formatSpec, inputs: [{ id: 'a', response: '<answer>1</answer>' }] })
        .catch((error: unknown) => error);
      expect(failure).toMatchObject({ code: 'RK_QUEUE_UNAVAILABLE' });
      expect((failure as Error).message).toMatch(
        /no rewardkit worker is connected to the queue 'nobody-listens'/,
      );
      expect((failure as { hint: string }).hint).toMatch(/rewardkit worker --redis/);
    } finally {
      await backend.close();
    }
  });

  it('answers 503 RK_QUEUE_UNAVAILABLE while Redis is away and recovers when it comes back', async () => {
    const queueName = 'outage-test';
    const worker = new QueueWorker({
      redisUrl: redis.url,
      queueName,
      concurrency: 2,
      backend: new InProcessBackend(),
    });
    const backend = new QueueBackend({ redisUrl: redis.url, queueName });
    const server = createServerApp({
      specs: [formatSpec],
      backend,
      readiness: () => backend.readiness(),
      queueDepth: () => backend.queueDepth(),
      limits: { requestTimeoutMs: 10_000 },
    });
    const score = () =>
      server.app.inject({
        method: 'POST',
        url: '/v1/score',
        payload: { samples: [{ id: 'a', response: '<answer>1</answer>' }] },
      });
    try {
      await worker.ready();
      const before = await score();
      expect(before.statusCode).toBe(200);
      expect(before.json().results[0].reward).toBe(1);
      expect((await server.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);

      await redis.stop();
      const readyWhileDown = await server.app.inject({ method: 'GET', url: '/readyz' });
      expect(readyWhileDown.statusCode).toBe(503);
      expect(readyWhileDown.json().reason).toMatch(/Redis/);
      const whileDown = await score();
      expect(whileDown.statusCode).toBe(503);
      expect(whileDown.headers['retry-after']).toBeDefined();
      expect(whileDown.json().error.code).toBe('RK_QUEUE_UNAVAILABLE');

      await redis.restart();
      // Recovery, as a client sees it: 503 with Retry-After until Redis and the worker are back
      // (the connections reconnect at their own pace under load), then 200.
      const recoveryDeadline = Date.now() + 30_000;
      while ((await server.app.inject({ method: 'GET', url: '/readyz' })).statusCode !== 200) {
        if (Date.now() > recoveryDeadline) throw new Error('the server did not become ready again');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      let after = await score();
      while (after.statusCode !== 200) {
        expect(after.statusCode).toBe(503);
        expect(after.headers['retry-after']).toBeDefined();
        if (Date.now() > recoveryDeadline) throw new Error(`the server did not recover: ${after.body}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
        after = await score();
      }
      expect((await server.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
      expect(after.json().results[0].reward).toBe(1);
    } finally {
      await server.close();
      await worker.close();
    }
  }, 60_000);

  it('shares results through the Redis cache', async () => {
    const cache = new RedisResultCache({ url: redis.url, prefix: 'cache-test:' });
    try {
      const result: RewardResult = { id: 'a', reward: 1, components: {}, error: null, ms: 1 };
      await cache.setMany([{ key: 'k1', result }]);
      expect(await cache.getMany(['k1', 'k2'])).toEqual([result, undefined]);
    } finally {
      await cache.close();
    }
  });
});

describe('rewardkit score --redis', () => {
  it('gives the same results as scoring on one node', async () => {
    const redis = await TestRedis.start();
    const worker = new QueueWorker({ redisUrl: redis.url, concurrency: 2, backend: new InProcessBackend() });
    const directory = mkdtempSync(join(tmpdir(), 'rewardkit-score-redis-'));
    try {
      await worker.ready();
      const input = 'test/fixtures/server/samples.jsonl';
      const spec = loadSpecFile('test/fixtures/server/answer-format.yaml');
      const lines = readFileSync(join(repositoryRoot, input), 'utf8').trim().split('\n');
      const local = new InProcessBackend();
      const expected = await local.score({
        spec,
        inputs: lines.map((line) => JSON.parse(line)),
        positions: lines.map((_line, index) => ({ line: index + 1 })),
      });
      await local.close();
      const out = join(directory, 'out.jsonl');
      const run = startCli([
        'score',
        '--spec',
        'test/fixtures/server/answer-format.yaml',
        '--in',
        input,
        '--out',
        out,
        '--redis',
        redis.url,
        '--no-store',
      ]);
      expect(await run.exited).toBe(0);
      const results = readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as RewardResult);
      expect(withoutTimings(results)).toEqual(withoutTimings(expected));
    } finally {
      await worker.close();
      await redis.stop();
      rmSync(directory, { recursive: true, force: true });
    }
  }, 30_000);
});
