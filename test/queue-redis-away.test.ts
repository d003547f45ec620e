import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCli } from './helpers/cli-process.js';
import { freePort, TestRedis } from './helpers/redis-server.js';

// Redis away must not keep a process alive: BullMQ's close waits for its connections to be ready,
// and a connection that retries for ever would hold `score` and `worker` open after their work.
// Each case would hang (the test times out) if a connection kept retrying after close.
describe('distributed mode with Redis away', () => {
  it('`rewardkit worker` stops on SIGTERM while Redis never answered', async () => {
    const worker = startCli(['worker', '--redis', `redis://127.0.0.1:${await freePort()}`]);
    try {
      await worker.waitFor('RK_QUEUE_UNAVAILABLE');
      expect(await worker.stop('SIGTERM')).toBe(0);
      expect(worker.output()).toContain('SIGTERM: finishing active jobs');
      expect(worker.output()).not.toContain('pulling jobs');
    } finally {
      await worker.stop('SIGKILL');
    }
  }, 60_000);

  it('`rewardkit worker` stops on SIGTERM after its Redis went away', async () => {
    const redis = await TestRedis.start();
    const worker = startCli(['worker', '--redis', redis.url]);
    try {
      await worker.waitFor('pulling jobs');
      await redis.stop();
      await worker.waitFor('RK_QUEUE_UNAVAILABLE');
      expect(await worker.stop('SIGTERM')).toBe(0);
    } finally {
      await worker.stop('SIGKILL');
      await redis.stop();
    }
  }, 60_000);

  it('`rewardkit score --redis` reports the unreachable Redis and exits', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'rewardkit-redis-away-'));
    const run = startCli([
      'score',
      '--spec',
      'test/fixtures/server/answer-format.yaml',
      '--in',
      'test/fixtures/server/samples.jsonl',
      '--out',
      join(directory, 'out.jsonl'),
      '--redis',
      `redis://127.0.0.1:${await freePort()}`,
      '--no-store',
    ]);
    try {
      expect(await run.exited).toBe(1);
      expect(run.output()).toMatch(/RK_QUEUE_UNAVAILABLE: cannot reach Redis/);
    } finally {
      await run.stop('SIGKILL');
      rmSync(directory, { recursive: true, force: true });
    }
  }, 60_000);
});
