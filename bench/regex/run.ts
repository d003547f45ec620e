/**
 * `npm run bench -- regex`: the patterns of src/ against their own worst inputs. Each regular-
 * expression literal, and each pattern built at run time (runtime-patterns.ts), is checked by
 * recheck (exponential or polynomial backtracking, with an attack string), and every attack string, grown to BENCH_REGEX_LENGTH characters (default 30,000: a
 * response is read in its last 32,000), is run where a policy or a client puts text: as a whole
 * response, after "The answer is", after a stated answer, as a box, as the gold, and cut to 220
 * characters, through the built `verifyAnswer`; whole, through `extractAnswer` alone (as the
 * majority vote of src/search calls it) and through the sentence segmenter. Each call runs
 * in a worker thread, ended after BENCH_REGEX_TIMEOUT_S seconds (default 5). Prints the counts,
 * the patterns recheck finds exponential, and the slowest calls.
 *
 * Env: BENCH_REGEX_LENGTH, BENCH_REGEX_TIMEOUT_S, BENCH_REGEX_CHECK_MS (recheck's budget per pattern, default 2000).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ensureBuiltCli } from '../math/cli-cost.js';
import { attackString, checkPattern, type PatternCheck } from './attack-strings.js';
import { patternLiterals } from './pattern-literals.js';
import { runtimePatterns } from './runtime-patterns.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const length = Number(process.env['BENCH_REGEX_LENGTH'] ?? 30_000);
const timeoutMs = 1000 * Number(process.env['BENCH_REGEX_TIMEOUT_S'] ?? 5);
const checkMs = Number(process.env['BENCH_REGEX_CHECK_MS'] ?? 2000);

/** Where an attack string is put: [name, gold, response] from the string. */
const PLACES: readonly [string, (attack: string) => [gold: string, response: string]][] = [
  ['whole response', (attack) => ['5', attack]],
  ['after "The answer is"', (attack) => ['5', `The answer is ${attack}`]],
  ['after a stated answer', (attack) => ['5', `The answer is 5. ${attack}`]],
  ['before a stated answer', (attack) => ['5', `${attack}\nThe answer is 5.`]],
  ['in a box', (attack) => ['5', `$\\boxed{${attack}}$`]],
  ['as the gold', (attack) => [attack, 'The answer is 5.']],
  ['cut to 220 characters', (attack) => ['5', attack.slice(0, 200) + attack.slice(-20)]],
];

/** The worker: the built verifier and segmenter, one call per message, its time in ms. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
Promise.all([import(workerData.math), import(workerData.sentence)]).then(([math, steps]) => {
  // The fast parser's paths, and compute-engine loaded in its guarded worker (a first call to it
  // pays the load, about 0.3 s, which is start-up, not the pattern).
  math.verifyAnswer('5', 'The answer is $\\\\frac{1}{2}$.');
  math.verifyAnswer('5', '//\\u0000/');
  parentPort.on('message', ({ kind, gold, response }) => {
    const start = performance.now();
    if (kind === 'verify') math.verifyAnswer(gold, response);
    else if (kind === 'extract') math.extractAnswer(response, math.DEFAULT_EXTRACTION_PRIORITY);
    else steps.splitSentences(response);
    parentPort.postMessage(performance.now() - start);
  });
  parentPort.postMessage('ready');
});`;

interface Call {
  where: string;
  place: string;
  kind: 'verify' | 'extract' | 'sentences';
  gold: string;
  response: string;
}

class TimedWorker {
  #worker: Worker | undefined;

  async #started(): Promise<Worker> {
    if (this.#worker !== undefined) return this.#worker;
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: {
        math: join(root, 'dist/math/index.js'),
        sentence: join(root, 'dist/steps/sentence.js'),
      },
    });
    await new Promise((ready) => worker.once('message', ready));
    this.#worker = worker;
    return worker;
  }

  /** The call's time in ms, or Infinity when it ran past the timeout (the worker is then ended). */
  async time(call: Call): Promise<number> {
    const worker = await this.#started();
    return new Promise((settle) => {
      const timer = setTimeout(() => {
        void worker.terminate();
        this.#worker = undefined;
        settle(Number.POSITIVE_INFINITY);
      }, timeoutMs);
      worker.once('message', (ms: number) => {
        clearTimeout(timer);
        settle(ms);
      });
      worker.postMessage({ kind: call.kind, gold: call.gold, response: call.response });
    });
  }

  async close(): Promise<void> {
    await this.#worker?.terminate();
  }
}

function callsOf(check: PatternCheck): Call[] {
  const attack = attackString(check, length);
  if (attack === undefined) return [];
  const calls: Call[] = PLACES.map(([place, put]) => {
    const [gold, response] = put(attack);
    return { where: check.where, place, kind: 'verify', gold, response };
  });
  calls.push({ where: check.where, place: 'extraction alone', kind: 'extract', gold: '', response: attack });
  calls.push({ where: check.where, place: 'sentences', kind: 'sentences', gold: '', response: attack });
  return calls;
}

/** recheck's counts over a set of checked patterns, as one line of text. */
function countsOf(checks: readonly PatternCheck[]): string {
  const count = (status: string, complexity?: RegExp) =>
    checks.filter(
      (check) => check.status === status && (complexity === undefined || complexity.test(check.complexity)),
    ).length;
  return `${count('safe')} safe, ${count('vulnerable', /^exponential/)} exponential, ${count('vulnerable', /^polynomial/)} polynomial, ${count('unknown')} unknown`;
}

ensureBuiltCli();
const { literals, builtAtRunTime } = patternLiterals(root);
const literalChecks = literals.map((literal) => checkPattern(literal, checkMs));
// Run-time patterns that copy a literal (`new RegExp(LITERAL, 'g')`) were checked as literals.
const literalSources = new Set(literals.map((literal) => literal.source));
const builtPatterns = runtimePatterns(root).filter((pattern) => !literalSources.has(pattern.source));
const builtChecks = builtPatterns.map((pattern) => checkPattern(pattern, checkMs));
const checks = [...literalChecks, ...builtChecks];
console.log(`patterns: ${literals.length} literals in src/; recheck: ${countsOf(literalChecks)}`);
console.log(
  `patterns built at run time (${builtAtRunTime} places in src/), as the library's loading, the math corpus and the step checker's corpus built them: ${builtPatterns.length} distinct; recheck: ${countsOf(builtChecks)}`,
);
for (const check of checks.filter((each) => each.complexity === 'exponential')) {
  console.log(
    `  exponential: ${check.where}  /${check.source.slice(0, 100)}${check.source.length > 100 ? '...' : ''}/${check.flags}`,
  );
}

const worker = new TimedWorker();
const timed: (Call & { ms: number })[] = [];
for (const check of checks.filter((each) => each.status === 'vulnerable')) {
  for (const call of callsOf(check)) timed.push({ ...call, ms: await worker.time(call) });
}
await worker.close();

console.log(
  `\nattack strings of ${length.toLocaleString('en')} characters, each where a response or a gold puts it:\n`,
);
console.log('| place | calls | over 100 ms | over 1 s | over the timeout | slowest |');
console.log('|---|---|---|---|---|---|');
const places = [...PLACES.map(([place]) => place), 'extraction alone', 'sentences'];
for (const place of places) {
  const here = timed.filter((call) => call.place === place);
  const slowest = here.reduce((most, call) => Math.max(most, call.ms), 0);
  console.log(
    `| ${place} | ${here.length} | ${here.filter((call) => call.ms > 100).length} | ${here.filter((call) => call.ms > 1000).length} | ${here.filter((call) => call.ms === Number.POSITIVE_INFINITY).length} | ${Number.isFinite(slowest) ? `${slowest.toFixed(0)} ms` : 'timeout'} |`,
  );
}
console.log('\nslowest calls:');
for (const call of [...timed].sort((a, b) => b.ms - a.ms).slice(0, 10)) {
  console.log(
    `  ${Number.isFinite(call.ms) ? `${call.ms.toFixed(0)} ms` : 'timeout'}  ${call.where} (its attack string ${call.place})`,
  );
}
