import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSample } from '../src/world/index.js';
import { type CliProcess, startCli } from './helpers/cli-process.js';
import { TestRedis } from './helpers/redis-server.js';
import { startWorld, type WorldProcess } from './helpers/world-process.js';

// `rewardkit search|label|eval --redis` against real `rewardkit worker` processes, a real Redis and
// the reference world as policy and PRM: the lines equal a local run's, a killed worker's jobs are
// finished by another, a job over a worker's ceiling is an error line naming it.

let redis: TestRedis;
let world: WorldProcess;
let workers: CliProcess[] = [];
const directory = mkdtempSync(join(tmpdir(), 'rk-fanout-'));
const file = (name: string) => join(directory, name);

/** A run's lines by unit, without wall times (the only thing a rerun may change). */
function linesByUnit(path: string): Map<string, unknown> {
  const units = new Map<string, unknown>();
  for (const text of readFileSync(path, 'utf8').trim().split('\n')) {
    const line = JSON.parse(text) as Record<string, unknown>;
    const compute = line['compute'] as Record<string, unknown> | null | undefined;
    if (compute) delete compute['wallMs'];
    const key = JSON.stringify([
      line['problem_id'] ?? line['id'],
      line['line'],
      line['budget'],
      line['seed'],
    ]);
    expect(units.has(key), `unit ${key} written twice`).toBe(false);
    units.set(key, line);
  }
  return units;
}

function startWorkers(count: number, queue: string, extra: readonly string[] = []): Promise<CliProcess[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const worker = startCli(['worker', '--redis', redis.url, '--queue', queue, '--threads', '0', ...extra]);
      await worker.waitFor('pulling jobs', 60_000);
      return worker;
    }),
  );
}

async function run(args: readonly string[]): Promise<string> {
  const cli = startCli(args);
  const code = await cli.exited;
  expect(code, cli.output()).toBe(0);
  return cli.output();
}

const searchArgs = (out: string, extra: readonly string[] = []) => [
  'search',
  '--strategy',
  'beam_search',
  '--policy',
  world.baseUrl,
  '--policy-model',
  'policy-0.6',
  '--scorer',
  file('prm.json'),
  '--in',
  file('problems.jsonl'),
  '--budget',
  '4,8',
  '--seeds',
  '1,2',
  '--out',
  out,
  ...extra,
];

beforeAll(async () => {
  [redis, world] = await Promise.all([TestRedis.start(), startWorld(['--seed', '0'])]);
  const problems = Array.from({ length: 5 }, (_, index) => {
    const sample = problemSample(0, index);
    return JSON.stringify({
      id: sample.id,
      prompt: sample.prompt,
      reference: { answer: sample.reference.answer },
    });
  });
  writeFileSync(file('problems.jsonl'), `${problems.join('\n')}\n`);
  writeFileSync(
    file('prm.json'),
    JSON.stringify({
      name: 'world-prm',
      models: { prm: { base_url: world.baseUrl, model: 'world-prm' } },
      rewards: [{ name: 'prm', type: 'prm', options: { model: 'prm' } }],
    }),
  );
  workers = await startWorkers(2, 'fanout', ['--concurrency', '8', '--max-budget', '32']);
}, 120_000);

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop('SIGTERM')));
  await world?.stop();
  await redis?.stop();
  rmSync(directory, { recursive: true, force: true });
});

describe('rewardkit search --redis', () => {
  it('over two workers writes the lines of a local run, and --resume skips the finished units', async () => {
    const [, output] = await Promise.all([
      run(searchArgs(file('search-local.jsonl'))),
      run(searchArgs(file('search-queue.jsonl'), ['--redis', redis.url, '--queue', 'fanout'])),
    ]);
    expect(output).toMatch(/fanning out over 2 workers/);
    const local = linesByUnit(file('search-local.jsonl'));
    expect(local.size).toBe(5 * 2 * 2);
    expect(linesByUnit(file('search-queue.jsonl'))).toEqual(local);

    // A run cut short after 7 units: --resume searches only the 13 others.
    const kept = readFileSync(file('search-queue.jsonl'), 'utf8').split('\n').slice(0, 7).join('\n');
    writeFileSync(file('search-queue.jsonl'), `${kept}\n`);
    const resumed = await run(
      searchArgs(file('search-queue.jsonl'), ['--redis', redis.url, '--queue', 'fanout', '--resume']),
    );
    expect(resumed).toMatch(/search beam_search: 13 units \(0 errors\)/);
    expect(linesByUnit(file('search-queue.jsonl'))).toEqual(local);
  }, 180_000);

  it("refuses a unit over a worker's --max-budget with an error line naming the ceiling", async () => {
    await run([
      ...searchArgs(file('over-budget.jsonl')).map((arg) =>
        arg === '4,8' ? '4,64' : arg === '1,2' ? '1' : arg,
      ),
      '--redis',
      redis.url,
      '--queue',
      'fanout',
    ]);
    const lines = [...linesByUnit(file('over-budget.jsonl')).values()] as {
      budget: number;
      status: string;
      error: { code: string; message: string } | null;
    }[];
    expect(lines).toHaveLength(10);
    for (const line of lines.filter((entry) => entry.budget === 64)) {
      expect(line.status).toBe('error');
      expect(line.error).toEqual({
        code: 'RK_LIMIT_EXCEEDED',
        message: "budget 64 is over this worker's --max-budget 32",
      });
    }
    expect(lines.filter((entry) => entry.budget === 4).every((entry) => entry.status === 'ok')).toBe(true);
  }, 120_000);

  it('finishes the jobs of a worker killed with SIGKILL on another worker, losing nothing', async () => {
    const queue = 'fanout-kill';
    const fast = ['--lock-duration-ms', '1000', '--stalled-interval-ms', '500', '--concurrency', '4'];
    const events = new QueueEvents(queue, { connection: { url: redis.url }, prefix: 'rewardkit' });
    let stalled = 0;
    events.on('stalled', () => {
      stalled += 1;
    });
    await events.waitUntilReady();
    const [doomed] = await startWorkers(1, queue, fast);
    let survivor: CliProcess | undefined;
    try {
      const driver = startCli(
        searchArgs(file('search-kill.jsonl'), ['--redis', redis.url, '--queue', queue]),
      );
      // The doomed worker is the only one: once a unit is written, it holds the next ones.
      await driver.waitFor('fanning out', 60_000);
      const deadline = Date.now() + 60_000;
      const written = () =>
        existsSync(file('search-kill.jsonl')) &&
        readFileSync(file('search-kill.jsonl'), 'utf8').includes('\n');
      while (!written()) {
        if (Date.now() > deadline) throw new Error(`no unit finished:\n${driver.output()}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await doomed?.stop('SIGKILL');
      [survivor] = await startWorkers(1, queue, fast);
      expect(await driver.exited, driver.output()).toBe(0);
      expect(stalled, 'no job of the killed worker was taken back').toBeGreaterThan(0);
      expect(linesByUnit(file('search-kill.jsonl'))).toEqual(linesByUnit(file('search-local.jsonl')));
    } finally {
      await doomed?.stop('SIGKILL');
      await survivor?.stop('SIGTERM');
      await events.close();
    }
  }, 300_000);
});

describe('rewardkit label --redis', () => {
  it('over two workers writes the labels of a local run', async () => {
    const args = (out: string) => [
      'label',
      '--method',
      'omegaprm',
      '--policy',
      world.baseUrl,
      '--policy-model',
      'policy-0.6',
      '--in',
      file('problems.jsonl'),
      '--out',
      out,
      '--options',
      '{"rollouts":4}',
    ];
    await Promise.all([
      run(args(file('labels-local.jsonl'))),
      run([...args(file('labels-queue.jsonl')), '--redis', redis.url, '--queue', 'fanout']),
    ]);
    const local = linesByUnit(file('labels-local.jsonl'));
    expect(local.size).toBe(5);
    expect([...local.values()].every((line) => (line as { status: string }).status === 'ok')).toBe(true);
    expect(linesByUnit(file('labels-queue.jsonl'))).toEqual(local);
  }, 120_000);
});

describe('rewardkit eval --scorer SPEC --redis', () => {
  it('scores on the workers and computes the same predictions and metrics as a local run', async () => {
    const args = (name: string) => [
      'eval',
      '--benchmark',
      'prmbench',
      '--data',
      'test/fixtures/eval/prmbench-mini.jsonl',
      '--scorer',
      'test/fixtures/eval/step-check.yaml',
      '--out',
      file(`${name}-metrics.json`),
      '--predictions',
      file(`${name}-predictions.jsonl`),
    ];
    await Promise.all([
      run(args('eval-local')),
      run([...args('eval-queue'), '--redis', redis.url, '--queue', 'fanout', '--concurrency', '8']),
    ]);
    const read = (name: string) => readFileSync(file(name), 'utf8');
    expect(read('eval-queue-predictions.jsonl')).toBe(read('eval-local-predictions.jsonl'));
    expect(read('eval-queue-metrics.json')).toBe(read('eval-local-metrics.json'));
    expect(read('eval-local-predictions.jsonl').trim().split('\n').length).toBeGreaterThan(2);
  }, 120_000);
});
