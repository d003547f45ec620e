/**
 * `npm run bench -- math`: agreement and speed of the math verifier (reward kind `math`) on
 * labelled corpora, side by side with Math-Verify (the Python peer) when its sources are given.
 *
 * Corpora: model-style GSM8K solutions synthesized from the GSM8K test split and the real model
 * solutions published with GSM8K (`example_model_solutions.jsonl`, 5,276 labelled; both located
 * with `bench/dataset-path.ts`, each skipped with a message when absent) and every file of the LaTeX-heavy
 * corpus `test/math/corpus/` (plus `corpus-pending/`). Prints, per corpus: agreement with the
 * labels and the undecidable rate (in-process), agreement through `rewardkit score`, and the
 * peer's agreement; per kind of corpus: in-process cost per pair (first pass and steady), cost per
 * pair through `rewardkit score` (first pass and marginal, start-up excluded by subtraction, see
 * cli-cost.ts, also over copies that repeat nothing; with its default flags and with `--threads 0
 * --no-store`), the peer's cost per pair (one process per run, start-up excluded, the least CPU of
 * its runs), the ratios, and peak memory of each.
 *
 * Environment: MATH_VERIFY_SRC (PYTHONPATH holding math_verify and latex2sympy2_extended; the peer
 * is skipped without it), MATH_VERIFY_PYTHON (default python3), BENCH_MATH_SECONDS (steady
 * in-process budget per kind, default 2), BENCH_MATH_REPEATS (CLI runs per figure, minimum
 * taken, default 3), BENCH_MATH_PEER_REPEATS (Math-Verify's runs per kind, minimum taken, default 3,
 * at most BENCH_MATH_REPEATS), BENCH_MATH_SHOW (disagreements listed per corpus, default 5).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ComponentScorer, ScoreContext } from '../../src/core/reward-kind.js';
import { rewardKinds } from '../../src/rewards/index.js';
import { CLI_CONFIGURATIONS, type CliCost, measureCliCost } from './cli-cost.js';
import { type BenchCorpus, loadGsm8kCorpus, loadGsm8kSolutions, loadLatexCorpora } from './datasets.js';
import type { LabelledPair } from './labelled-pair.js';
import { mathVerifyRunner, type PeerRun, peerSources } from './math-verify-peer.js';
import { type Measurement, MemoryPeak, measure, type VerifyPair } from './measure.js';
import { measureStages, type StageCost } from './stages.js';

const steadySeconds = Number(process.env['BENCH_MATH_SECONDS'] ?? 2);
const cliRepeats = Number(process.env['BENCH_MATH_REPEATS'] ?? 3);
const showDisagreements = Number(process.env['BENCH_MATH_SHOW'] ?? 5);
/**
 * Math-Verify's runs per kind, spread between rewardkit's repeats (the least CPU is kept, as for
 * rewardkit): 3 by default (at most BENCH_MATH_REPEATS), its LaTeX run takes a minute.
 */
const peerRepeats = Math.min(cliRepeats, Number(process.env['BENCH_MATH_PEER_REPEATS'] ?? 3));
/** The repeats of rewardkit's runs that Math-Verify runs before: with 7 and 3, the 1st, 3rd and 5th. */
const peerRunBefore = new Set(
  Array.from({ length: peerRepeats }, (_, run) => Math.floor((run * cliRepeats) / peerRepeats)),
);

const kind = rewardKinds.get('math');
const context: ScoreContext = {
  steps: [],
  deadline: Number.POSITIVE_INFINITY,
  signal: new AbortController().signal,
};
const scorers = new Map<string, ComponentScorer>();

/** One scorer per distinct options object, built once (as the engine does per spec entry). */
function scorerFor(pair: LabelledPair): ComponentScorer {
  const key = JSON.stringify(pair.options ?? {});
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

/** The kind's scorer called directly: the verifier's own cost, no engine around it. */
function viaScorer(pairs: readonly LabelledPair[]): VerifyPair {
  const prepared = new Map(
    pairs.map((pair) => [
      pair,
      {
        sample: { id: pair.id, response: pair.response, reference: { answer: pair.gold } },
        scorer: scorerFor(pair),
      },
    ]),
  );
  return async (pair) => {
    const entry = prepared.get(pair);
    if (entry === undefined) throw new Error(`unprepared pair ${pair.id}`);
    return (await entry.scorer.score(entry.sample, context)).score;
  };
}

/** Unrelated pairs that warm the JIT and the module-level set-up before any timed pass. */
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
const percent = (part: number, total: number) => (total === 0 ? '-' : `${fixed((100 * part) / total, 1)}%`);
const agrees = (reward: number | null | undefined, equal: boolean) => (reward === 1) === equal;
const peerAgrees = (verdict: string | undefined, equal: boolean) => (verdict === 'equal') === equal;

interface KindFigures {
  kind: string;
  pairs: LabelledPair[];
  inProcess: Measurement;
  /** One per CLI configuration (CLI_CONFIGURATIONS), the defaults first. */
  cli: CliCost[];
  peer: PeerRun | undefined;
}

async function main(): Promise<void> {
  const [load1] = loadavg();
  console.log(`Math verifier benchmark (load average ${fixed(load1 ?? 0, 1)} at start).`);
  const work = mkdtempSync(join(tmpdir(), 'rk-bench-math-'));
  const memory = new MemoryPeak();

  const corpora: BenchCorpus[] = [];
  for (const gsm8k of [loadGsm8kCorpus(), loadGsm8kSolutions()]) {
    if (typeof gsm8k === 'string') console.log(gsm8k);
    else corpora.push(gsm8k);
  }
  corpora.push(...loadLatexCorpora());

  // Stage costs first, in this fresh process: the LaTeX first pass as a new run sees it.
  const latexPlain = corpora
    .filter((corpus) => corpus.kind === 'latex')
    .flatMap((corpus) => corpus.pairs)
    .filter((pair) => pair.options === undefined);
  const stages = measureStages(latexPlain);
  const warmUp = warmUpPairs();
  await measure(viaScorer(warmUp), warmUp, { minSeconds: 0.2, memory });

  const sources = peerSources();
  if (sources === undefined) {
    console.log(
      'Math-Verify: skipped (set MATH_VERIFY_SRC to a PYTHONPATH holding math_verify and latex2sympy2_extended, see docs/math.md)',
    );
  }

  const figures: KindFigures[] = [];
  for (const kindName of ['gsm8k', 'latex'] as const) {
    const ofKind = corpora.filter(
      (corpus) => corpus.kind === kindName || (kindName === 'latex' && corpus.kind === 'pending'),
    );
    if (ofKind.length === 0) continue;
    const pairs = ofKind.flatMap((corpus) => corpus.pairs);
    const inProcess = await measure(viaScorer(pairs), pairs, { minSeconds: steadySeconds, memory });
    // Through the CLI and against the peer: default options only (one reward, no per-case options).
    const plain = pairs.filter((pair) => pair.options === undefined);
    const committed = plain.filter(
      (pair) => !ofKind.some((corpus) => corpus.kind === 'pending' && corpus.pairs.includes(pair)),
    );
    console.log(
      `${kindName}: ${pairs.length} pairs in-process; timing rewardkit score on ${committed.length} ...`,
    );
    // Math-Verify runs between rewardkit's repeats (its least CPU kept, as ours): a slow minute
    // of the shared machine then weighs on both tools alike.
    let peer: PeerRun | undefined;
    const runPeer = sources === undefined ? undefined : mathVerifyRunner(plain, work, kindName);
    if (sources !== undefined)
      console.log(`${kindName}: Math-Verify on ${plain.length} pairs, ${peerRepeats} runs between ours ...`);
    const cli = measureCliCost(committed, work, kindName, {
      repeats: cliRepeats,
      configurations: CLI_CONFIGURATIONS,
      beforeRepeat: (repeat) => {
        if (runPeer === undefined || !peerRunBefore.has(repeat)) return;
        const run = runPeer();
        if (peer === undefined || run.cpuSeconds < peer.cpuSeconds) peer = run;
      },
    });
    figures.push({ kind: kindName, pairs: committed, inProcess, cli, peer });
  }

  printAgreement(corpora, figures);
  printSpeed(figures, memory);
  printStages(stages);
  rmSync(work, { recursive: true, force: true });
  await Promise.all([...scorers.values()].map((scorer) => scorer.close?.()));
}

function printAgreement(corpora: readonly BenchCorpus[], figures: readonly KindFigures[]): void {
  const score = new Map<string, number | null>();
  for (const figure of figures)
    for (const outcome of figure.inProcess.outcomes) score.set(outcome.pair.id, outcome.score);
  const cliReward = new Map<string, number | null>();
  for (const figure of figures)
    for (const [id, reward] of figure.cli[0]?.rewards ?? []) cliReward.set(id, reward);
  const peerVerdict = new Map<string, string>();
  for (const figure of figures)
    for (const [id, verdict] of figure.peer?.verdicts ?? []) peerVerdict.set(id, verdict);

  const rows: Record<string, string | number>[] = [];
  const totals = new Map<
    string,
    { pairs: number; ours: number; undecided: number; peerPairs: number; peer: number }
  >();
  for (const corpus of corpora) {
    const ours = corpus.pairs.filter((pair) => agrees(score.get(pair.id), pair.equal)).length;
    const undecided = corpus.pairs.filter((pair) => score.get(pair.id) === null).length;
    const viaCli = corpus.pairs.filter((pair) => cliReward.has(pair.id));
    const peerPairs = corpus.pairs.filter((pair) => peerVerdict.has(pair.id));
    const peer = peerPairs.filter((pair) => peerAgrees(peerVerdict.get(pair.id), pair.equal)).length;
    rows.push({
      corpus: corpus.name,
      pairs: corpus.pairs.length,
      'rewardkit %': percent(ours, corpus.pairs.length),
      undecidable: percent(undecided, corpus.pairs.length),
      'via CLI %':
        viaCli.length === 0
          ? '-'
          : percent(
              viaCli.filter((pair) => agrees(cliReward.get(pair.id), pair.equal)).length,
              viaCli.length,
            ),
      'Math-Verify %': peerPairs.length === 0 ? 'skipped' : percent(peer, peerPairs.length),
    });
    const key =
      corpus.kind === 'pending' ? 'all pending' : corpus.kind === 'gsm8k' ? 'gsm8k' : 'all latex corpus';
    const total = totals.get(key) ?? { pairs: 0, ours: 0, undecided: 0, peerPairs: 0, peer: 0 };
    total.pairs += corpus.pairs.length;
    total.ours += ours;
    total.undecided += undecided;
    total.peerPairs += peerPairs.length;
    total.peer += peer;
    totals.set(key, total);
    listDisagreements(corpus, score, peerVerdict);
  }
  for (const [name, total] of totals) {
    rows.push({
      corpus: `= ${name}`,
      pairs: total.pairs,
      'rewardkit %': percent(total.ours, total.pairs),
      undecidable: percent(total.undecided, total.pairs),
      'via CLI %': '',
      'Math-Verify %': total.peerPairs === 0 ? 'skipped' : percent(total.peer, total.peerPairs),
    });
  }
  console.log(
    '\nAgreement with the labels (rewardkit in-process, through `rewardkit score` with its default flags, and Math-Verify at its defaults;',
  );
  console.log('cases with per-case options are run in-process only)');
  console.table(rows);
}

function listDisagreements(
  corpus: BenchCorpus,
  score: Map<string, number | null>,
  peer: Map<string, string>,
): void {
  if (showDisagreements <= 0) return;
  const wrong = corpus.pairs.filter((pair) => !agrees(score.get(pair.id), pair.equal));
  if (wrong.length === 0) return;
  console.log(`${corpus.name}: ${wrong.length} disagreement(s)`);
  for (const pair of wrong.slice(0, showDisagreements)) {
    const tail = pair.response.replace(/\s+/g, ' ').slice(-60);
    const peerNote = peer.has(pair.id) ? ` peer=${peer.get(pair.id)}` : '';
    console.log(
      `  ${pair.id} label=${pair.equal ? 'equal' : 'not-equal'} score=${score.get(pair.id)}${peerNote} gold=${pair.gold.slice(0, 50)} …${tail}`,
    );
  }
}

function printSpeed(figures: readonly KindFigures[], memory: MemoryPeak): void {
  const ratio = (peer: number, ours: number | undefined) =>
    ours === undefined || !Number.isFinite(peer) || ours <= 0 ? '-' : `${fixed(peer / ours, 1)}x`;
  const peerCpuUs = (figure: KindFigures) =>
    figure.peer === undefined ? Number.NaN : (figure.peer.cpuSeconds / figure.peer.verdicts.size) * 1e6;
  const peerWallUs = (figure: KindFigures) =>
    figure.peer === undefined ? Number.NaN : (figure.peer.seconds / figure.peer.verdicts.size) * 1e6;
  const peerColumn = (figure: KindFigures, us: number) =>
    figure.peer === undefined ? 'skipped' : fixed(us, 1);
  const inProcessRows = figures.map((figure) => ({
    corpus: figure.kind,
    'in-process first': fixed(figure.inProcess.coldCpuUs, 1),
    'in-process steady': fixed(figure.inProcess.steadyCpuUs, 1),
    undecidable: percent(figure.inProcess.undecided, figure.inProcess.pairs),
    'Math-Verify': peerColumn(figure, peerCpuUs(figure)),
    'ratio first': ratio(peerCpuUs(figure), figure.inProcess.coldCpuUs),
    'ratio steady': ratio(peerCpuUs(figure), figure.inProcess.steadyCpuUs),
  }));
  console.log(
    "\nCPU µs per pair, in-process: the kind's scorer called directly (first pass after a warm-up on unrelated pairs;\n" +
      'steady: passes repeated); undecidable = score null; Math-Verify: one process over the same pairs, start-up excluded,\n' +
      "the least CPU of its runs, run between rewardkit's (BENCH_MATH_PEER_REPEATS; rewardkit keeps the least of its own too);\n" +
      'ratio = Math-Verify / rewardkit',
  );
  console.table(inProcessRows);
  const cliRows = figures.flatMap((figure) =>
    figure.cli.map((cli) => ({
      corpus: figure.kind,
      'rewardkit score': cli.configuration.label,
      'first pass': fixed(cli.firstPassUs, 1),
      'marginal 4-1': fixed(cli.marginalUs, 1),
      'marginal, nothing repeats': fixed(cli.marginalUnrepeatedUs, 1),
      'Math-Verify': peerColumn(figure, peerCpuUs(figure)),
      'ratio first': ratio(peerCpuUs(figure), cli.firstPassUs),
      'ratio marginal': ratio(peerCpuUs(figure), cli.marginalUs),
      'ratio nothing repeats': ratio(peerCpuUs(figure), cli.marginalUnrepeatedUs),
      'first pass, whole process': fixed(cli.firstPassWholeUs, 1),
      'start-up CPU s': fixed(cli.startupCpuSeconds, 2),
    })),
  );
  console.log(
    `\nCPU µs per pair through \`rewardkit score\`, start-up excluded (user + system time of every thread of each process from the\n` +
      `opening of its input to its exit, minimum of ${cliRepeats} runs; first pass = (1 copy - 1 line) / pairs, nothing repeats;\n` +
      'marginal = (4 copies - 1 copy) / 3 pairs, golds and answers repeat; "nothing repeats": the same with 4 copies whose golds\n' +
      'and responses differ from copy to copy, verdicts unchanged (bench/math/unrepeated-copy.ts; plain-number golds only, "-"\n' +
      'for the LaTeX corpus); "whole process": the first pass from the CPU of the\n' +
      'whole processes, start-up excluded by subtracting the one-line run (noisier: start-up varies by a second on a busy machine);\n' +
      '"defaults" = no flags: --threads auto and the store of --resume written; ratio = Math-Verify / rewardkit)',
  );
  console.table(cliRows);
  const wallRows = figures.flatMap((figure) =>
    figure.cli.map((cli) => ({
      corpus: figure.kind,
      'rewardkit score': cli.configuration.label,
      'in-process first': fixed(1e6 / figure.inProcess.coldPerSecond, 1),
      'in-process steady': fixed(1e6 / figure.inProcess.steadyPerSecond, 1),
      'CLI first pass': fixed(cli.firstPassWallUs, 1),
      'CLI marginal 4-1': fixed(cli.marginalWallUs, 1),
      'CLI marginal, nothing repeats': fixed(cli.marginalUnrepeatedWallUs, 1),
      'Math-Verify': peerColumn(figure, peerWallUs(figure)),
      'ratio CLI first': ratio(peerWallUs(figure), cli.firstPassWallUs),
    })),
  );
  console.log('\nWall-clock µs per pair (same runs; noisy when the machine is shared)');
  console.table(wallRows);
  const memoryRows = figures.map((figure) => ({
    corpus: figure.kind,
    'in-process peak heap MB': fixed(memory.heapBytes / 2 ** 20, 1),
    'in-process peak RSS MB': fixed(memory.rssBytes / 2 ** 20, 1),
    ...Object.fromEntries(
      figure.cli.map((cli) => [`CLI peak RSS MB (${cli.configuration.label})`, fixed(cli.peakRssMb, 1)]),
    ),
    'CLI start-up s (1 line, defaults)': fixed(figure.cli[0]?.startupSeconds ?? Number.NaN, 2),
    'Math-Verify max RSS MB': figure.peer === undefined ? 'skipped' : fixed(figure.peer.maxRssKb / 1024, 1),
  }));
  console.log('\nPeak memory');
  console.table(memoryRows);
  const [load1] = loadavg();
  console.log(
    `load average ${fixed(load1 ?? 0, 1)} at the end (2 cores shared: ratios are measured in the same run)`,
  );
}

/** The LaTeX first pass by stage, and which part of the code owns each. */
function printStages(stages: readonly StageCost[]): void {
  const total = stages.reduce((sum, stage) => sum + stage.cpuUs, 0);
  console.log('\nLaTeX corpus, first pass in a fresh process (no warm-up): CPU µs per pair by stage');
  console.table(
    stages.map((stage) => ({
      stage: stage.stage,
      'CPU µs': fixed(stage.cpuUs, 1),
      share: percent(stage.cpuUs, total),
    })),
  );
}

await main();
