/**
 * `npm run bench -- fanout`: `rewardkit search` over a problem file against the reference world
 * (its own process, a fixed latency per request, default 50 ms), run three ways with the same
 * seeds: locally, and with `--redis` over 1 and over 2 `rewardkit worker` processes (each with
 * the same job concurrency as the local run). Prints the wall time of each, the speed-up over
 * one worker, and whether every run wrote the same lines (wall times aside) as the local run.
 * BENCH_LATENCY_MS, BENCH_FANOUT_PROBLEMS, BENCH_FANOUT_CONCURRENCY change the set-up.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { problemSample } from '../../src/world/index.js';
import { TestRedis } from '../../test/helpers/redis-server.js';
import { repositoryRoot, startWorld } from '../reports/start-world.js';

const latencyMs = Number(process.env['BENCH_LATENCY_MS'] ?? 50);
const problemCount = Number(process.env['BENCH_FANOUT_PROBLEMS'] ?? 200);
const concurrency = Number(process.env['BENCH_FANOUT_CONCURRENCY'] ?? 16);

/** A process of the CLI; resolves `ready` once its output contains `readyText`. */
function cli(
  args: readonly string[],
  readyText?: string,
): { child: ChildProcess; ready: Promise<void>; exited: Promise<number | null>; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: repositoryRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const onData = (chunk: Buffer): void => {
    output += chunk.toString();
    if (readyText === undefined || output.includes(readyText)) markReady();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, ready, exited, output: () => output };
}

/** Lines by unit without wall times, as one canonical string. */
/** The first unit whose line differs between two canonical runs (for the report). */
function firstDifference(expected: string, actual: string): string | undefined {
  const want = expected.split('\n');
  const got = actual.split('\n');
  const index = want.findIndex((line, at) => line !== got[at]);
  return index < 0
    ? undefined
    : `local:  ${want[index]?.slice(0, 600)}\nqueued: ${got[index]?.slice(0, 600)}`;
}

function canonicalRuns(path: string): string {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((text) => {
      const line = JSON.parse(text) as { compute?: Record<string, unknown> | null };
      if (line.compute) delete line.compute['wallMs'];
      return JSON.stringify(line);
    })
    .sort()
    .join('\n');
}

const directory = mkdtempSync(join(tmpdir(), 'rk-bench-fanout-'));
const redis = await TestRedis.start();
const redisUrl = redis.url;
const world = await startWorld(['--latency-ms', String(latencyMs), '--seed', '0']);
const problemsFile = join(directory, 'problems.jsonl');
writeFileSync(
  problemsFile,
  `${Array.from({ length: problemCount }, (_, index) => {
    const sample = problemSample(0, index);
    return JSON.stringify({
      id: sample.id,
      prompt: sample.prompt,
      reference: { answer: sample.reference.answer },
    });
  }).join('\n')}\n`,
);
const specFile = join(directory, 'prm.json');
writeFileSync(
  specFile,
  JSON.stringify({
    name: 'world-prm',
    models: { prm: { base_url: world.baseUrl, model: 'world-prm', max_concurrency: 64 } },
    rewards: [{ name: 'prm', type: 'prm', options: { model: 'prm' } }],
  }),
);

const searchArgs = (out: string) => [
  'search',
  '--strategy',
  'beam_search',
  '--policy',
  world.baseUrl,
  '--policy-model',
  'policy-0.7',
  '--scorer',
  specFile,
  '--in',
  problemsFile,
  '--budget',
  '8',
  '--seeds',
  '1',
  '--out',
  out,
];

async function timed(args: readonly string[]): Promise<number> {
  const started = performance.now();
  const driver = cli(args);
  const code = await driver.exited;
  if (code !== 0) throw new Error(`search exited ${code}:\n${driver.output()}`);
  return (performance.now() - started) / 1000;
}

const rows: { setup: string; wall: number; identical: boolean | null }[] = [];
try {
  const localOut = join(directory, 'local.jsonl');
  rows.push({
    setup: `local (--concurrency ${concurrency})`,
    wall: await timed([...searchArgs(localOut), '--concurrency', String(concurrency)]),
    identical: null,
  });
  const expected = canonicalRuns(localOut);
  for (const workerCount of [1, 2]) {
    const queue = `bench-${workerCount}`;
    const workers = Array.from({ length: workerCount }, () =>
      cli(
        [
          'worker',
          '--redis',
          redisUrl,
          '--queue',
          queue,
          '--threads',
          '0',
          '--concurrency',
          String(concurrency),
        ],
        'pulling jobs',
      ),
    );
    await Promise.all(workers.map((worker) => worker.ready));
    const out = join(directory, `queue-${workerCount}.jsonl`);
    const wall = await timed([
      ...searchArgs(out),
      '--redis',
      redisUrl,
      '--queue',
      queue,
      '--concurrency',
      String(concurrency * workerCount * 2),
    ]);
    rows.push({
      setup: `--redis, ${workerCount} worker${workerCount === 1 ? '' : 's'} (--concurrency ${concurrency} each)`,
      wall,
      identical: canonicalRuns(out) === expected,
    });
    const difference = firstDifference(expected, canonicalRuns(out));
    if (difference !== undefined)
      console.log(`${workerCount} worker(s): first line that differs:\n${difference}`);
    for (const worker of workers) worker.child.kill('SIGTERM');
    await Promise.all(workers.map((worker) => worker.exited));
  }
} finally {
  world.stop();
  await redis.stop();
  rmSync(directory, { recursive: true, force: true });
}

const oneWorker = rows[1]?.wall ?? Number.NaN;
console.log(
  `\nrewardkit search beam_search N=8, ${problemCount} problems, world latency ${latencyMs} ms per request\n`,
);
console.log('| setup | wall | units/s | vs 1 worker | lines identical to local |');
console.log('|---|---:|---:|---:|---|');
for (const row of rows) {
  console.log(
    `| ${row.setup} | ${row.wall.toFixed(1)} s | ${(problemCount / row.wall).toFixed(1)} | ${(oneWorker / row.wall).toFixed(2)}x | ${row.identical === null ? '(reference)' : row.identical ? 'yes' : 'NO'} |`,
  );
}
