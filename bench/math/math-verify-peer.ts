/**
 * Math-Verify, the Python peer, run from its sources: `MATH_VERIFY_SRC` is a PYTHONPATH-style list
 * of directories holding `math_verify` and `latex2sympy2_extended` (with its generated ANTLR
 * parser), `MATH_VERIFY_PYTHON` the interpreter (default `python3`, which needs sympy and
 * antlr4-python3-runtime). Nothing of the peer is vendored: without the variable the peer is skipped.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LabelledPair } from './labelled-pair.js';

const driver = join(dirname(fileURLToPath(import.meta.url)), 'math-verify-driver.py');

export interface PeerRun {
  seconds: number;
  cpuSeconds: number;
  maxRssKb: number;
  /** Verdict per pair id: `equal`, `not_equal` or `error: ...`. */
  verdicts: Map<string, string>;
}

export function peerSources(): string | undefined {
  const sources = process.env['MATH_VERIFY_SRC'];
  return sources === undefined || sources.trim() === '' ? undefined : sources;
}

/**
 * The peer over the pairs: their input file is written once, and each call of the returned function
 * runs the peer over it once (one process, start-up excluded from `seconds`). The bench runs it
 * between rewardkit's repeats and keeps the least CPU (run.ts).
 */
export function mathVerifyRunner(
  pairs: readonly LabelledPair[],
  workDirectory: string,
  name: string,
): () => PeerRun {
  const input = join(workDirectory, `peer-${name}.jsonl`);
  writeFileSync(
    input,
    `${pairs.map((pair) => JSON.stringify({ id: pair.id, gold: pair.gold, response: pair.response })).join('\n')}\n`,
  );
  return () => runMathVerify(input);
}

function runMathVerify(input: string): PeerRun {
  const python = process.env['MATH_VERIFY_PYTHON'] ?? 'python3';
  const run = spawnSync(python, [driver, input], {
    encoding: 'utf8',
    env: { ...process.env, PYTHONPATH: peerSources() ?? '' },
    maxBuffer: 256 * 2 ** 20,
  });
  if (run.status !== 0) {
    throw new Error(`Math-Verify failed (exit ${run.status}): ${run.stderr.slice(-2_000)}`);
  }
  const output = JSON.parse(run.stdout) as {
    seconds: number;
    cpu_seconds: number;
    max_rss_kb: number;
    results: { id: string; verdict: string }[];
  };
  return {
    seconds: output.seconds,
    cpuSeconds: output.cpu_seconds,
    maxRssKb: output.max_rss_kb,
    verdicts: new Map(output.results.map((result) => [result.id, result.verdict])),
  };
}
