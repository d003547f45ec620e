/**
 * `npm run bench -- score`: end-to-end throughput of `rewardkit score` (JSONL parse, scoring,
 * serialization, ordering, store) on a generated file with a format-only spec, in-process and on
 * worker threads. Prints samples/s and the CLI process's peak RSS. BENCH_LINES sets the size.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const lines = Number(process.env['BENCH_LINES'] ?? 100_000);
const work = mkdtempSync(join(tmpdir(), 'rk-bench-score-'));
const input = join(work, 'in.jsonl');
const spec = join(work, 'spec.yaml');
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

for (const threads of ['0', '2']) {
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
      '--store',
      join(work, 'store.sqlite'),
      '--threads',
      threads,
    ],
    { cwd: root, encoding: 'utf8' },
  );
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) {
    console.error(run.stderr);
    process.exitCode = 1;
    continue;
  }
  const rate = run.stderr.match(/samples\/s\s+(\d+)/)?.[1];
  const rss = Number(run.stderr.match(/bench-peak-rss-kb (\d+)/)?.[1] ?? 0);
  console.log(
    `threads=${threads} lines=${lines}: ${rate} samples/s inside the run, ${(lines / seconds).toFixed(0)} samples/s with start-up (${seconds.toFixed(1)} s), peak RSS ${(rss / 1024).toFixed(0)} MiB`,
  );
}
rmSync(work, { recursive: true, force: true });
