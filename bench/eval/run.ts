/**
 * `npm run bench -- eval`: `rewardkit eval` streams its input. Synthetic ProcessBench files (four
 * splits, 3 to 12 steps, 1 in 2 samples with an error) and their `--scores` files are written to
 * a temporary directory at 10k and 100k samples; the CLI runs in its own process (peak RSS from
 * `process.resourceUsage().maxRSS`, as bench/score does) with the threshold sweep, a tuning
 * split and predictions written. Flat memory means the 100k run's peak RSS is about the 10k
 * run's; a second run of each under a 48 MB V8 heap cap shows that nothing grows with the input
 * (the default run's peak is mostly V8 collecting lazily). A last row reverses the scores file (the worst order: every score is read ahead and
 * held until its sample comes), to show what the streamed join costs when orders differ.
 * BENCH_EVAL_SIZES (e.g. `10000,100000`) changes the sizes.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../../src/core/seeded-random.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sizes = (process.env['BENCH_EVAL_SIZES'] ?? '10000,100000').split(',').map(Number);
const work = mkdtempSync(join(tmpdir(), 'rk-bench-eval-'));
const SPLITS = ['gsm8k', 'math', 'olympiadbench', 'omnimath'];

async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const stream = createWriteStream(file);
  for (const line of lines) {
    if (!stream.write(`${line}\n`))
      await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) =>
    stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

/** A ProcessBench file and its scores: a wrong step scores low (with noise), the rest high. */
async function synthesize(count: number, reversed: boolean): Promise<{ data: string; scores: string }> {
  const random = seededRandom(count);
  const data: string[] = [];
  const scores: string[] = [];
  for (let index = 0; index < count; index++) {
    const steps = 3 + Math.floor(random() * 10);
    const label = random() < 0.5 ? -1 : Math.floor(random() * steps);
    const id = `pb-${index}`;
    data.push(
      JSON.stringify({
        id,
        problem: `Problem ${index}: what is ${index} + ${steps}?`,
        steps: Array.from(
          { length: steps },
          (_, step) => `Step ${step + 1}: ${index} + ${step} = ${index + step}.`,
        ),
        label,
        split: SPLITS[index % SPLITS.length],
      }),
    );
    const stepScores = Array.from({ length: steps }, (_, step) => {
      const wrong = label !== -1 && step >= label;
      return Number((wrong ? 0.1 + 0.5 * random() : 0.4 + 0.6 * random()).toFixed(4));
    });
    scores.push(JSON.stringify({ id, step_scores: stepScores }));
  }
  if (reversed) scores.reverse();
  const dataFile = join(work, `data-${count}.jsonl`);
  const scoresFile = join(work, `scores-${count}${reversed ? '-reversed' : ''}.jsonl`);
  await writeLines(dataFile, data);
  await writeLines(scoresFile, scores);
  return { data: dataFile, scores: scoresFile };
}

/** Heap cap of the second run: a run that keeps per-sample data cannot finish 100k under it. */
const HEAP_CAP_MB = 48;

function runEval(
  data: string,
  scores: string,
  heapCapMb?: number,
): { seconds: number; rssMiB: number } | { failed: string } {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [
      ...(heapCapMb === undefined ? [] : [`--max-old-space-size=${heapCapMb}`]),
      '--import',
      'tsx',
      '--import',
      join(root, 'bench/score/report-rss.mjs'),
      'src/cli/main.ts',
      'eval',
      '--benchmark',
      'processbench',
      '--data',
      data,
      '--scores',
      scores,
      '--tune-split',
      'gsm8k',
      '--out',
      join(work, 'metrics.json'),
      '--predictions',
      join(work, 'predictions.jsonl'),
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 },
  );
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) {
    return { failed: run.signal ?? `exit ${run.status}: ${run.stderr.trim().split('\n').at(-1) ?? ''}` };
  }
  return { seconds, rssMiB: Number(run.stderr.match(/bench-peak-rss-kb (\d+)/)?.[1] ?? 0) / 1024 };
}

try {
  console.log(
    '\n`rewardkit eval --benchmark processbench --scores FILE --tune-split gsm8k` (threshold sweep, predictions written)',
  );
  console.log(
    `| samples | data MB | scores order | wall s | samples/s | peak RSS MB | with a ${HEAP_CAP_MB} MB heap cap: peak RSS MB |`,
  );
  console.log('|---:|---:|---|---:|---:|---:|---:|');
  const rows: [number, boolean][] = [
    ...sizes.map((size): [number, boolean] => [size, false]),
    [sizes[0] ?? 10_000, true],
  ];
  for (const [size, reversed] of rows) {
    const files = await synthesize(size, reversed);
    const run = runEval(files.data, files.scores);
    const capped = runEval(files.data, files.scores, HEAP_CAP_MB);
    if ('failed' in run) {
      console.error(`eval failed: ${run.failed}`);
      process.exitCode = 1;
      continue;
    }
    console.log(
      `| ${size} | ${(statSync(files.data).size / 2 ** 20).toFixed(1)} | ${reversed ? 'reversed (worst case)' : 'as the data'} | ${run.seconds.toFixed(1)} | ${Math.round(size / run.seconds)} | ${run.rssMiB.toFixed(0)} | ${'failed' in capped ? `out of memory (${capped.failed})` : capped.rssMiB.toFixed(0)} |`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
