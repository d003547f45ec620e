/**
 * Runs one reward kind over the hostile samples from a start index, in its own process (spawned by
 * test/reward-kind-contract.test.ts), so that a kind that hangs or exhausts the heap is reported
 * as that sample's breach instead of taking the test run down. One JSON line per event on stdout:
 * `{"start": i}` before sample i, `{"index": i, "elapsed": ms, "breaches": [...]}` after it.
 *
 * Usage: node --import tsx test/helpers/kind-contract-runner.ts KIND OPTIONS_JSON START DEADLINE_MS
 */
import { RewardKitError } from '../../src/core/errors.js';
import type { ComponentResult } from '../../src/core/result.js';
import type { ComponentScorer } from '../../src/core/reward-kind.js';
import { rewardKinds } from '../../src/rewards/index.js';
import { contractBreaches, contractSamples } from './hostile-samples.js';

const [kindName = '', optionsJson = '{}', startText = '0', deadlineText = '1000'] = process.argv.slice(2);
const kind = rewardKinds.get(kindName);
const deadlineMs = Number(deadlineText);
const samples = contractSamples();
const say = (event: object): void => {
  process.stdout.write(`${JSON.stringify(event)}\n`);
};

let scorer: ComponentScorer;
try {
  // Never unsandboxed: a kind that needs the sandbox runs in it, for real.
  scorer = await kind.create(kind.optionsSchema.parse(JSON.parse(optionsJson)), {
    concurrency: 4,
    allowUnsandboxed: false,
  });
} catch (error) {
  if (error instanceof RewardKitError && error.code === 'RK_SANDBOX_UNAVAILABLE') {
    say({ unavailable: error.message });
    process.exit(0);
  }
  throw error;
}

for (let index = Number(startText); index < samples.length; index++) {
  const { name, sample } = samples[index]!;
  say({ start: index, name });
  const breaches: string[] = [];
  const started = performance.now();
  let result: ComponentResult | undefined;
  try {
    result = await scorer.score(sample, {
      steps: sample.steps ?? [],
      deadline: started + deadlineMs,
      signal: AbortSignal.timeout(deadlineMs),
    });
  } catch (error) {
    breaches.push(`threw ${String((error as Error).message).slice(0, 200)}`);
  }
  const elapsed = Math.round(performance.now() - started);
  if (result !== undefined) breaches.push(...contractBreaches(result));
  say({ index, name, elapsed, breaches });
}
await scorer.close?.();
say({ done: true });
process.exit(0);
