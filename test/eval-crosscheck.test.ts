/**
 * `rewardkit eval` against an independent reimplementation of each benchmark's metrics
 * (bench/eval/crosscheck.py, written from ProcessBench's, PRMBench's and RewardBench's own code,
 * standard-library Python): random files in the benchmarks' own formats, with ties, judge
 * predictions, PRMBench result labels, repeated process ids and scores carried by the data lines;
 * every metric the reimplementation computes must agree to 1e-9.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot, startCli } from './helpers/cli-process.js';

const PYTHON = '/usr/bin/python3';
const CROSSCHECK = join(repositoryRoot, 'bench/eval/crosscheck.py');

/** `{"a": {"b": [1]}}` -> `{"a.b.0": 1}`, the reimplementation's key scheme. */
function flatten(value: unknown, prefix = '', into: Record<string, unknown> = {}): Record<string, unknown> {
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value))
      flatten(inner, prefix === '' ? key : `${prefix}.${key}`, into);
  } else into[prefix] = value;
  return into;
}

const cases: { benchmark: string; extra: string[] }[] = [
  { benchmark: 'processbench', extra: [] },
  { benchmark: 'processbench', extra: ['--tune-split', 'gsm8k'] },
  { benchmark: 'prmbench', extra: [] },
  { benchmark: 'prmbench', extra: ['--threshold', '0.7'] },
  { benchmark: 'rewardbench', extra: [] },
  { benchmark: 'rewardbench2', extra: [] },
  { benchmark: 'bon', extra: [] },
  { benchmark: 'bon', extra: ['--ece-bins', '10'] },
];

describe.skipIf(!existsSync(PYTHON))('rewardkit eval agrees with an independent implementation', () => {
  for (const seed of [1]) {
    const directory = mkdtempSync(join(tmpdir(), `rk-eval-crosscheck-${seed}-`));
    execFileSync(PYTHON, [CROSSCHECK, 'generate', directory, '--seed', String(seed)]);
    for (const { benchmark, extra } of cases) {
      it(`${benchmark} ${extra.join(' ')} (seed ${seed}) to 1e-9`, async () => {
        const data = join(directory, `${benchmark}.jsonl`);
        const scores = join(directory, `${benchmark}-scores.jsonl`);
        const out = join(directory, `${benchmark}${extra.join('')}.json`);
        const cli = startCli([
          'eval',
          '--benchmark',
          benchmark,
          '--data',
          data,
          '--scores',
          scores,
          '--out',
          out,
          ...extra,
        ]);
        expect(await cli.exited, cli.output()).toBe(0);
        expect(cli.output()).toContain('0 with errors');
        const ours = flatten(JSON.parse(readFileSync(out, 'utf8')));
        const theirs = JSON.parse(
          execFileSync(PYTHON, [CROSSCHECK, 'metrics', benchmark, data, scores, ...extra], {
            encoding: 'utf8',
          }),
        ) as Record<string, number | null>;
        expect(Object.keys(theirs).length).toBeGreaterThan(5);
        for (const [key, expected] of Object.entries(theirs)) {
          expect(ours, key).toHaveProperty([key]);
          const actual = ours[key];
          if (expected === null || actual === null) expect(actual, key).toBe(expected);
          else
            expect(
              Math.abs((actual as number) - expected),
              `${key}: ${actual} vs ${expected}`,
            ).toBeLessThanOrEqual(1e-9);
        }
      }, 60_000);
    }
  }
});
