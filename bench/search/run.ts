/**
 * `npm run bench -- search`: the search driver against the reference world (its own process, a
 * fixed latency per request, default 50 ms).
 *
 * 1. Overhead. The driver is this process: strategies, HTTP client, JSON, the engine's pipeline
 *    for the verifier, the math verifier. With one problem in flight, every moment of a search is
 *    either the driver working or the driver waiting on an endpoint (the world is another process,
 *    its work counts as endpoint latency), so
 *        overhead = driver CPU time (process.cpuUsage, user + system) / wall time
 *    is the share of a search's latency that is the driver's own (an upper bound: V8's GC
 *    threads count too). Shown with requests per problem and CPU per request, where it goes.
 *    With 16 problems in flight the same ratio is the driver's CPU use (100% = one core busy).
 * 2. Concurrency: problems in flight 1..64 against endpoints with max_concurrency 16; the peak
 *    requests in flight per endpoint, sampled every 2 ms, never passes that limit.
 * 3. Memory: peak RSS and heap (sampled every 50 ms) for particle_filtering, 500 problems x 64
 *    particles, 64 in flight, every candidate kept in the output lines (written to /dev/null as
 *    the CLI writes them), and the heap still held after a forced GC at the end.
 *
 * BENCH_LATENCY_MS, BENCH_SEARCH_PROBLEMS, BENCH_SEARCH_MEMORY_PROBLEMS, BENCH_SEARCH_SECTIONS
 * (e.g. `overhead,concurrency,memory`) change the set-up. Profile with bench/search/profile.ts.
 */

import { createWriteStream } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseSpec } from '../../src/core/spec.js';
import type { JsonlRecord } from '../../src/io/jsonl-reader.js';
import { JsonlWriter } from '../../src/io/jsonl-writer.js';
import { endpointApis, modelClients, modelUsage, resetSharedClients } from '../../src/models/index.js';
import {
  DEFAULT_POLICY_TEMPLATE,
  EndpointPolicy,
  runSearchProblems,
  SpecVerifier,
  searchStrategies,
} from '../../src/search/index.js';
import { problemSample } from '../../src/world/index.js';
import { startWorld } from '../reports/start-world.js';

const latencyMs = Number(process.env['BENCH_LATENCY_MS'] ?? 50);
const problemCount = Number(process.env['BENCH_SEARCH_PROBLEMS'] ?? 32);
const memoryProblems = Number(process.env['BENCH_SEARCH_MEMORY_PROBLEMS'] ?? 500);
const sections = new Set(
  (process.env['BENCH_SEARCH_SECTIONS'] ?? 'overhead,concurrency,memory')
    .split(',')
    .map((name) => name.trim()),
);
const ENDPOINT_LIMIT = 16;

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const world = await startWorld(['--latency-ms', String(latencyMs), '--prm-noise', '0.5']);
const policy = new EndpointPolicy(
  endpointApis(
    {
      base_url: world.baseUrl,
      model: 'policy-0.8',
      max_concurrency: ENDPOINT_LIMIT,
      timeout_s: 120,
      max_retries: 2,
    },
    { concurrency: ENDPOINT_LIMIT, allowUnsandboxed: false },
    { max_batch: 1, max_wait_ms: 0 },
  ),
  { api: 'completions', template: DEFAULT_POLICY_TEMPLATE, temperature: 0.8, maxTokens: 512, topP: 1 },
);
const verifier = new SpecVerifier(
  parseSpec({
    name: 'world-prm',
    models: { prm: { base_url: world.baseUrl, model: 'world-prm', max_concurrency: ENDPOINT_LIMIT } },
    rewards: [{ name: 'prm', type: 'prm', options: { model: 'prm' } }],
  }),
);

/**
 * Fresh problems for every measurement: the model client caches reproducible (seeded) requests,
 * so a problem searched twice would be answered from the cache the second time.
 */
let nextProblem = 0;
async function* records(count: number): AsyncIterable<JsonlRecord[]> {
  const first = nextProblem;
  nextProblem += count;
  for (let start = 0; start < count; start += 64) {
    yield Array.from({ length: Math.min(64, count - start) }, (_, index) => ({
      line: start + index + 1,
      value: problemSample(1, first + start + index),
    }));
  }
}

interface Measured {
  wallMs: number;
  cpuMs: number;
  units: number;
  errors: number;
  requests: number;
  peakInFlight: number;
  peakRss: number;
  peakHeap: number;
}

const requestsSoFar = (): number => modelUsage().reduce((sum, usage) => sum + usage.requests, 0);

async function measure(
  strategyName: string,
  budget: number,
  count: number,
  concurrency: number,
  out?: JsonlWriter,
): Promise<Measured> {
  const strategy = searchStrategies.get(strategyName);
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  let peakInFlight = 0;
  const memorySampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 50);
  const flightSampler = setInterval(() => {
    for (const client of modelClients()) peakInFlight = Math.max(peakInFlight, client.inFlight);
  }, 2);
  let units = 0;
  let errors = 0;
  const requestsBefore = requestsSoFar();
  const cpu = process.cpuUsage();
  const started = performance.now();
  await runSearchProblems(
    records(count),
    {
      strategy,
      options: strategy.optionsSchema.parse({}),
      budgets: [budget],
      seeds: [1],
      policy,
      verifier,
      concurrency,
      keepCandidates: out !== undefined,
    },
    new Set(),
    async (line) => {
      units += 1;
      if (line.status === 'error') errors += 1;
      await out?.writeLines([JSON.stringify(line)]);
    },
  );
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  clearInterval(memorySampler);
  clearInterval(flightSampler);
  return {
    wallMs,
    cpuMs: (used.user + used.system) / 1000,
    units,
    errors,
    requests: requestsSoFar() - requestsBefore,
    peakInFlight,
    peakRss,
    peakHeap,
  };
}

const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(0);
const pct = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1)}%`;

try {
  // Warm-up: JIT, connections.
  await measure('best_of_n', 4, 8, 4);
  console.log(`\nWorld latency ${latencyMs} ms per request; endpoint max_concurrency ${ENDPOINT_LIMIT}.`);
  if (sections.has('overhead')) {
    console.log(
      '\n1. Driver overhead = driver CPU time / wall time, 1 problem in flight; CPU use with 16 in flight',
    );
    console.log(
      '| strategy | N | wall s per problem | requests per problem | driver CPU ms per problem | CPU ms per request | overhead (1 in flight) | driver CPU use (16 in flight) | errors |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const [name, budget] of [
      ['best_of_n', 16],
      ['weighted_vote', 16],
      ['beam_search', 16],
      ['particle_filtering', 16],
      ['rebase', 16],
    ] as const) {
      const serial = await measure(name, budget, 8, 1);
      const parallel = await measure(name, budget, problemCount, 16);
      console.log(
        `| ${name} | ${budget} | ${(serial.wallMs / 1000 / serial.units).toFixed(2)} | ${(serial.requests / serial.units).toFixed(1)} | ${(serial.cpuMs / serial.units).toFixed(1)} | ${(serial.cpuMs / serial.requests).toFixed(2)} | ${pct(serial.cpuMs, serial.wallMs)} | ${pct(parallel.cpuMs, parallel.wallMs)} | ${serial.errors + parallel.errors} |`,
      );
    }
  }
  if (sections.has('concurrency')) {
    console.log(
      `\n2. Concurrency: beam_search N=8, problems in flight; requests in flight per endpoint capped at ${ENDPOINT_LIMIT}`,
    );
    console.log(
      '| problems in flight | problems | wall s | problems/s | speed-up vs 1 | peak requests in flight (one endpoint) | driver CPU use |',
    );
    console.log('|---:|---:|---:|---:|---:|---:|---:|');
    let base = 0;
    for (const concurrency of [1, 4, 16, 64]) {
      const count = Math.max(8, Math.min(problemCount * 2, concurrency * 2));
      const run = await measure('beam_search', 8, count, concurrency);
      const rate = run.units / (run.wallMs / 1000);
      if (concurrency === 1) base = rate;
      console.log(
        `| ${concurrency} | ${run.units} | ${(run.wallMs / 1000).toFixed(2)} | ${rate.toFixed(2)} | ${(rate / base).toFixed(1)}x | ${run.peakInFlight} | ${pct(run.cpuMs, run.wallMs)} |`,
      );
    }
  }
  if (sections.has('memory')) {
    console.log(
      `\n3. Memory: particle_filtering, ${memoryProblems} problems x 64 particles, 64 in flight, every candidate written out`,
    );
    collectGarbage();
    const before = process.memoryUsage();
    const out = new JsonlWriter(createWriteStream('/dev/null'), true);
    const run = await measure('particle_filtering', 64, memoryProblems, 64, out);
    await out.close();
    collectGarbage();
    const after = process.memoryUsage();
    const cached = modelClients().reduce(
      (sum, client) => ({ entries: sum.entries + client.cache.size, bytes: sum.bytes + client.cache.bytes }),
      { entries: 0, bytes: 0 },
    );
    console.log(
      '| problems | particles | wall s | errors | RSS before MB | peak RSS MB | peak heap MB | heap held after GC MB | of which response cache (replies, MB of JSON) | driver CPU use |',
    );
    console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    console.log(
      `| ${run.units} | 64 | ${(run.wallMs / 1000).toFixed(1)} | ${run.errors} | ${mb(before.rss)} | ${mb(run.peakRss)} | ${mb(run.peakHeap)} | ${mb(after.heapUsed)} | ${cached.entries}, ${mb(cached.bytes)} | ${pct(run.cpuMs, run.wallMs)} |`,
    );
  }
} finally {
  await verifier.close();
  resetSharedClients();
  world.stop();
}
