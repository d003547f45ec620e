/**
 * `npm run bench -- process`: (a) the exact arithmetic step checker (`type: step_check`) on the
 * gold solutions of GSM8K test (`../shared/data/gsm8k/test.jsonl`, when present): how many
 * equations it checks, how many gold equations it calls wrong (false alarms: each is listed) or
 * unparseable, and steps per second; (b) then the same solutions with one number corrupted per
 * solution, to see how many corruptions it catches; (c) the checker as a rule-based PRM on
 * PRMBench's subset and, when present, its test files and the whole set (built by
 * extract-prmbench-full.ts; REWARDKIT_PRMBENCH_TEST_FILES and REWARDKIT_PRMBENCH_FULL name the
 * files, or REWARDKIT_DATA_DIR holds prmbench/test-files.jsonl and prmbench/full.jsonl): false alarms on correct steps against catches on error
 * steps, per category, see prmbench-steps.ts; (d) advantage estimators on a batch of
 * 1,000,000 rewards in groups of 8 (rewards per second).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AdvantagesConfigSchema } from '../../src/advantages/config.js';
import { computeAdvantages } from '../../src/advantages/index.js';
import { checkEquations } from '../../src/rewards/equation-check.js';
import { GSM8K, locateDataset, PRMBENCH, PRMBENCH_FULL, PRMBENCH_TEST_FILES } from '../dataset-path.js';
import { measurePrmBenchSteps } from './prmbench-steps.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const gsm8kFile =
  locateDataset(GSM8K.variable, GSM8K.path).file ?? resolve(repoRoot, '../shared/data/gsm8k/test.jsonl');

function stepsOf(answer: string): string[] {
  return answer
    .split('\n')
    .filter((line) => !line.startsWith('####'))
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

if (existsSync(gsm8kFile)) {
  const solutions = readFileSync(gsm8kFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => stepsOf((JSON.parse(line) as { answer: string }).answer));
  let steps = 0;
  let checked = 0;
  let wrong = 0;
  let unparseable = 0;
  const falseAlarms: string[] = [];
  const started = performance.now();
  for (const solution of solutions) {
    for (const step of solution) {
      steps++;
      for (const verdict of checkEquations(step, true)) {
        if (verdict.verdict === 'unparseable') unparseable++;
        else checked++;
        if (verdict.verdict === 'wrong') {
          wrong++;
          if (falseAlarms.length < 15) falseAlarms.push(`${verdict.text}  (${verdict.reason})`);
        }
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`GSM8K test gold: ${solutions.length} solutions, ${steps} steps, ${checked} equations checked`);
  console.log(
    `  called wrong: ${wrong} (${((100 * wrong) / Math.max(1, checked)).toFixed(2)}%), unparseable: ${unparseable}`,
  );
  console.log(`  ${(steps / seconds).toFixed(0)} steps/s single-threaded`);
  for (const alarm of falseAlarms) console.log(`    ${alarm}`);
  // Corrupt the result of the first annotation of each solution: 9 -> 10.
  let corrupted = 0;
  let caught = 0;
  for (const solution of solutions) {
    const index = solution.findIndex((step) => /<<[^>]*=(\d+)>>/.test(step));
    if (index < 0) continue;
    corrupted++;
    const step = (solution[index] as string).replace(
      /<<([^>]*)=(\d+)>>/,
      (_m, left: string, right: string) => {
        return `<<${left}=${Number(right) + 1}>>`;
      },
    );
    if (checkEquations(step, true).some((verdict) => verdict.verdict === 'wrong')) caught++;
  }
  console.log(`  corrupted annotations caught: ${caught}/${corrupted}`);
} else {
  console.log(`(no ${gsm8kFile}: step checker bench skipped)`);
}

for (const [label, dataset] of [
  ['subset 400', PRMBENCH],
  ['test files (PRM800K test split)', PRMBENCH_TEST_FILES],
  ['whole (6,216 lines)', PRMBENCH_FULL],
] as const) {
  const prmbench = locateDataset(dataset.variable, dataset.path);
  if (prmbench.file !== undefined) measurePrmBenchSteps(label, prmbench.file);
  else console.log(`(no PRMBench ${label} in ${prmbench.tried.join(', ')}: its step table skipped)`);
}

const size = 1_000_000;
const items = Array.from({ length: size }, (_, index) => ({
  groupKey: `g${Math.floor(index / 8)}`,
  reward: (index * 7919) % 3 === 0 ? 1 : 0,
}));
for (const estimator of ['grpo', 'rloo', 'reinforce_pp'] as const) {
  const config = AdvantagesConfigSchema.parse({ estimator });
  const started = performance.now();
  computeAdvantages(items, config);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${estimator}: ${size} rewards in ${seconds.toFixed(2)} s (${(size / seconds / 1e6).toFixed(2)} M rewards/s)`,
  );
}
