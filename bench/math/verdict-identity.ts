/**
 * Byte-identity of the verifier's outcomes, for speed work that must change no verdict: every
 * outcome of `verifyAnswer` (verdict, reason, method, failure, the extracted, normalized and
 * parsed forms of both sides) over a large fixed set of pairs, written as JSON lines, and
 * compared line by line with the same run of a reference checkout.
 *
 *   (in the reference checkout)  npx tsx bench/math/verdict-identity.ts --write /tmp/ref.jsonl
 *   (in the changed checkout)    npx tsx bench/math/verdict-identity.ts --against /tmp/ref.jsonl
 *
 * The pairs: the labelled corpus (with each case's options), the GSM8K pairs of the benchmark
 * (model-style and, when located, real model solutions), then the same responses crossed with
 * other golds and with variants of their own gold (`18.0`, `$18`, `18%`, `-18`, `18,000`,
 * `\frac{18}{2}`, `x = 18`) and the same golds with edited responses (the last 120 characters, a
 * prefix, a closing "The answer is", sentences run together, a hedge "or N"): tens of thousands of
 * pairs whose answers are new to the caches. Deadlines are infinite, so no verdict depends on load.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { type MathVerifyOptions, MathVerifyOptionsSchema } from '../../src/math/options.js';
import { verifyAnswer } from '../../src/math/verify.js';
import { type BenchCorpus, loadGsm8kCorpus, loadGsm8kSolutions, loadLatexCorpora } from './datasets.js';
import type { LabelledPair } from './labelled-pair.js';

interface IdentityPair {
  gold: string;
  response: string;
  options?: Record<string, unknown> | undefined;
}

/** A small deterministic generator (the pair set must be the same in both checkouts). */
function seeded(seed: number): (bound: number) => number {
  let state = seed;
  return (bound) => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) & 0x7fffffff;
    return state % bound;
  };
}

function identityPairs(): IdentityPair[] {
  const corpora = [...loadLatexCorpora(), loadGsm8kCorpus(), loadGsm8kSolutions()].filter(
    (corpus): corpus is BenchCorpus => typeof corpus !== 'string',
  );
  const labelled: LabelledPair[] = corpora.flatMap((corpus) => corpus.pairs);
  const pairs: IdentityPair[] = labelled.map((pair) => ({
    gold: pair.gold,
    response: pair.response,
    options: pair.options,
  }));
  const random = seeded(7);
  const golds = labelled.map((pair) => pair.gold);
  for (const { gold, response } of labelled) {
    pairs.push({ gold: golds[random(golds.length)] as string, response });
    for (const variant of [`${gold}.0`, `$${gold}`, `${gold}%`, `-${gold}`, `${gold},000`]) {
      pairs.push({ gold: variant, response });
    }
    pairs.push({ gold: `\\frac{${gold}}{2}`, response }, { gold: `x = ${gold}`, response });
    pairs.push(
      { gold, response: response.slice(-120) },
      { gold, response: `Attempt 2. ${response}` },
      { gold, response: `${response}\nThe answer is ${gold}.` },
      { gold, response: response.replace(/\n/g, '. ') },
      { gold, response: `${response} or ${random(100)}` },
    );
  }
  return pairs;
}

function outcomeLines(pairs: readonly IdentityPair[]): string[] {
  const defaults = MathVerifyOptionsSchema.parse({});
  const parsedOptions = new Map<string, MathVerifyOptions>();
  return pairs.map(({ gold, response, options }) => {
    let parsed = defaults;
    if (options !== undefined) {
      const key = JSON.stringify(options);
      parsed = parsedOptions.get(key) ?? MathVerifyOptionsSchema.parse(options);
      parsedOptions.set(key, parsed);
    }
    try {
      return JSON.stringify(verifyAnswer(gold, response, parsed, Number.POSITIVE_INFINITY));
    } catch (error) {
      return JSON.stringify({ error: String(error) });
    }
  });
}

function main(): void {
  const [mode, file] = process.argv.slice(2);
  if ((mode !== '--write' && mode !== '--against') || file === undefined) {
    console.error('usage: verdict-identity.ts --write FILE | --against FILE');
    process.exit(2);
  }
  const pairs = identityPairs();
  const started = process.cpuUsage();
  const lines = outcomeLines(pairs);
  const used = process.cpuUsage(started);
  const digest = createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
  console.log(
    `${pairs.length} pairs, outcomes sha256 ${digest}, ${((used.user + used.system) / pairs.length).toFixed(1)} µs CPU a pair`,
  );
  if (mode === '--write') {
    writeFileSync(file, `${lines.join('\n')}\n`);
    process.exit(0);
  }
  const reference = readFileSync(file, 'utf8').split('\n').slice(0, -1);
  if (reference.length !== lines.length) {
    console.log(`DIFFERENT: ${reference.length} reference outcomes, ${lines.length} here (another pair set)`);
    process.exit(1);
  }
  const differing = lines.flatMap((line, index) => (line === reference[index] ? [] : [index]));
  for (const index of differing.slice(0, 10)) {
    const pair = pairs[index] as IdentityPair;
    console.log(
      `pair ${index}: gold ${JSON.stringify(pair.gold)}, response ${JSON.stringify(pair.response.slice(-160))}`,
    );
    console.log(`  reference ${reference[index]}\n  here      ${lines[index]}`);
  }
  // Of the differing outcomes, those whose verdict changed (the rest differ in what was read or why).
  const verdictOf = (line: string | undefined) => (JSON.parse(line ?? '{}') as { verdict?: string }).verdict;
  const changed = differing.filter((index) => verdictOf(lines[index]) !== verdictOf(reference[index]));
  for (const index of changed.slice(0, 200)) {
    const pair = pairs[index] as IdentityPair;
    console.log(
      `verdict ${verdictOf(reference[index])} -> ${verdictOf(lines[index])}: pair ${index}: gold ${JSON.stringify(pair.gold)}, response ${JSON.stringify(pair.response.slice(-160))}`,
    );
  }
  console.log(
    differing.length === 0
      ? 'IDENTICAL'
      : `DIFFERENT: ${differing.length} outcomes, ${changed.length} of them verdicts`,
  );
  process.exit(differing.length === 0 ? 0 : 1);
}

main();
