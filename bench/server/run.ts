/**
 * `npm run bench -- server`: the HTTP reward server against the in-process engine, on this machine.
 *
 * - in-process: the same backend the server uses (a worker-thread pool), batches of 512, best of
 *   1, 2 or 4 kept in flight, samples/s;
 * - server: `rewardkit serve` in its own process, load from autocannon in another process:
 *   samples/s at batch 1 (64 connections, with p50/p99 latency), 64 and 512; the ratio to the
 *   in-process figure is the HTTP overhead;
 * - peak server memory (VmHWM) under REWARDKIT_BENCH_SUSTAIN_S (default 60) seconds of load;
 * - the same with `serve --redis` and two `rewardkit worker` processes (one thread each).
 *
 * The spec is math correctness + format when the `math` kind is registered, else format + length.
 * The cache is off so every sample is scored. Goals: batch 512 >= 75% of in-process; p99 < 50 ms
 * for single-sample requests at 64 connections.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSpec, type Spec } from '../../src/core/spec.js';
import { composeBackend } from '../../src/engine/backends/compose-backend.js';
import { rewardKinds } from '../../src/rewards/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sustainSeconds = Number(process.env['REWARDKIT_BENCH_SUSTAIN_S'] ?? 60);
const runSeconds = Number(process.env['REWARDKIT_BENCH_RUN_S'] ?? 8);
/** Each server run is preceded by a 2 s autocannon warm-up; the in-process engine gets longer. */
const WARM_UP_MS = 4000;
const work = mkdtempSync(join(tmpdir(), 'rewardkit-bench-server-'));

const hasMath = rewardKinds.has('math');
const specInput = hasMath
  ? {
      name: 'bench-math',
      rewards: [
        { name: 'correct', type: 'math', weight: 1 },
        { name: 'format', type: 'format', weight: 0.2, options: { tags: ['think', 'answer'] } },
      ],
    }
  : {
      name: 'bench-format',
      rewards: [
        { name: 'format', type: 'format', weight: 1, options: { tags: ['think', 'answer'] } },
        {
          name: 'concise',
          type: 'length',
          weight: 0.1,
          options: { mode: 'budget', unit: 'words', budget: 50 },
        },
      ],
    };
const spec: Spec = parseSpec(specInput, 'bench spec');
const specFile = join(work, 'spec.json');
writeFileSync(specFile, JSON.stringify(specInput));

function sampleAt(index: number) {
  const left = (index * 7) % 97;
  const right = (index * 13) % 89;
  const answers = [
    `${left + right}`,
    `\\frac{${2 * (left + right)}}{2}`,
    `${left + right + 1}`,
    `${left + right}.0`,
  ];
  return {
    id: `s${index}`,
    prompt: `What is ${left} + ${right}?`,
    response: `<think>${left} plus ${right} is ${left + right}.</think>\n<answer>${answers[index % answers.length]}</answer>`,
    reference: { answer: `${left + right}` },
  };
}

function batchOf(size: number) {
  return Array.from({ length: size }, (_, index) => sampleAt(index));
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

function startProcess(args: readonly string[], ready: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes(ready)) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}:\n${output}`)));
  });
}

function rewardkit(args: readonly string[], ready: string): Promise<ChildProcess> {
  return startProcess(['--import', 'tsx', 'src/cli/main.ts', ...args], ready);
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

/** Peak resident memory of a process (VmHWM), in MiB. */
function peakMemoryMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** autocannon in its own process (the load generator must not share the server's event loop). */
async function load(
  url: string,
  batchSize: number,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  const bodyFile = join(work, `body-${batchSize}.json`);
  writeFileSync(bodyFile, JSON.stringify({ samples: batchOf(batchSize) }));
  const child = spawn(
    process.execPath,
    [
      'node_modules/autocannon/autocannon.js',
      '--json',
      '-c',
      String(connections),
      '-d',
      String(seconds),
      '-m',
      'POST',
      '-H',
      'content-type=application/json',
      '-i',
      bodyFile,
      `${url}/v1/score`,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  await new Promise((resolve) => child.once('exit', resolve));
  const report = JSON.parse(stdout) as {
    requests: { average: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
  };
  return {
    requestsPerSecond: report.requests.average,
    p50: report.latency.p50,
    p99: report.latency.p99,
    non2xx: report.non2xx,
    errors: report.errors,
  };
}

/**
 * In-process throughput at batch `batchSize`: the best of 1, 2 and 4 batches kept in flight (on a
 * busy machine more parallel tasks can be slower), each for `seconds`, after a warm-up.
 */
async function inProcessThroughput(batchSize: number, seconds: number): Promise<number> {
  const backend = composeBackend({ concurrency: 64, threads: availableParallelism() });
  const inputs = batchOf(batchSize);
  // Warm-up, as long as the server gets before its measured runs: every thread starts, compiles
  // the spec and gets its hot paths optimized before the clock runs.
  const warmUntil = performance.now() + WARM_UP_MS;
  while (performance.now() < warmUntil) {
    await Promise.all(Array.from({ length: availableParallelism() }, () => backend.score({ spec, inputs })));
  }
  let best = 0;
  for (const inFlight of [1, 2, 4]) {
    let scored = 0;
    const started = performance.now();
    const deadline = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (performance.now() < deadline) {
          scored += (await backend.score({ spec, inputs })).length;
        }
      }),
    );
    best = Math.max(best, scored / ((performance.now() - started) / 1000));
  }
  await backend.close();
  return best;
}

interface Row {
  setup: string;
  batch: number;
  connections: number;
  samplesPerSecond: number;
  ratio: string;
  p50: string;
  p99: string;
  refused: number;
}

async function measureServer(setup: string, url: string, reference: number, rows: Row[]): Promise<void> {
  for (const [batch, connections] of [
    [1, 64],
    [64, 16],
    [512, 4],
  ] as const) {
    await load(url, batch, connections, 2); // warm-up
    const result = await load(url, batch, connections, runSeconds);
    const samplesPerSecond = result.requestsPerSecond * batch;
    rows.push({
      setup,
      batch,
      connections,
      samplesPerSecond,
      ratio: `${((100 * samplesPerSecond) / reference).toFixed(0)}%`,
      p50: `${result.p50} ms`,
      p99: `${result.p99} ms`,
      refused: result.non2xx + result.errors,
    });
    console.log(
      `  ${setup} batch ${batch} c=${connections}: ${samplesPerSecond.toFixed(0)} samples/s, p50 ${result.p50} ms, p99 ${result.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}`,
    );
  }
}

async function sustained(setup: string, url: string, pids: () => (number | undefined)[]): Promise<string> {
  const result = await load(url, 64, 32, sustainSeconds);
  const peaks = pids().map((pid) => peakMemoryMb(pid).toFixed(0));
  const line = `${setup}: ${sustainSeconds} s at batch 64, 32 connections: ${(result.requestsPerSecond * 64).toFixed(0)} samples/s, p99 ${result.p99} ms, non-2xx ${result.non2xx}; peak RSS ${peaks.join(' + ')} MiB`;
  console.log(`  ${line}`);
  return line;
}

async function main(): Promise<void> {
  console.log(
    `spec ${spec.name} (${hasMath ? 'math + format' : 'math kind not registered: format + length'}), ${availableParallelism()} cores, runs of ${runSeconds} s, sustained ${sustainSeconds} s`,
  );
  // Measured before and after the single-node runs; the mean is the reference (the machine drifts).
  const before = await inProcessThroughput(512, runSeconds / 2);
  console.log(`  in-process (thread pool) batch 512: ${before.toFixed(0)} samples/s`);
  let reference = before;
  const rows: Row[] = [];
  const memory: string[] = [];
  let server: ChildProcess | undefined;
  let redis: ChildProcess | undefined;
  const workers: ChildProcess[] = [];
  try {
    const port = await freePort();
    const common = [
      '--spec',
      specFile,
      '--cache',
      'none',
      '--max-in-flight',
      '100000',
      '--log-level',
      'error',
    ];
    server = await rewardkit(['serve', ...common, '--port', String(port)], 'listening on');
    const url = `http://127.0.0.1:${port}`;
    await measureServer('single node', url, reference, rows);
    const after = await inProcessThroughput(512, runSeconds / 2);
    console.log(`  in-process (thread pool) batch 512, again: ${after.toFixed(0)} samples/s`);
    reference = (before + after) / 2;
    for (const row of rows) row.ratio = `${((100 * row.samplesPerSecond) / reference).toFixed(0)}%`;
    const serverPid = server.pid;
    memory.push(await sustained('single node', url, () => [serverPid]));
    await stop(server);

    const redisPort = await freePort();
    redis = spawn(
      '/usr/bin/redis-server',
      ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const redisUrl = `redis://127.0.0.1:${redisPort}`;
    for (let index = 0; index < 2; index++) {
      workers.push(
        await rewardkit(
          ['worker', '--redis', redisUrl, '--threads', '1', '--concurrency', '4'],
          'pulling jobs',
        ),
      );
    }
    const queuePort = await freePort();
    server = await rewardkit(
      ['serve', ...common, '--port', String(queuePort), '--redis', redisUrl],
      'listening on',
    );
    const queueUrl = `http://127.0.0.1:${queuePort}`;
    await measureServer('2 workers + Redis', queueUrl, reference, rows);
    const queuePids = [server.pid, ...workers.map((worker) => worker.pid)];
    memory.push(await sustained('2 workers + Redis (server + workers)', queueUrl, () => queuePids));
  } finally {
    await stop(server);
    await Promise.all(workers.map((worker) => stop(worker)));
    await stop(redis);
    rmSync(work, { recursive: true, force: true });
  }
  console.log('\n| setup | batch | connections | samples/s | vs in-process | p50 | p99 | refused |');
  console.log('|---|---|---|---|---|---|---|---|');
  console.log(
    `| in-process thread pool (mean of ${before.toFixed(0)}, ${(2 * reference - before).toFixed(0)}) | 512 | - | ${reference.toFixed(0)} | 100% | - | - | - |`,
  );
  for (const row of rows) {
    console.log(
      `| ${row.setup} | ${row.batch} | ${row.connections} | ${row.samplesPerSecond.toFixed(0)} | ${row.ratio} | ${row.p50} | ${row.p99} | ${row.refused} |`,
    );
  }
  console.log('');
  for (const line of memory) console.log(`peak memory, ${line}`);
}

await main();
