/**
 * `npm run search-report`: reproduces the search claims of issue 12 on the reference world and
 * writes docs/search-report.html (curves with bands over seeds) and docs/search-report.md (tables,
 * claim verdicts). It starts `rewardkit world serve` itself on a free loopback port with a noisy
 * PRM, writes world problems of graded difficulty (2 to 6 steps), runs every strategy at every
 * budget over several seeds, fits compute-optimal selection on a dev split and evaluates it on the
 * test split. Sizes: SEARCH_REPORT_PROBLEMS (default 48), SEARCH_REPORT_SEEDS (default 3).
 */
import { writeFileSync } from 'node:fs';
import { parseSpec } from '../../src/core/spec.js';
import type { JsonlRecord } from '../../src/io/jsonl-reader.js';
import { endpointApis, resetSharedClients } from '../../src/models/index.js';
import {
  type CurvePoint,
  DEFAULT_POLICY_TEMPLATE,
  type DevOutcome,
  EndpointPolicy,
  fitComputeOptimal,
  runSearchProblems,
  type SearchRunLine,
  SpecVerifier,
  searchReportHtml,
  searchStrategies,
  summarizeRuns,
} from '../../src/search/index.js';
import { problemSample } from '../../src/world/index.js';
import { repositoryRoot, startWorld } from './start-world.js';

const root = repositoryRoot;
const PROBLEMS = Number(process.env['SEARCH_REPORT_PROBLEMS'] ?? 48);
const SEEDS = Array.from(
  { length: Number(process.env['SEARCH_REPORT_SEEDS'] ?? 3) },
  (_, index) => index + 1,
);
const BUDGETS = (process.env['SEARCH_REPORT_BUDGETS'] ?? '4,8,16,32').split(',').map(Number);
const POLICY_MODEL = process.env['SEARCH_REPORT_POLICY'] ?? 'policy-0.7';
const WORLD_ARGS = ['--seed', '0', '--prm-confidence', '0.8', '--prm-noise', '1.0'];
/** The same world with a less noisy PRM, for the claim (c) investigation only. */
const QUIET_WORLD_ARGS = ['--seed', '0', '--prm-confidence', '0.8', '--prm-noise', '0.3'];
/** A weaker policy on the main world, for the claim (c) investigation only: room below the ceiling. */
const WEAK_POLICY = 'policy-0.5';
const STRATEGIES = (
  process.env['SEARCH_REPORT_STRATEGIES'] ??
  'best_of_n,majority_vote,weighted_vote,beam_search,particle_filtering,dvts,early_rejection'
).split(',');

const samples = Array.from({ length: PROBLEMS }, (_, index) => problemSample(0, index));
const difficultyOf = new Map(samples.map((sample) => [sample.id, sample.reference.difficulty]));
/** Problems with an even index are the dev split (compute-optimal fitting), odd ones the test split. */
const devIds = new Set(samples.filter((_, index) => index % 2 === 0).map((sample) => sample.id));

/**
 * Early rejection with an 8-token cap: a world step is about 17 tokens and its information (the
 * result) is in its last ones, so the default 32-token cap would see whole steps (plain beam
 * search at twice the scoring); 8 tokens shows what a cap before the result does.
 */
const STRATEGY_OPTIONS: Record<string, Record<string, unknown>> = {
  early_rejection: { early_rejection_tokens: 8 },
};

async function* recordsOf(subset: typeof samples): AsyncIterable<JsonlRecord[]> {
  yield subset.map((value, index) => ({ line: index + 1, value }));
}

/** A world with the policy and PRM verifier pointed at it. */
interface Target {
  policy: EndpointPolicy;
  verifier: SpecVerifier;
  close(): Promise<void>;
}

async function startTarget(worldArgs: readonly string[], policyModel = POLICY_MODEL): Promise<Target> {
  const world = await startWorld(worldArgs);
  const apis = endpointApis(
    { base_url: world.baseUrl, model: policyModel, max_concurrency: 32, timeout_s: 60, max_retries: 2 },
    { concurrency: 16, allowUnsandboxed: false },
    { max_batch: 1, max_wait_ms: 0 },
  );
  const policy = new EndpointPolicy(apis, {
    api: 'completions',
    template: DEFAULT_POLICY_TEMPLATE,
    temperature: 0.8,
    maxTokens: 512,
    topP: 1,
  });
  const spec = parseSpec({
    name: 'world-prm',
    models: { prm: { base_url: world.baseUrl, model: 'world-prm', max_concurrency: 32 } },
    rewards: [{ name: 'prm', type: 'prm', options: { model: 'prm' } }],
  });
  const verifier = new SpecVerifier(spec);
  return {
    policy,
    verifier,
    async close() {
      await verifier.close();
      world.stop();
    },
  };
}

type Runner = (
  name: string,
  options: unknown,
  budgets: number[],
  subset: typeof samples,
  target?: Target,
) => Promise<SearchRunLine[]>;

async function main(): Promise<void> {
  const started = Date.now();
  const main = await startTarget(WORLD_ARGS);
  const lines: SearchRunLine[] = [];
  /** Runs a strategy over problems x budgets x seeds; the lines are added to `lines` and returned. */
  const run: Runner = async (name, options, budgets, subset, target = main) => {
    const strategy = searchStrategies.get(name);
    const t0 = Date.now();
    const before = lines.length;
    await runSearchProblems(
      recordsOf(subset),
      {
        strategy,
        options: strategy.optionsSchema.parse(options),
        budgets,
        seeds: SEEDS,
        policy: target.policy,
        verifier: target.verifier,
        concurrency: 16,
        keepCandidates: false,
      },
      new Set(),
      async (line) => {
        lines.push(line);
      },
    );
    const errors = lines.slice(before).filter((line) => line.status === 'error').length;
    console.log(`${name}: ${lines.length - before} units, ${errors} errors, ${Date.now() - t0} ms`);
    return lines.slice(before);
  };
  try {
    for (const name of STRATEGIES) {
      await run(
        name,
        STRATEGY_OPTIONS[name] ?? {},
        name === 'majority_vote' ? [1, ...BUDGETS] : BUDGETS,
        samples,
      );
    }
    // Compute-optimal: every base strategy is run as compute_optimal's forced choice on the dev
    // split (so its outcomes include the probes, as at test time, and carry the difficulty the
    // probes estimated), the table is fitted on those outcomes only, and evaluated on the test split.
    const devSamples = samples.filter((sample) => devIds.has(sample.id));
    const devLines: SearchRunLine[] = [];
    for (const name of STRATEGIES) {
      const forced = {
        edges: [],
        choices: Object.fromEntries(
          BUDGETS.map((budget) => [
            String(budget),
            [{ strategy: name, options: STRATEGY_OPTIONS[name] ?? {} }],
          ]),
        ),
      };
      const before = lines.length;
      await run('compute_optimal', { difficulty_samples: 4, table: forced }, BUDGETS, devSamples);
      devLines.push(...lines.splice(before));
    }
    const outcomes: DevOutcome[] = devLines
      .filter((line) => line.status === 'ok' && line.correct !== null)
      .map((line) => ({
        problemId: `${line.problem_id}#${line.seed}`,
        difficulty: line.selection?.difficulty ?? 0,
        choice: {
          strategy: line.strategy.replace(/^compute_optimal:/, ''),
          options: STRATEGY_OPTIONS[line.strategy.replace(/^compute_optimal:/, '')] ?? {},
        },
        budget: line.budget as number,
        correct: line.correct as boolean,
        completionTokens: line.compute?.completionTokens ?? 0,
      }));
    const table = fitComputeOptimal(outcomes, 3);
    console.log(`compute_optimal table: ${JSON.stringify(table)}`);
    await run(
      'compute_optimal',
      { difficulty_samples: 4, table },
      BUDGETS,
      samples.filter((sample) => !devIds.has(sample.id)),
    );
    const mark = lines.length;
    const investigation = await investigate(run);
    lines.splice(mark);
    writeReports(lines, table, investigation, Date.now() - started);
  } finally {
    await main.close();
    resetSharedClients();
  }
}

/** One setting tried for claim (c): accuracy at the smallest and largest budget, all problems. */
interface InvestigationRow {
  label: string;
  first: number | undefined;
  last: number | undefined;
}

/**
 * Claim (c) on other settings, at the smallest and largest budget only: particle filtering with a
 * weighted vote as its final pick (beam search's default now), with a flatter weighting (T = 2),
 * both searches with a weaker policy (more room below 100%), and both against a world whose PRM
 * is less noisy (logit noise sd 0.3 instead of 1.0).
 * The world itself is not changed for the main tables.
 */
async function investigate(run: Runner): Promise<InvestigationRow[]> {
  const ends = [BUDGETS[0] as number, BUDGETS.at(-1) as number];
  const row = (label: string, got: readonly SearchRunLine[]): InvestigationRow => {
    const points = summarizeRuns(got);
    const at = (budget: number) => points.find((point) => point.budget === budget)?.accuracy;
    return { label, first: at(ends[0] as number), last: at(ends[1] as number) };
  };
  const rows = [
    row(
      'particle_filtering, final pick weighted_vote',
      await run('particle_filtering', { final_selection: 'weighted_vote' }, ends, samples),
    ),
    row('particle_filtering, T = 2', await run('particle_filtering', { temperature: 2 }, ends, samples)),
  ];
  const weak = await startTarget(WORLD_ARGS, WEAK_POLICY);
  try {
    rows.push(row(`beam_search, policy ${WEAK_POLICY}`, await run('beam_search', {}, ends, samples, weak)));
    rows.push(
      row(
        `particle_filtering, policy ${WEAK_POLICY}`,
        await run('particle_filtering', {}, ends, samples, weak),
      ),
    );
    rows.push(
      row(
        `particle_filtering (weighted_vote), policy ${WEAK_POLICY}`,
        await run('particle_filtering', { final_selection: 'weighted_vote' }, ends, samples, weak),
      ),
    );
  } finally {
    await weak.close();
  }
  const quiet = await startTarget(QUIET_WORLD_ARGS);
  try {
    rows.push(row('beam_search, PRM noise sd 0.3', await run('beam_search', {}, ends, samples, quiet)));
    rows.push(
      row('particle_filtering, PRM noise sd 0.3', await run('particle_filtering', {}, ends, samples, quiet)),
    );
  } finally {
    await quiet.close();
  }
  return rows;
}

type Split = 'all' | 'test' | 'easy' | 'hard';
function inSplit(line: SearchRunLine, split: Split): boolean {
  const id = String(line.problem_id);
  const difficulty = difficultyOf.get(id) ?? 0;
  if (split === 'test') return !devIds.has(id);
  if (split === 'easy') return difficulty <= 3;
  if (split === 'hard') return difficulty >= 5;
  return true;
}

function pointsFor(lines: readonly SearchRunLine[], split: Split): CurvePoint[] {
  return summarizeRuns(lines.filter((line) => inSplit(line, split)));
}

function accuracy(points: readonly CurvePoint[], strategy: string, budget: number): number | undefined {
  return points.find((point) => point.strategy === strategy && point.budget === budget)?.accuracy;
}

const percent = (value: number | undefined): string =>
  value === undefined ? 'n/a' : `${(100 * value).toFixed(1)}`;

function markdownTable(points: readonly CurvePoint[], strategies: readonly string[]): string {
  const budgets = [...new Set(points.map((point) => point.budget))].sort((left, right) => left - right);
  const header = `| strategy | ${budgets.map((budget) => `N=${budget}`).join(' | ')} |`;
  const rule = `|---|${budgets.map(() => '---:').join('|')}|`;
  const rows = strategies
    .filter((name) => points.some((point) => point.strategy === name))
    .map((name) => {
      const cells = budgets.map((budget) => {
        const point = points.find((candidate) => candidate.strategy === name && candidate.budget === budget);
        return point === undefined ? '' : `${percent(point.accuracy)} ± ${percent(point.halfWidth)}`;
      });
      return `| ${name} | ${cells.join(' | ')} |`;
    });
  return [header, rule, ...rows].join('\n');
}

function tokensTable(points: readonly CurvePoint[], strategies: readonly string[]): string {
  const budgets = [...new Set(points.map((point) => point.budget))].sort((left, right) => left - right);
  const header = `| strategy | ${budgets.map((budget) => `N=${budget}`).join(' | ')} |`;
  const rule = `|---|${budgets.map(() => '---:').join('|')}|`;
  const rows = strategies
    .filter((name) => points.some((point) => point.strategy === name))
    .map((name) => {
      const cells = budgets.map((budget) => {
        const point = points.find((candidate) => candidate.strategy === name && candidate.budget === budget);
        return point === undefined ? '' : String(Math.round(point.completionTokens));
      });
      return `| ${name} | ${cells.join(' | ')} |`;
    });
  return [header, rule, ...rows].join('\n');
}

function investigationTable(
  rows: readonly InvestigationRow[],
  baseline: readonly InvestigationRow[],
): string {
  const first = BUDGETS[0] as number;
  const last = BUDGETS.at(-1) as number;
  const doublings = Math.log2(last / first);
  const lines = [...baseline, ...rows].map((row) => {
    const gain =
      row.first === undefined || row.last === undefined ? 'n/a' : percent((row.last - row.first) / doublings);
    return `| ${row.label} | ${percent(row.first)} | ${percent(row.last)} | ${gain} |`;
  });
  return [
    `| setting | N=${first} | N=${last} | gain per doubling (pts) |`,
    '|---|---:|---:|---:|',
    ...lines,
  ].join('\n');
}

function writeReports(
  lines: readonly SearchRunLine[],
  table: unknown,
  investigation: readonly InvestigationRow[],
  wallMs: number,
): void {
  const all = pointsFor(
    lines.filter((line) => !line.strategy.startsWith('compute_optimal')),
    'all',
  );
  const test = pointsFor(lines, 'test');
  const easy = pointsFor(lines, 'easy');
  const hard = pointsFor(lines, 'hard');
  const names = [...STRATEGIES, 'compute_optimal'];
  const verdicts: string[] = [];
  const holds = (ok: boolean): string => (ok ? 'holds' : 'does NOT hold');
  // (a)
  const single = accuracy(all, 'majority_vote', 1) ?? 0;
  const aRows = BUDGETS.map((budget) => {
    const weighted = accuracy(all, 'weighted_vote', budget) ?? 0;
    const majority = accuracy(all, 'majority_vote', budget) ?? 0;
    return { budget, weighted, majority, ok: weighted >= majority && majority >= single };
  });
  verdicts.push(
    `(a) weighted vote >= majority vote >= single sample (${percent(single)}%) at every budget: ${holds(aRows.every((row) => row.ok))} — ${aRows.map((row) => `N=${row.budget}: ${percent(row.weighted)} / ${percent(row.majority)}`).join('; ')}`,
  );
  // (b), against both best-of-N pickers: Snell et al.'s baseline is "best-of-N weighted" (our
  // weighted_vote, search-and-learn's pred_weighted); best_of_n is the PRM's argmax.
  const small = BUDGETS.slice(0, 2);
  const large = BUDGETS.at(-1) as number;
  for (const [baseline, label] of [
    ['weighted_vote', "best-of-N weighted (Snell et al.'s baseline, weighted_vote)"],
    ['best_of_n', 'best-of-N by the PRM argmax (best_of_n)'],
  ] as const) {
    const gap = (points: CurvePoint[], budget: number): number =>
      (accuracy(points, 'beam_search', budget) ?? 0) - (accuracy(points, baseline, budget) ?? 0);
    const bHard = small.every((budget) => gap(hard, budget) > 0);
    // Caught up: within 2 points of beam search at the largest budget.
    const bEasy = gap(easy, large) <= 0.02;
    verdicts.push(
      `(b) vs ${label}: beam search beats it at small budgets on hard problems (difficulty >= 5): ${holds(bHard)} — beam - BoN at ${small.map((budget) => `N=${budget}: ${percent(gap(hard, budget))} pts`).join(', ')}; it catches up on easy problems (difficulty <= 3, within 2 pts at N=${large}): ${holds(bEasy)} — beam - BoN on easy: ${BUDGETS.map((budget) => `N=${budget}: ${percent(gap(easy, budget))}`).join(', ')} pts`,
    );
  }
  // (c)
  const slope = (name: string): number =>
    ((accuracy(all, name, large) ?? 0) - (accuracy(all, name, BUDGETS[0] as number) ?? 0)) /
    Math.log2(large / (BUDGETS[0] as number));
  const pfSlope = slope('particle_filtering');
  verdicts.push(
    `(c) particle filtering's accuracy grows faster with budget than beam search's: ${holds(pfSlope > 0 && pfSlope > slope('beam_search'))} — gain per doubling of N from ${BUDGETS[0]} to ${large}: particle filtering ${percent(slope('particle_filtering'))} pts, beam search ${percent(slope('beam_search'))} pts`,
  );
  // (d)
  const dRows = BUDGETS.map((budget) => {
    const optimal = accuracy(test, 'compute_optimal', budget) ?? 0;
    const best = Math.max(...STRATEGIES.map((name) => accuracy(test, name, budget) ?? 0));
    const bestName = STRATEGIES.find((name) => accuracy(test, name, budget) === best);
    return { budget, optimal, best, bestName };
  });
  verdicts.push(
    `(d) compute-optimal (fitted on the dev split) >= the best single strategy on the test split at each budget: ${holds(dRows.every((row) => row.optimal >= row.best))} — ${dRows.map((row) => `N=${row.budget}: ${percent(row.optimal)} vs ${row.bestName} ${percent(row.best)}`).join('; ')}`,
  );
  const setup = [
    `World: \`rewardkit world serve ${WORLD_ARGS.join(' ')}\` (PRM: 0.8 for a correct step before noise, Gaussian logit noise sd 1.0); policy \`${POLICY_MODEL}\` (per-step error chance (1 - skill) x difficulty / 4), temperature 0.8.`,
    `${PROBLEMS} world problems (seed 0, indices 0..${PROBLEMS - 1}; difficulty = steps, 2 to 6), seeds ${SEEDS.join(',')}, budgets ${BUDGETS.join(',')} (majority vote also at N=1: the single sample). Every strategy at its default options (beam search, DVTS and early rejection pick by weighted vote, as search-and-learn reports them; particle filtering by argmax, as its_hub), except early_rejection with an 8-token cap (a world step is about 17 tokens). Dev split = even indices, test split = odd indices: compute_optimal (4 probes, which count as candidates) is fitted on the dev split only, from each strategy run as its forced choice there, and reported on the test split only. Wall time ${(wallMs / 60_000).toFixed(1)} min.`,
  ];
  const html = searchReportHtml('rewardkit search on the reference world', all, [...setup, ...verdicts]);
  writeFileSync(`${root}docs/search-report.html`, html);
  const md = [
    '# Test-time search on the reference world',
    '',
    'Made by `npm run search-report` (bench/reports/search-report.ts); the HTML with curves is docs/search-report.html. Why each claim holds or not on this world: docs/search.md, "Reading the report".',
    '',
    ...setup.map((text) => `${text}\n`),
    '## Claims',
    '',
    ...verdicts.map((text) => `- ${text}`),
    '',
    '## Accuracy (%) per strategy and budget, all problems (mean over seeds ± 95% half-width)',
    '',
    markdownTable(all, names),
    '',
    '## Hard problems (difficulty 5-6)',
    '',
    markdownTable(hard, names),
    '',
    '## Easy problems (difficulty 2-3)',
    '',
    markdownTable(easy, names),
    '',
    '## Test split (compute-optimal evaluated here)',
    '',
    markdownTable(test, names),
    '',
    '## Generated tokens per problem (mean), all problems',
    '',
    tokensTable(all, names),
    '',
    '## Generated tokens per problem (mean), test split (compute_optimal includes its 4 probes)',
    '',
    tokensTable(test, names),
    '',
    `## Claim (c) on other settings (all problems, N=${BUDGETS[0]} and N=${large})`,
    '',
    investigationTable(investigation, [
      {
        label: 'beam_search (default: weighted_vote), main world',
        first: accuracy(all, 'beam_search', BUDGETS[0] as number),
        last: accuracy(all, 'beam_search', large),
      },
      {
        label: 'particle_filtering (default: argmax, T = 1), main world',
        first: accuracy(all, 'particle_filtering', BUDGETS[0] as number),
        last: accuracy(all, 'particle_filtering', large),
      },
    ]),
    '',
    '## Fitted compute-optimal table (dev split, 3 difficulty bins; bin 0 = lowest mean PRM score)',
    '',
    '```json',
    JSON.stringify(table, null, 1),
    '```',
    '',
  ].join('\n');
  writeFileSync(`${root}docs/search-report.md`, md);
  console.log(verdicts.join('\n'));
}

await main();
