/**
 * The patterns src/ builds at run time (`new RegExp(...)`: from word lists, from a choice gold's
 * letter, from a unit's name), which the literal audit cannot read. They are collected by running
 * the built code in a child process whose global `RegExp` records every pattern it is asked to
 * build: loading the library builds the module-level ones, then the math corpus goes through
 * `verifyAnswer` and the step checker's corpus through `checkEquations`, which build the per-call
 * ones. Only patterns built by our own code are kept (the caller's frame is in src/, read through
 * the build's source maps); compute-engine's and zod's own are theirs.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { PatternLiteral } from './pattern-literals.js';

/** The child: a recording RegExp, the library loaded, the corpora run. Prints the patterns as JSON. */
const COLLECTOR = `
const Native = RegExp;
const seen = new Map();
const sourceRoot = process.argv[1] + '/src/';
function record(args) {
  const [pattern, flags] = args;
  const source = pattern instanceof Native ? pattern.source : String(pattern);
  const flagText = flags === undefined ? (pattern instanceof Native ? pattern.flags : '') : String(flags);
  const key = flagText + '/' + source;
  if (seen.has(key)) return;
  // Frames: this function, the trap, then whoever asked for the pattern.
  const caller = (new Error().stack ?? '').split('\\n')[3] ?? '';
  const where = /[(\\s](\\/[^():]*\\.ts):(\\d+)/.exec(caller);
  const ours = where !== null && where[1].startsWith(sourceRoot);
  seen.set(key, ours ? { where: where[1].slice(sourceRoot.length - 4) + ':' + where[2], source, flags: flagText } : undefined);
}
globalThis.RegExp = new Proxy(Native, {
  construct(target, args, newTarget) { record(args); return Reflect.construct(target, args, newTarget); },
  apply(target, self, args) { record(args); return Reflect.apply(target, self, args); },
});
const { readFileSync, readdirSync } = await import('node:fs');
const { join } = await import('node:path');
const root = process.argv[1];
const library = await import(join(root, 'dist/index.js'));
const { checkEquations } = await import(join(root, 'dist/rewards/equation-check.js'));
const corpus = join(root, 'test/math/corpus');
for (const file of readdirSync(corpus)) {
  for (const line of readFileSync(join(corpus, file), 'utf8').split('\\n')) {
    if (line.trim() === '') continue;
    const pair = JSON.parse(line);
    // A long deadline: the first stacks read the source maps, slowly.
    library.math.verifyAnswer(pair.gold, pair.response, undefined, performance.now() + 60_000);
  }
}
const steps = join(root, 'test/fixtures/step-check/solution-steps.jsonl');
for (const line of readFileSync(steps, 'utf8').split('\\n')) {
  if (line.trim() !== '') checkEquations(JSON.parse(line).step, true);
}
process.stdout.write(JSON.stringify([...seen.values()].filter((pattern) => pattern !== undefined)));
process.exit(0);
`;

/** The distinct patterns our code built while the library loaded and the corpora ran, with where. */
export function runtimePatterns(root: string): PatternLiteral[] {
  const child = spawnSync(
    process.execPath,
    ['--enable-source-maps', '--input-type=module', '--eval', COLLECTOR, root],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (child.status !== 0) throw new Error(`collecting run-time patterns failed: ${child.stderr}`);
  return (JSON.parse(child.stdout) as PatternLiteral[]).sort((a, b) =>
    a.where.localeCompare(b.where, 'en', { numeric: true }),
  );
}

/** Run directly: lists them. */
if (process.argv[1]?.endsWith('runtime-patterns.ts')) {
  for (const pattern of runtimePatterns(join(import.meta.dirname, '../..'))) {
    console.log(`${pattern.where}  /${pattern.source.slice(0, 120)}/${pattern.flags}`);
  }
}
