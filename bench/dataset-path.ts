/**
 * Where a benchmark finds a public dataset. Every benchmark takes its data from, in order:
 *   1. an environment variable naming the file itself (e.g. `REWARDKIT_GSM8K=/data/gsm8k/test.jsonl`),
 *   2. `REWARDKIT_DATA_DIR=/data` holding the dataset under its usual relative path
 *      (`gsm8k/test.jsonl`, `humaneval/HumanEval.jsonl`, `prmbench/subset400.jsonl`),
 *   3. `../shared/data/` beside the checkout (this project's development machines).
 * `npm run bench -- math --data-dir /data` sets (2) for the run (see bench/run.ts).
 * Returns undefined when the file is nowhere, so the benchmark can say so and skip that part.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface DatasetLocation {
  /** The file when found. */
  file: string | undefined;
  /** Every place that was tried, for the "skipped" message. */
  tried: string[];
}

export function locateDataset(fileVariable: string, relativePath: string): DatasetLocation {
  const tried: string[] = [];
  const direct = process.env[fileVariable];
  if (direct !== undefined && direct !== '') {
    const file = resolve(direct);
    tried.push(`${fileVariable}=${file}`);
    return { file: existsSync(file) ? file : undefined, tried };
  }
  const directory = process.env['REWARDKIT_DATA_DIR'];
  const candidates = [
    ...(directory ? [resolve(directory, relativePath)] : []),
    resolve(repositoryRoot, '../shared/data', relativePath),
  ];
  for (const candidate of candidates) {
    tried.push(candidate);
    if (existsSync(candidate)) return { file: candidate, tried };
  }
  return { file: undefined, tried };
}

export const GSM8K = { variable: 'REWARDKIT_GSM8K', path: 'gsm8k/test.jsonl' } as const;
/** Real model solutions to the GSM8K test split (4 models x 1,319, labelled), published with it. */
export const GSM8K_SOLUTIONS = {
  variable: 'REWARDKIT_GSM8K_SOLUTIONS',
  path: 'gsm8k/example_model_solutions.jsonl',
} as const;
export const HUMANEVAL = { variable: 'REWARDKIT_HUMANEVAL', path: 'humaneval/HumanEval.jsonl' } as const;
export const PRMBENCH = { variable: 'REWARDKIT_PRMBENCH', path: 'prmbench/subset400.jsonl' } as const;
/**
 * PRMBench whole, as its loader reads it (6,216 lines, the paper's set), and its files built from
 * PRM800K's test split alone (3,013 lines): both made by bench/process/extract-prmbench-full.ts.
 */
export const PRMBENCH_FULL = { variable: 'REWARDKIT_PRMBENCH_FULL', path: 'prmbench/full.jsonl' } as const;
export const PRMBENCH_TEST_FILES = {
  variable: 'REWARDKIT_PRMBENCH_TEST_FILES',
  path: 'prmbench/test-files.jsonl',
} as const;
