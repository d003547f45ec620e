/**
 * The engine's per-line cost without process start-up: the GSM8K math lines read in blocks and
 * scored through the in-process line backend (decode, parse, validate, score, combine, serialize,
 * tally) and recorded in a RunStore as `score --resume` does, best of BENCH_ROUNDS rounds (default 5) after a warm-up
 * round. Run by bench/score/run.ts in its own process; prints one table row.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSpec } from '../../src/core/spec.js';
import { InProcessLineBackend } from '../../src/engine/in-process-line-backend.js';
import { readJsonlBlockFile } from '../../src/io/jsonl-blocks.js';
import { RunStore } from '../../src/store/run-store.js';

const [inputFile] = process.argv.slice(2);
const lineCount = readFileSync(inputFile as string, 'utf8')
  .trimEnd()
  .split('\n').length;
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 5);
const spec = parseSpec({ name: 'bench-math', rewards: [{ name: 'correct', type: 'math' }] }, 'bench');
const backend = new InProcessLineBackend({ concurrency: 256 });
const work = mkdtempSync(join(tmpdir(), 'rk-bench-lines-'));
const store = RunStore.open(join(work, 'store.sqlite'));
const identity = {
  specText: 'x',
  inputPath: inputFile as string,
  inputSize: 1,
  inputMtimeMs: 1,
  specName: 'x',
};
let best = Number.POSITIVE_INFINITY;
for (let round = 0; round <= rounds; round++) {
  const key = `round-${round}`;
  store.beginRun(key, identity, false);
  const started = performance.now();
  for await (const batch of readJsonlBlockFile(inputFile as string, { maxLines: 256 })) {
    for (const block of batch) {
      if ('error' in block) continue;
      const reply = await backend.scoreBlock({ spec, block });
      store.recordRange(key, block.firstLine, block.count, reply.text);
    }
  }
  store.flush();
  const microsPerLine = ((performance.now() - started) * 1000) / lineCount;
  if (round > 0) best = Math.min(best, microsPerLine);
}
console.log(`in-process lines + store | ${lineCount} | ${best.toFixed(1)} us/line (best of ${rounds})`);
store.close();
await backend.close();
rmSync(work, { recursive: true, force: true });
