/**
 * `npm run bench -- search`: the search driver against the reference world (its own process, a
 * fixed latency per request, default 50 ms):
 * 1. the driver's own overhead: CPU time of this process (the driver: strategies, HTTP client,
 *    JSON, math verifier) as a share of wall time, per strategy, one problem at a time (so the
 *    share is the part of a search's latency not spent waiting on the endpoints), and with 16 in
 *    flight (where it is the driver's CPU use: 100% = one core busy);
 * 2. concurrency: problems in flight 1..64, bounded by the endpoints' max_concurrency;
 * 3. peak memory (RSS and heap, sampled every 50 ms) for 500 problems x 64 particles of
 *    particle_filtering, lines streamed out and not kept.
 * BENCH_LATENCY_MS, BENCH_SEARCH_PROBLEMS, BENCH_SEARCH_MEMORY_PROBLEMS change the set-up.
 */

import { parseSpec } from '../../src/core/spec.js';
import type { JsonlRecord } from '../../src/io/jsonl-reader.js';
import { endpointApis, resetSharedClients } from '../../src/models/index.js';
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
const ENDPOINT_LIMIT = 64;

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
  yield Array.from({ length: count }, (_, index) => ({
    line: index + 1,
    value: problemSample(1, first + index),
  }));
}

interface Measured {
  wallMs: number;
  cpuMs: number;
  units: number;
  errors: number;
  peakRss: number;
  peakHeap: number;
}

async function measure(
  strategyName: string,
  budget: number,
  count: number,
  concurrency: number,
): Promise<Measured> {
  const strategy = searchStrategies.get(strategyName);
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 50);
  let units = 0;
  let errors = 0;
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
      keepCandidates: false,
    },
    new Set(),
    async (line) => {
      units += 1;
      if (line.status === 'error') errors += 1;
    },
  );
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  return { wallMs, cpuMs: (used.user + used.system) / 1000, units, errors, peakRss, peakHeap };
}

const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(0);
const pct = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1)}%`;

try {
  // Warm-up: JIT, connections.
  await measure('best_of_n', 4, 4, 4);
  console.log(`\nWorld latency ${latencyMs} ms per request; endpoint max_concurrency ${ENDPOINT_LIMIT}.`);
  console.log('\n1. Driver overhead: driver CPU time / wall time, 1 problem in flight and 16 in flight');
  console.log(
    '| strategy | budget | wall s per problem (1 in flight) | driver CPU ms per problem | overhead (1 in flight) | driver CPU use (16 in flight) | errors |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|');
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
      `| ${name} | ${budget} | ${(serial.wallMs / 1000 / serial.units).toFixed(2)} | ${(serial.cpuMs / serial.units).toFixed(0)} | ${pct(serial.cpuMs, serial.wallMs)} | ${pct(parallel.cpuMs, parallel.wallMs)} | ${serial.errors + parallel.errors} |`,
    );
  }
  console.log('\n2. Concurrency: beam_search N=8, problems in flight (endpoint limit still applies)');
  console.log('| in flight | problems | wall s | problems/s | speed-up vs 1 | driver overhead |');
  console.log('|---:|---:|---:|---:|---:|---:|');
  let base = 0;
  for (const concurrency of [1, 4, 16, 64]) {
    const count = Math.max(8, Math.min(problemCount * 2, concurrency * 2));
    const run = await measure('beam_search', 8, count, concurrency);
    const rate = run.units / (run.wallMs / 1000);
    if (concurrency === 1) base = rate;
    console.log(
      `| ${concurrency} | ${run.units} | ${(run.wallMs / 1000).toFixed(2)} | ${rate.toFixed(2)} | ${(rate / base).toFixed(1)}x | ${pct(run.cpuMs, run.wallMs)} |`,
    );
  }
  console.log(
    `\n3. Peak memory: particle_filtering, ${memoryProblems} problems x 64 particles, 64 in flight`,
  );
  const before = process.memoryUsage();
  const run = await measure('particle_filtering', 64, memoryProblems, 64);
  console.log(
    '| problems | particles | wall s | errors | RSS before MB | peak RSS MB | peak heap MB | driver overhead |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
  console.log(
    `| ${run.units} | 64 | ${(run.wallMs / 1000).toFixed(1)} | ${run.errors} | ${mb(before.rss)} | ${mb(run.peakRss)} | ${mb(run.peakHeap)} | ${pct(run.cpuMs, run.wallMs)} |`,
  );
} finally {
  await verifier.close();
  resetSharedClients();
  world.stop();
}
