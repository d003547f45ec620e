/**
 * Time and memory of the math reward on hostile inputs (towers, megabytes of digits, deep nesting,
 * 50,000 boxes, pathological regex runs ...; the list is `test/math/hostile-inputs.ts`), each pair
 * scored once through the real `math` reward kind (`type: math` at its defaults, the per-sample
 * deadline of its default timeout), after the kind's warm-up:
 *
 *   npx tsx bench/math/hostile.ts
 *
 * Prints per pair: wall and CPU milliseconds (CPU of the whole process: compute-engine's guarded
 * worker included), the RSS growth, the score and the reason. Timing is printed, never asserted:
 * the test suite asserts each outcome.
 */
import type { ComponentScorer, ScoreContext } from '../../src/core/reward-kind.js';
import { rewardKinds } from '../../src/rewards/index.js';
import { HOSTILE_INPUTS } from '../../test/math/hostile-inputs.js';

const kind = rewardKinds.get('math');
const scorer = kind.create(kind.optionsSchema.parse({}), {
  concurrency: 1,
  allowUnsandboxed: false,
}) as ComponentScorer;

const rows: string[] = [];
let slowest = { name: '', ms: 0 };
for (const input of HOSTILE_INPUTS) {
  const sample = { id: input.name, response: input.response, reference: { answer: input.gold } };
  const rss = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const context: ScoreContext = {
    steps: [],
    deadline: started + kind.defaultTimeoutSeconds * 1000,
    signal: new AbortController().signal,
  };
  const result = await scorer.score(sample, context);
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const grown = (process.memoryUsage().rss - rss) / 1e6;
  if (wall > slowest.ms) slowest = { name: input.name, ms: wall };
  const reason = String((result.details as Record<string, unknown> | undefined)?.['reason'] ?? '');
  rows.push(
    `${wall.toFixed(1).padStart(8)} ${((used.user + used.system) / 1000).toFixed(1).padStart(8)} ${grown.toFixed(0).padStart(6)}  ${String(result.score).padEnd(5)} ${input.name.padEnd(42)} ${reason.slice(0, 70)}`,
  );
}
console.log(`${'wall ms'.padStart(8)} ${'CPU ms'.padStart(8)} ${'+MB'.padStart(6)}  score pair`);
console.log(rows.join('\n'));
console.log(`${HOSTILE_INPUTS.length} hostile pairs; slowest ${slowest.ms.toFixed(1)} ms (${slowest.name})`);
process.exit(0);
