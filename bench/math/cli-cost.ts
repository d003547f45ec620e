/**
 * Per-pair cost of `rewardkit score` with one `{name: correct, type: math}` reward, start-up
 * excluded by subtraction, two ways:
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
const reportRss = join(root, 'bench/score/report-rss.mjs');

export interface CliCost {
  firstPassUs: number;
  marginalUs: number;
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

function timeRun(
  spec: string,
  input: string,
  output: string,
  threads: string,
): { seconds: number; rssKb: number } {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      reportRss,
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
  return { seconds, rssKb: Number(run.stderr.match(/bench-peak-rss-kb (\d+)/)?.[1] ?? 0) };
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
    one: Number.POSITIVE_INFINITY,
    once: Number.POSITIVE_INFINITY,
    four: Number.POSITIVE_INFINITY,
  };
  let peakRssKb = 0;
  for (let repeat = 0; repeat < options.repeats; repeat++) {
    for (const key of ['one', 'once', 'four'] as const) {
      const run = timeRun(spec, files[key], output(key), options.threads);
      best[key] = Math.min(best[key], run.seconds);
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
    firstPassUs: ((best.once - best.one) / Math.max(1, pairs.length - 1)) * 1e6,
    marginalUs: ((best.four - best.once) / (3 * pairs.length)) * 1e6,
    startupSeconds: best.one,
    peakRssMb: peakRssKb / 1024,
    threads: options.threads,
  };
}
