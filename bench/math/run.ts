/**
 * `npm run bench -- math`: speed and agreement of the math verifier (reward kind `math`), single
 * threaded and in-process, on (a) model-style outputs synthesized from GSM8K gold solutions and
 * (b) the labelled LaTeX corpus of `test/math/corpus/`. Prints verifications per second (cold
 * pass and steady state), agreement with the labels, p50/p99 latency and peak memory.
 *
 * Environment: BENCH_MATH_SECONDS (steady time budget per row, default 2), BENCH_MATH_SHOW (how
 * many disagreements to list per dataset, default 10), MATH_VERIFY_RATE (a reference rate in
 * verifications/s, to print the ratio; Math-Verify itself cannot be installed here).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ComponentScorer, ScoreContext } from '../../src/core/reward-kind.js';
import type { Sample } from '../../src/core/sample.js';
import { parseSpec } from '../../src/core/spec.js';
import { Pipeline } from '../../src/engine/pipeline.js';
import { rewardKinds } from '../../src/rewards/index.js';
import { loadCorpus } from '../../test/math/load-corpus.js';
import { type Gsm8kProblem, synthesizeGsm8kPairs } from './gsm8k-pairs.js';
import type { LabelledPair } from './labelled-pair.js';
import { type Measurement, MemoryPeak, measure, type VerifyPair } from './measure.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const gsm8kFile = resolve(repoRoot, '../shared/data/gsm8k/test.jsonl');
const minSeconds = Number(process.env['BENCH_MATH_SECONDS'] ?? 2);
const showDisagreements = Number(process.env['BENCH_MATH_SHOW'] ?? 10);
const referenceRate =
  process.env['MATH_VERIFY_RATE'] === undefined ? undefined : Number(process.env['MATH_VERIFY_RATE']);

if (!rewardKinds.has('math')) {
  console.error(
    `bench/math: the reward kind 'math' is not registered (known: ${rewardKinds.names().join(', ')})`,
  );
  process.exit(1);
}

const kind = rewardKinds.get('math');
const context: ScoreContext = {
  steps: [],
  deadline: Number.POSITIVE_INFINITY,
  signal: new AbortController().signal,
};
const scorers = new Map<string, ComponentScorer>();
const pipelines = new Map<string, Pipeline>();
const optionsKey = (pair: LabelledPair) => JSON.stringify(pair.options ?? {});

/** One scorer per distinct options object, built once (as the engine does per spec entry). */
function scorerFor(pair: LabelledPair): ComponentScorer {
  const key = optionsKey(pair);
  let scorer = scorers.get(key);
  if (scorer === undefined) {
    // `math` builds its scorer synchronously (create may be async for other kinds).
    scorer = kind.create(kind.optionsSchema.parse(pair.options ?? {}), {
      concurrency: 1,
      allowUnsandboxed: false,
    }) as ComponentScorer;
    scorers.set(key, scorer);
  }
  return scorer;
}

function pipelineFor(pair: LabelledPair): Pipeline {
  const key = optionsKey(pair);
  let pipeline = pipelines.get(key);
  if (pipeline === undefined) {
    const reward = {
      name: 'correct',
      type: 'math',
      ...(pair.options === undefined ? {} : { options: pair.options }),
    };
    pipeline = Pipeline.compile(parseSpec({ name: 'bench-math', rewards: [reward] }));
    pipelines.set(key, pipeline);
  }
  return pipeline;
}

function toSample(pair: LabelledPair): Sample {
  return { id: pair.id, response: pair.response, reference: { answer: pair.gold } };
}

/** The kind's scorer called directly: the verifier's own cost. */
function viaScorer(pairs: readonly LabelledPair[]): VerifyPair {
  const prepared = new Map(pairs.map((pair) => [pair, { sample: toSample(pair), scorer: scorerFor(pair) }]));
  return async (pair) => {
    const { sample, scorer } = prepared.get(pair)!;
    return (await scorer.score(sample, context)).score;
  };
}

/** The whole engine path (`rewardkit score` minus I/O): validation, timeout guard, combine. */
function viaPipeline(pairs: readonly LabelledPair[]): VerifyPair {
  const prepared = new Map(pairs.map((pair) => [pair, pipelineFor(pair)]));
  return async (pair) => {
    const result = await prepared
      .get(pair)!
      .scoreSample({ id: pair.id, response: pair.response, reference: { answer: pair.gold } });
    return result.components['correct']?.score ?? null;
  };
}

function loadGsm8k(): LabelledPair[] | undefined {
  if (!existsSync(gsm8kFile)) return undefined;
  const problems = readFileSync(gsm8kFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Gsm8kProblem);
  return synthesizeGsm8kPairs(problems);
}

function warmUpPairs(): LabelledPair[] {
  return Array.from({ length: 300 }, (_, index) => ({
    id: `warm-${index}`,
    gold: index % 2 === 0 ? `${index}` : `\\frac{${index}}{7}`,
    response:
      index % 2 === 0
        ? `We add ${index - 1} and 1 to get $\\boxed{${index + (index % 4)}}$.`
        : `So the value is $\\dfrac{${2 * index}}{14}$.`,
    equal: index % 4 !== 2,
    group: 'warm-up',
  }));
}

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

async function main(): Promise<void> {
  console.log('Math verifier benchmark: single thread, in-process.');
  console.log(
    'Reference peer: Math-Verify (Python) cannot be installed here (PyPI is unreachable), and no documented\n' +
      'throughput figure for it was found; the ratio to it is left to the acceptance harness.',
  );

  const memory = new MemoryPeak();
  const warmUp = warmUpPairs();
  await measure(viaScorer(warmUp), warmUp, { minSeconds: 0.3, memory });
  await measure(viaPipeline(warmUp), warmUp, { minSeconds: 0.3, memory });

  const datasets: { name: string; pairs: LabelledPair[] }[] = [];
  const gsm8k = loadGsm8k();
  if (gsm8k === undefined) console.log(`skipping gsm8k: ${gsm8kFile} not found`);
  else datasets.push({ name: 'gsm8k-synthetic', pairs: gsm8k });
  datasets.push({
    name: 'latex-corpus',
    pairs: loadCorpus().map((corpusCase) => ({
      id: corpusCase.id,
      gold: corpusCase.gold,
      response: corpusCase.response,
      equal: corpusCase.equal,
      group: corpusCase.class,
      ...(corpusCase.options === undefined ? {} : { options: corpusCase.options }),
    })),
  });

  const rows: Record<string, string | number>[] = [];
  const steadyRates: number[] = [];
  for (const dataset of datasets) {
    const direct = await measure(viaScorer(dataset.pairs), dataset.pairs, { minSeconds, memory });
    const engine = await measure(viaPipeline(dataset.pairs), dataset.pairs, { minSeconds, memory });
    steadyRates.push(direct.steadyPerSecond);
    rows.push(row(dataset.name, 'scorer', direct, true), row(dataset.name, 'pipeline', engine, false));
    printGroups(dataset.name, direct);
    printDisagreements(dataset.name, direct);
    printSlowest(dataset.name, direct);
  }
  console.log('');
  console.table(rows);
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    `process max RSS ${fixed(maxRssMb, 1)} MB (peak heap/RSS columns are sampled and cumulative over the run)`,
  );
  const slowest = Math.min(...steadyRates);
  if (referenceRate !== undefined && Number.isFinite(referenceRate) && referenceRate > 0) {
    console.log(
      `ratio to the reference rate ${referenceRate}/s (MATH_VERIFY_RATE): ${fixed(slowest / referenceRate, 1)}x (slowest dataset, scorer path)`,
    );
  } else {
    console.log(
      `ratio to the reference rate: n/a (no Math-Verify figure; set MATH_VERIFY_RATE=<verifications/s>); slowest steady rate ${fixed(slowest, 0)}/s`,
    );
  }
  await Promise.all([...pipelines.values()].map((pipeline) => pipeline.close()));
  await Promise.all([...scorers.values()].map((scorer) => scorer.close?.()));
}

/** `cold` is false for a path measured after another one warmed the caches on the same pairs. */
function row(
  dataset: string,
  path: string,
  measured: Measurement,
  cold: boolean,
): Record<string, string | number> {
  return {
    dataset,
    path,
    pairs: measured.pairs,
    'agree %': fixed(measured.agreementPercent, 2),
    undecided: measured.undecided,
    'cold /s': cold ? fixed(measured.coldPerSecond, 0) : 'n/a',
    'steady /s': fixed(measured.steadyPerSecond, 0),
    'p50 µs': fixed(measured.p50Ms * 1000, 1),
    'p99 µs': fixed(measured.p99Ms * 1000, 1),
    'heap MB': fixed(measured.peakHeapMb, 1),
    'rss MB': fixed(measured.peakRssMb, 1),
  };
}

/** Agreement per group (corpus class or output style), groups below 100% first. */
function printGroups(dataset: string, measured: Measurement): void {
  const groups = new Map<string, { total: number; agreed: number }>();
  for (const { pair, score } of measured.outcomes) {
    const entry = groups.get(pair.group) ?? { total: 0, agreed: 0 };
    entry.total++;
    if ((score === 1) === pair.equal) entry.agreed++;
    groups.set(pair.group, entry);
  }
  const lines = [...groups.entries()]
    .map(([group, { total, agreed }]) => ({ group, total, percent: (100 * agreed) / total }))
    .sort((left, right) => left.percent - right.percent || left.group.localeCompare(right.group))
    .map(
      ({ group, total, percent }) =>
        `  ${group.padEnd(28)} ${String(total).padStart(5)}  ${fixed(percent, 1)}%`,
    );
  console.log(`\n${dataset}: agreement per group`);
  console.log(lines.join('\n'));
}

/** The slowest pairs of the cold pass: where the verifier spends its time. */
function printSlowest(dataset: string, measured: Measurement): void {
  if (showDisagreements <= 0) return;
  const slowest = [...measured.outcomes].sort((left, right) => right.ms - left.ms).slice(0, 5);
  console.log(`${dataset}: slowest pairs in the cold pass`);
  for (const { pair, ms } of slowest) {
    console.log(`  ${fixed(ms, 2).padStart(8)} ms  ${pair.id} gold=${pair.gold.slice(0, 60)}`);
  }
}

function printDisagreements(dataset: string, measured: Measurement): void {
  const wrong = measured.outcomes.filter(({ pair, score }) => (score === 1) !== pair.equal);
  if (wrong.length === 0 || showDisagreements <= 0) return;
  console.log(
    `${dataset}: ${wrong.length} disagreements (first ${Math.min(showDisagreements, wrong.length)})`,
  );
  for (const { pair, score } of wrong.slice(0, showDisagreements)) {
    const tail = pair.response.replace(/\s+/g, ' ').slice(-70);
    console.log(
      `  ${pair.id} label=${pair.equal ? 'equal' : 'not-equal'} score=${score} gold=${pair.gold} …${tail}`,
    );
  }
}

await main();
