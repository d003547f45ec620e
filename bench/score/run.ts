/**
 * `npm run bench -- score`: end-to-end cost of `rewardkit score` (JSONL parse, scoring,
 * serialization, ordering, store), each run a real CLI process:
 *
 * 1. format-only spec on a generated file (BENCH_LINES, default 100,000), in-process and on two
 *    worker threads: samples/s and the CLI process's peak RSS;
 * 2. math-only spec (`{name: correct, type: math}`) on model-style GSM8K solutions (right and
 *    wrong, synthesized from the gold solutions; see bench/math/gsm8k-pairs.ts), the marginal cost
 *    per pair measured as issue 9 does: (time of 4 copies - time of 1 copy) / (3 x pairs), so
 *    start-up and compilation cancel out. Each copy has fresh ids; the engine caches no CPU kind
 *    by default, so repeated content is scored again. Best of BENCH_REPEAT (default 3) runs.
 *    Without the GSM8K file, synthetic arithmetic pairs stand in (the table says which).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GSM8K, locateDataset } from '../dataset-path.js';
import { type Gsm8kProblem, synthesizeGsm8kPairs } from '../math/gsm8k-pairs.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const lines = Number(process.env['BENCH_LINES'] ?? 100_000);
const repeat = Number(process.env['BENCH_REPEAT'] ?? 3);
const work = mkdtempSync(join(tmpdir(), 'rk-bench-score-'));

interface CliRun {
  seconds: number;
  rate: string | undefined;
  rssMiB: number;
}

function runCli(spec: string, input: string, threads: string, store = true): CliRun | undefined {
  const started = performance.now();
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
      spec,
      '--in',
      input,
      '--out',
      join(work, 'out.jsonl'),
      ...(store ? ['--store', join(work, 'store.sqlite')] : ['--no-store']),
      '--threads',
      threads,
    ],
    { cwd: root, encoding: 'utf8' },
  );
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) {
    console.error(run.stderr);
    process.exitCode = 1;
    return undefined;
  }
  return {
    seconds,
    rate: run.stderr.match(/samples\/s\s+(\d+)/)?.[1],
    rssMiB: Number(run.stderr.match(/bench-peak-rss-kb (\d+)/)?.[1] ?? 0) / 1024,
  };
}

function formatThroughput(): void {
  const input = join(work, 'in.jsonl');
  const spec = join(work, 'format.yaml');
  writeFileSync(
    spec,
    'name: bench-format\nrewards:\n  - name: format\n    type: format\n    options: {tags: [think, answer]}\n',
  );
  const rows: string[] = [];
  for (let index = 0; index < lines; index++) {
    const answer = index + 1;
    const response =
      index % 3 === 0
        ? `The answer is ${answer}`
        : `<think>Add ${index} and 1 step by step; the sum is easy.</think><answer>${answer}</answer>`;
    rows.push(
      JSON.stringify({
        id: `s${index}`,
        prompt: `What is ${index} + 1?`,
        response,
        reference: { answer: String(answer) },
      }),
    );
  }
  writeFileSync(input, `${rows.join('\n')}\n`);
  console.log('\nformat spec, 1 component | threads | samples/s in run | samples/s with start-up | peak RSS');
  for (const threads of ['0', '2']) {
    const run = runCli(spec, input, threads);
    if (run === undefined) continue;
    console.log(
      `format | ${threads} | ${run.rate} | ${(lines / run.seconds).toFixed(0)} (${run.seconds.toFixed(1)} s) | ${run.rssMiB.toFixed(0)} MiB`,
    );
  }
}

interface MathPair {
  gold: string;
  response: string;
}

function mathPairs(): { name: string; pairs: MathPair[] } {
  const location = locateDataset(GSM8K.variable, GSM8K.path);
  if (location.file !== undefined && existsSync(location.file)) {
    const problems = readFileSync(location.file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Gsm8kProblem);
    return { name: 'gsm8k model-style solutions', pairs: synthesizeGsm8kPairs(problems) };
  }
  const pairs = Array.from({ length: 2000 }, (_, index) => ({
    gold: String(index * 7),
    response: `We add ${index} and ${index * 6}. The answer is ${index % 2 === 0 ? index * 7 : index * 7 + 1}.`,
  }));
  return { name: `synthetic arithmetic (GSM8K not found: ${location.tried.join(', ')})`, pairs };
}

/** The per-line cost of the engine alone (bench/score/in-process-lines.ts), printed after the row. */
function inProcessLines(input: string): void {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'bench/score/in-process-lines.ts'), input],
    { cwd: root, encoding: 'utf8' },
  );
  if (run.status !== 0) console.error(run.stderr);
  else console.log(`  (${run.stdout.trim()})`);
}

function mathMarginalCost(): void {
  const { name, pairs: distinct } = mathPairs();
  // One copy is at least BENCH_MATH_PAIRS lines (default 10,000; the list repeated), so that the
  // difference of two runs stands above the noise of a shared machine.
  const wanted = Number(process.env['BENCH_MATH_PAIRS'] ?? 10_000);
  const pairs = Array.from(
    { length: Math.max(wanted, distinct.length) },
    (_, index) => distinct[index % distinct.length] as MathPair,
  );
  const spec = join(work, 'math.yaml');
  writeFileSync(spec, 'name: bench-math\nrewards:\n  - name: correct\n    type: math\n');
  const fileOf = (copies: number): string => {
    const file = join(work, `math-${copies}.jsonl`);
    const rows: string[] = [];
    for (let copy = 0; copy < copies; copy++) {
      pairs.forEach((pair, index) => {
        rows.push(
          JSON.stringify({
            id: `c${copy}-${index}`,
            response: pair.response,
            reference: { answer: pair.gold },
          }),
        );
      });
    }
    writeFileSync(file, `${rows.join('\n')}\n`);
    return file;
  };
  const one = fileOf(1);
  const four = fileOf(4);
  console.log(
    `\nmath spec on ${pairs.length} pairs per copy (${distinct.length} distinct: ${name}), best of ${repeat}`,
  );
  console.log('threads | store | 1 copy (s) | 4 copies (s) | marginal us/pair | peak RSS (4 copies)');
  for (const [threads, store] of [
    ['0', true],
    ['0', false],
    ['auto', true],
  ] as const) {
    let best1 = Number.POSITIVE_INFINITY;
    let best4 = Number.POSITIVE_INFINITY;
    let rss = 0;
    for (let attempt = 0; attempt < repeat; attempt++) {
      const single = runCli(spec, one, threads, store);
      const quadruple = runCli(spec, four, threads, store);
      if (single === undefined || quadruple === undefined) return;
      best1 = Math.min(best1, single.seconds);
      best4 = Math.min(best4, quadruple.seconds);
      rss = Math.max(rss, quadruple.rssMiB);
    }
    const marginal = ((best4 - best1) / (3 * pairs.length)) * 1e6;
    if (threads === '0' && store) inProcessLines(four);
    console.log(
      `${threads} | ${store ? 'on' : 'off'} | ${best1.toFixed(2)} | ${best4.toFixed(2)} | ${marginal.toFixed(1)} | ${rss.toFixed(0)} MiB`,
    );
  }
}

const parts = (process.env['BENCH_SCORE_PARTS'] ?? 'format,math').split(',');
if (parts.includes('format')) formatThroughput();
if (parts.includes('math')) mathMarginalCost();
rmSync(work, { recursive: true, force: true });
