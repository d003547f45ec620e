/**
 * `npm run bench -- models`: model-backed kinds through `rewardkit score` against the reference
 * world (its own process, fixed latency per request), versus the world's own capacity at the same
 * concurrency (a bare client sending the same requests); the gain from micro-batching (orm);
 * the gain from the response cache on a rerun (in one process); the CLI's peak RSS.
 * BENCH_SAMPLES, BENCH_CONCURRENCY and BENCH_LATENCY_MS change the set-up.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pLimit from 'p-limit';
import { parseSpecText } from '../../src/core/spec.js';
import { Pipeline } from '../../src/engine/pipeline.js';
import { modelUsage, resetSharedClients } from '../../src/models/index.js';
import { continueSolution, generateProblem } from '../../src/world/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const count = Number(process.env['BENCH_SAMPLES'] ?? 400);
const concurrency = Number(process.env['BENCH_CONCURRENCY'] ?? 16);
const latencyMs = Number(process.env['BENCH_LATENCY_MS'] ?? 50);
const work = mkdtempSync(join(tmpdir(), 'rk-bench-models-'));

async function startWorld(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'world',
      'serve',
      '--port',
      '0',
      '--latency-ms',
      String(latencyMs),
      '--judge-accuracy',
      '0.9',
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)\/v1/.exec(output);
      if (match !== null) resolve(match[1] as string);
    });
    child.once('exit', () => reject(new Error(`world exited: ${output}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

const samples = Array.from({ length: count }, (_value, index) => {
  const problem = generateProblem(21, index);
  const response = continueSolution(problem.question, {
    skill: 0.7,
    temperature: 1,
    random: mulberry(index),
  });
  return {
    id: `s${index}`,
    prompt: problem.question,
    response,
    reference: { answer: String(problem.answer) },
  };
});

function mulberry(seed: number): () => number {
  let state = seed + 1;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function specFor(kind: string, url: string, options: Record<string, unknown>): string {
  return JSON.stringify({
    name: `bench-${kind}`,
    steps: { split: 'paragraph' },
    rewards: [
      {
        name: kind,
        type: kind,
        options: {
          model: { base_url: `${url}/v1`, model: `world-${kind}`, max_concurrency: concurrency },
          ...options,
        },
      },
    ],
  });
}

/** The world's own capacity: `concurrency` bare requests in flight, one per sample, as the kind sends them. */
async function worldCapacity(
  url: string,
  path: string,
  bodyOf: (sample: (typeof samples)[number]) => unknown,
): Promise<number> {
  const limit = pLimit(concurrency);
  const started = performance.now();
  await Promise.all(
    samples.map((sample) =>
      limit(async () => {
        const response = await fetch(`${url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(bodyOf(sample)),
        });
        await response.text();
      }),
    ),
  );
  return count / ((performance.now() - started) / 1000);
}

/** `rewardkit score` on the samples: samples/s inside the run, and the process's peak RSS. */
function scoreCli(spec: string): { rate: number; rssMiB: number } {
  const specFile = join(work, 'spec.json');
  const input = join(work, 'in.jsonl');
  writeFileSync(specFile, spec);
  writeFileSync(input, `${samples.map((sample) => JSON.stringify(sample)).join('\n')}\n`);
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      join(root, 'bench/score/report-rss.mjs'),
      'src/cli/main.ts',
      'score',
      '--spec',
      specFile,
      '--in',
      input,
      '--out',
      join(work, 'out.jsonl'),
      '--no-store',
      '--threads',
      '0',
      '--concurrency',
      String(concurrency),
    ],
    { cwd: root, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(run.stderr);
  const rate = Number(run.stderr.match(/samples\/s\s+(\d+)/)?.[1] ?? Number.NaN);
  const rss = Number(run.stderr.match(/bench-peak-rss-kb (\d+)/)?.[1] ?? 0);
  return { rate, rssMiB: rss / 1024 };
}

const world = await startWorld();
try {
  const text = (sample: (typeof samples)[number]) => `${sample.prompt}\n\n${sample.response}`;
  const cases = [
    {
      kind: 'orm',
      options: { batching: { max_batch: 1, max_wait_ms: 0 } },
      path: '/classify',
      body: (sample: (typeof samples)[number]) => ({ model: 'world-orm', input: text(sample) }),
    },
    {
      kind: 'prm',
      options: {},
      path: '/pooling',
      body: (sample: (typeof samples)[number]) => ({
        model: 'world-prm',
        task: 'token_classify',
        messages: [
          { role: 'user', content: sample.prompt },
          { role: 'assistant', content: `${sample.response.split('\n\n').join('<extra_0>')}<extra_0>` },
        ],
      }),
    },
    {
      kind: 'judge',
      options: {},
      path: '/v1/chat/completions',
      body: (sample: (typeof samples)[number]) => ({
        model: 'world-judge',
        temperature: 0,
        max_tokens: 2048,
        messages: [
          { role: 'user', content: `<response>\n${sample.response}\n</response>\n${sample.prompt}` },
        ],
      }),
    },
  ];
  console.log(
    `world latency ${latencyMs} ms/request, concurrency ${concurrency}, ${count} samples; machine load: ${(await import('node:os')).loadavg()[0]?.toFixed(2)} (1-min load average)`,
  );
  console.log('kind   | world capacity (samples/s) | rewardkit score (samples/s) | ratio | CLI peak RSS');
  for (const entry of cases) {
    const capacity = await worldCapacity(world.url, entry.path, entry.body);
    const cli = scoreCli(specFor(entry.kind, world.url, entry.options));
    console.log(
      `${entry.kind.padEnd(6)} | ${capacity.toFixed(0).padStart(26)} | ${cli.rate.toFixed(0).padStart(27)} | ${(cli.rate / capacity).toFixed(2).padStart(5)} | ${cli.rssMiB.toFixed(0)} MiB`,
    );
  }

  const unbatched = scoreCli(specFor('orm', world.url, { batching: { max_batch: 1, max_wait_ms: 0 } }));
  const batched = scoreCli(specFor('orm', world.url, { batching: { max_batch: 32, max_wait_ms: 5 } }));
  console.log(
    `micro-batching (orm, /classify lists of up to 32): ${unbatched.rate.toFixed(0)} -> ${batched.rate.toFixed(0)} samples/s, x${(batched.rate / unbatched.rate).toFixed(2)}`,
  );

  resetSharedClients();
  const pipeline = Pipeline.compile(parseSpecText(specFor('prm', world.url, {})), { concurrency });
  const timed = async () => {
    const started = performance.now();
    await pLimitAll(samples, (sample) => pipeline.scoreSample(sample));
    return count / ((performance.now() - started) / 1000);
  };
  const first = await timed();
  const rerun = await timed();
  const usage = modelUsage()[0];
  console.log(
    `response cache on a rerun (prm, in one process): ${first.toFixed(0)} -> ${rerun.toFixed(0)} samples/s, x${(rerun / first).toFixed(1)}; requests sent ${usage?.requests}, cache hits ${usage?.cache_hits}`,
  );
} finally {
  world.stop();
  rmSync(work, { recursive: true, force: true });
}

async function pLimitAll<T, R>(items: readonly T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const limit = pLimit(concurrency);
  return Promise.all(items.map((item) => limit(() => run(item))));
}
