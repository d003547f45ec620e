/**
 * `node --cpu-prof --import tsx bench/reports/profile-search.ts [strategy] [budget]`: one search run
 * over 24 world problems (world latency 0) to profile the driver's own CPU time.
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
import { startWorld } from './start-world.js';

const [name = 'best_of_n', budget = '16'] = process.argv.slice(2);
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
async function* records(): AsyncIterable<JsonlRecord[]> {
  yield Array.from({ length: 24 }, (_, index) => ({ line: index + 1, value: problemSample(2, index) }));
}
const strategy = searchStrategies.get(name);
const cpu = process.cpuUsage();
await runSearchProblems(
  records(),
  {
    strategy,
    options: strategy.optionsSchema.parse({}),
    budgets: [Number(budget)],
    seeds: [1],
    policy,
    verifier,
    concurrency: 4,
    keepCandidates: false,
  },
  new Set(),
  async () => {},
);
const used = process.cpuUsage(cpu);
console.log(
  `${name} N=${budget}: driver CPU ${((used.user + used.system) / 1000 / 24).toFixed(1)} ms per problem`,
);
await verifier.close();
resetSharedClients();
world.stop();
