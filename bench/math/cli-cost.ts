/**
 * Per-pair cost of `rewardkit score` with one `{name: correct, type: math}` reward, start-up
 * excluded by subtraction, in CPU time of the process (user + system; wall time is also kept, but
 * on a shared machine it measures the neighbours), two ways:
 *   - first pass: (time of the file once - time of a one-line file) / (pairs - 1); every pair is
 *     seen once, nothing repeats (what a run over new rollouts costs, warm-up included);
 *   - marginal: (time of 4 copies - time of 1 copy) / (3 * pairs); the copies have new ids, so
 *     golds and answers repeat (caches warm, as in a long training run).
 * Each figure is the minimum over `repeats` runs (the machine is shared). Also reports the peak
 * RSS of the largest run.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LabelledPair } from './labelled-pair.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const reportUsage = join(root, 'bench/math/report-usage.mjs');

export interface CliCost {
  /** CPU µs per pair. */
  firstPassUs: number;
  marginalUs: number;
  /** Wall-clock µs per pair, same subtractions. */
  firstPassWallUs: number;
  marginalWallUs: number;
  startupSeconds: number;
  peakRssMb: number;
  threads: string;
  /** The reward of each pair id in the first-pass run (1, 0 or null). */
  rewards: Map<string, number | null>;
}

function writeCopies(pairs: readonly LabelledPair[], copies: number, file: string): void {
  const lines: string[] = [];
  for (let copy = 0; copy < copies; copy++) {
    for (const pair of pairs) {
      lines.push(
        JSON.stringify({
          id: `${pair.id}#${copy}`,
          response: pair.response,
          reference: { answer: pair.gold },
        }),
      );
    }
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

interface RunUsage {
  seconds: number;
  cpuSeconds: number;
  rssKb: number;
}

function timeRun(spec: string, input: string, output: string, threads: string): RunUsage {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      reportUsage,
      'src/cli/main.ts',
      'score',
      '--spec',
      spec,
      '--in',
      input,
      '--out',
      output,
      '--no-store',
      '--threads',
      threads,
    ],
    { cwd: root, encoding: 'utf8' },
  );
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0)
    throw new Error(`rewardkit score failed (exit ${run.status}): ${run.stderr.slice(-2_000)}`);
  const usage = run.stderr.match(/bench-usage (\d+) (\d+) (\d+)/);
  if (usage === null) throw new Error('rewardkit score did not report its resource usage');
  return {
    seconds,
    cpuSeconds: (Number(usage[1]) + Number(usage[2])) / 1e6,
    rssKb: Number(usage[3]),
  };
}

export function measureCliCost(
  pairs: readonly LabelledPair[],
  workDirectory: string,
  name: string,
  options: { repeats: number; threads: string },
): CliCost {
  const spec = join(workDirectory, 'math-spec.yaml');
  writeFileSync(spec, 'name: correct\nrewards:\n  - name: correct\n    type: math\n');
  const files = {
    one: join(workDirectory, `${name}-1line.jsonl`),
    once: join(workDirectory, `${name}-x1.jsonl`),
    four: join(workDirectory, `${name}-x4.jsonl`),
  };
  writeCopies(pairs.slice(0, 1), 1, files.one);
  writeCopies(pairs, 1, files.once);
  writeCopies(pairs, 4, files.four);
  const output = (key: string) => join(workDirectory, `${name}-${key}-out.jsonl`);
  const best = {
    one: { cpu: Number.POSITIVE_INFINITY, wall: Number.POSITIVE_INFINITY },
    once: { cpu: Number.POSITIVE_INFINITY, wall: Number.POSITIVE_INFINITY },
    four: { cpu: Number.POSITIVE_INFINITY, wall: Number.POSITIVE_INFINITY },
  };
  let peakRssKb = 0;
  for (let repeat = 0; repeat < options.repeats; repeat++) {
    for (const key of ['one', 'once', 'four'] as const) {
      const run = timeRun(spec, files[key], output(key), options.threads);
      best[key].cpu = Math.min(best[key].cpu, run.cpuSeconds);
      best[key].wall = Math.min(best[key].wall, run.seconds);
      peakRssKb = Math.max(peakRssKb, run.rssKb);
    }
  }
  const rewards = new Map<string, number | null>();
  for (const line of readFileSync(output('once'), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const result = JSON.parse(line) as { id: string; reward: number | null };
    rewards.set(result.id.replace(/#0$/, ''), result.reward);
  }
  return {
    rewards,
    firstPassUs: ((best.once.cpu - best.one.cpu) / Math.max(1, pairs.length - 1)) * 1e6,
    marginalUs: ((best.four.cpu - best.once.cpu) / (3 * pairs.length)) * 1e6,
    firstPassWallUs: ((best.once.wall - best.one.wall) / Math.max(1, pairs.length - 1)) * 1e6,
    marginalWallUs: ((best.four.wall - best.once.wall) / (3 * pairs.length)) * 1e6,
    startupSeconds: best.one.wall,
    peakRssMb: peakRssKb / 1024,
    threads: options.threads,
  };
}
