/**
 * `node --import tsx bench/search/profile.ts [strategy] [budget] [problems]`: where the search
 * driver's CPU goes. Runs one search over world problems (world latency 0, its own process),
 * profiles only the run (node:inspector, not module loading) and prints the top functions and
 * files by self time, and the full profile's path (open it in Chrome DevTools or speedscope).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSpec } from '../../src/core/spec.js';
import type { JsonlRecord } from '../../src/io/jsonl-reader.js';
import { endpointApis, modelUsage, resetSharedClients } from '../../src/models/index.js';
import {
  DEFAULT_POLICY_TEMPLATE,
  EndpointPolicy,
  runSearchProblems,
  SpecVerifier,
  searchStrategies,
} from '../../src/search/index.js';
import { problemSample } from '../../src/world/index.js';
import { startWorld } from '../reports/start-world.js';

const [name = 'best_of_n', budgetText = '16', problemsText = '48'] = process.argv.slice(2);
const budget = Number(budgetText);
const problems = Number(problemsText);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const world = await startWorld([]);
const policy = new EndpointPolicy(
  endpointApis(
    { base_url: world.baseUrl, model: 'policy-0.8', max_concurrency: 16, timeout_s: 60, max_retries: 0 },
    { concurrency: 16, allowUnsandboxed: false },
    { max_batch: 1, max_wait_ms: 0 },
  ),
  { api: 'completions', template: DEFAULT_POLICY_TEMPLATE, temperature: 0.8, maxTokens: 512, topP: 1 },
);
const verifier = new SpecVerifier(
  parseSpec({
    name: 'world-prm',
    models: { prm: { base_url: world.baseUrl, model: 'world-prm' } },
    rewards: [{ name: 'prm', type: 'prm', options: { model: 'prm' } }],
  }),
);
const strategy = searchStrategies.get(name);

async function run(first: number, count: number): Promise<void> {
  async function* records(): AsyncIterable<JsonlRecord[]> {
    yield Array.from({ length: count }, (_, index) => ({
      line: index + 1,
      value: problemSample(2, first + index),
    }));
  }
  await runSearchProblems(
    records(),
    {
      strategy,
      options: strategy.optionsSchema.parse({}),
      budgets: [budget],
      seeds: [1],
      policy,
      verifier,
      concurrency: 4,
      keepCandidates: false,
    },
    new Set(),
    async () => {},
  );
}

const shortUrl = (url: string): string =>
  url.replace(/.*node_modules\/([^/]+).*/, 'node_modules/$1').replace(/.*\/(src|bench)\//, '$1/');

try {
  await run(10_000, 8); // warm-up: JIT, connections
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  const requestsBefore = new Map(modelUsage().map((usage) => [usage.endpoint, usage.requests]));
  const cpu = process.cpuUsage();
  await run(0, problems);
  const used = process.cpuUsage(cpu);
  const requests = modelUsage()
    .map(
      (usage) =>
        `${usage.endpoint} ${((usage.requests - (requestsBefore.get(usage.endpoint) ?? 0)) / problems).toFixed(1)}`,
    )
    .join(', ');
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
  session.disconnect();
  const file = join(tmpdir(), `search-${name}-${budget}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));

  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, index) => {
    const node = nodes.get(id);
    const micros = profile.timeDeltas[index] ?? 0;
    if (node === undefined || node.callFrame.functionName === '(idle)') return;
    busy += micros;
    const frame = node.callFrame;
    const where = shortUrl(frame.url) || frame.functionName;
    const key = `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
    byFile.set(where, (byFile.get(where) ?? 0) + micros);
  });
  const top = (table: Map<string, number>, count: number): void => {
    for (const [key, micros] of [...table].sort((a, b) => b[1] - a[1]).slice(0, count))
      console.log(
        `${(micros / 1000).toFixed(0).padStart(7)} ms ${((100 * micros) / busy).toFixed(1).padStart(5)}%  ${key}`,
      );
  };
  console.log(
    `${name} N=${budget}, ${problems} problems: driver CPU ${((used.user + used.system) / 1000 / problems).toFixed(1)} ms per problem; profile ${file}`,
  );
  console.log(`requests per problem: ${requests}`);
  console.log('\nself time by file');
  top(byFile, 20);
  console.log('\nself time by function');
  top(byFunction, 30);
} finally {
  await verifier.close();
  resetSharedClients();
  world.stop();
}
