import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliProcess, startCli } from './helpers/cli-process.js';
import { TestRedis } from './helpers/redis-server.js';
import { settledCount, untilCount } from './helpers/request-count.js';
import {
  chainScript,
  chainSteps,
  type ScriptedEndpoint,
  startScriptedEndpoint,
} from './helpers/scripted-endpoint.js';
import { scriptedPrmSpec } from './helpers/search-parts.js';

/*
 * Cancelling work that sits in BullMQ: `rewardkit search --redis` interrupted by SIGINT while one
 * unit runs on a real `rewardkit worker` (concurrency 1) and another waits in the queue. The
 * waiting job is removed (never run), the running one is aborted on its worker (the Redis cancel
 * channel, job-cancellation.ts) and ends failed with RK_CANCELLED and the reason; the scripted
 * endpoint (its own process, 300 ms per policy request) receives no policy request after the
 * signal beyond the one on its way; both units are error lines that --resume searches again.
 */

const QUEUE = 'rk-cancel-test';

let redis: TestRedis;
let endpoint: ScriptedEndpoint;
let worker: CliProcess | undefined;
const directory = mkdtempSync(join(tmpdir(), 'rk-queue-cancel-'));

function untilReceived(count: number): Promise<void> {
  return untilCount(() => endpoint.received(), count, 'policy requests', 2400);
}

function settledReceived(): Promise<number> {
  return settledCount(() => endpoint.received(), 1500);
}

beforeAll(async () => {
  [redis, endpoint] = await Promise.all([
    TestRedis.start(),
    startScriptedEndpoint({ problems: { first: chainScript(), second: chainScript() }, latency_ms: 300 }),
  ]);
  worker = startCli([
    'worker',
    '--redis',
    redis.url,
    '--queue',
    QUEUE,
    '--threads',
    '0',
    '--concurrency',
    '1',
  ]);
  await worker.waitFor('pulling jobs', 60_000);
}, 120_000);

afterAll(async () => {
  await worker?.stop('SIGKILL');
  await Promise.all([endpoint?.stop(), redis?.stop()]);
  rmSync(directory, { recursive: true, force: true });
});

/**
 * The running job of `name` ended failed for good (not retried) with RK_CANCELLED and the reason;
 * no job of the run is left waiting, running or completed.
 */
async function expectRunningJobCancelled(name: string): Promise<void> {
  const queue = new Queue(QUEUE, { connection: { url: redis.url }, prefix: 'rewardkit' });
  try {
    const failedOf = async () => (await queue.getFailed()).filter((job) => job.name === name);
    let failed = await failedOf();
    for (let attempt = 0; attempt < 200 && failed.length === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      failed = await failedOf();
    }
    expect(failed).toHaveLength(1);
    const reason = JSON.parse(failed[0]?.failedReason ?? '{}');
    expect(reason).toMatchObject({ code: 'RK_CANCELLED' });
    expect(reason.message).toContain('the run was interrupted (SIGINT)');
    expect(failed[0]?.attemptsMade).toBe(1);
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed');
    expect(counts).toEqual({ waiting: 0, active: 0, delayed: 0, completed: 0 });
  } finally {
    await queue.close();
  }
}

/** Every line of `file` is an error line with the interruption's reason; their ids. */
function interruptedIds(file: string): unknown[] {
  const lines = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  for (const line of lines) {
    expect(line).toMatchObject({
      status: 'error',
      error: { code: 'RK_UNAVAILABLE', message: 'the run was interrupted (SIGINT)' },
    });
  }
  return lines.map((line) => line.id ?? line.problem_id);
}

describe('cancelling jobs on BullMQ', () => {
  it('rewardkit search --redis: SIGINT removes the waiting job and aborts the running one on its worker', async () => {
    const input = join(directory, 'problems.jsonl');
    writeFileSync(input, ['first', 'second'].map((id) => JSON.stringify({ id, prompt: id })).join('\n'));
    const spec = join(directory, 'prm.json');
    writeFileSync(spec, JSON.stringify(scriptedPrmSpec(endpoint.baseUrl)));
    const out = join(directory, 'runs.jsonl');
    const before = await endpoint.received();
    const search = startCli([
      'search',
      ...['--strategy', 'beam_search', '--options', '{"beam_width": 4, "max_steps": 12}', '--seeds', '1'],
      ...['--policy', endpoint.baseUrl, '--scorer', spec, '--in', input, '--out', out, '--budget', '4'],
      ...['--redis', redis.url, '--queue', QUEUE, '--concurrency', '2'],
    ]);
    // The running unit has made 2 of its 12 policy requests; the other job waits (worker concurrency 1).
    await untilReceived(before + 2);
    expect(await search.stop('SIGINT')).toBe(130);
    const at = await endpoint.received();
    // At most the request on its way when the worker got the cancellation.
    expect((await settledReceived()) - at).toBeLessThanOrEqual(1);
    expect((await endpoint.received()) - before).toBeLessThan(12);

    expect(interruptedIds(out).sort()).toEqual(['first', 'second']);
    await expectRunningJobCancelled('search');
  }, 120_000);

  it('rewardkit label --redis: SIGINT removes the waiting job and aborts the running one on its worker', async () => {
    const input = join(directory, 'label-problems.jsonl');
    const steps = chainSteps();
    writeFileSync(
      input,
      ['first', 'second']
        .map((id) => JSON.stringify({ id, prompt: id, reference: { answer: '12' }, steps }))
        .join('\n'),
    );
    const out = join(directory, 'labels.jsonl');
    const before = await endpoint.received();
    const label = startCli([
      ...['label', '--method', 'math_shepherd', '--options', '{"rollouts": 2}', '--policy', endpoint.baseUrl],
      ...['--in', input, '--out', out, '--redis', redis.url, '--queue', QUEUE, '--concurrency', '2'],
    ]);
    // The running problem has made 2 of its rollout requests; the other job waits (worker concurrency 1).
    await untilReceived(before + 2);
    expect(await label.stop('SIGINT')).toBe(130);
    const at = await endpoint.received();
    expect((await settledReceived()) - at).toBeLessThanOrEqual(1);
    expect(interruptedIds(out).sort()).toEqual(['first', 'second']);
    await expectRunningJobCancelled('label');
  }, 120_000);
});
