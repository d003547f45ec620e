/**
 * Writes docs/eval-prmbench-step-check.md, the PRMBench report of `type: step_check`:
 *
 *   npx tsx bench/process/prmbench-report.ts [--data-dir DIR]
 *
 * For each PRMBench file it finds (bench/dataset-path.ts: the 400-problem subset, the files built
 * from PRM800K's test split, PRMBench whole; the last two made by extract-prmbench-full.ts), it
 * runs the real CLI, `rewardkit eval --benchmark prmbench --scorer test/fixtures/eval/step-check.yaml`,
 * reads its metrics, computes the trivial every-step-valid baseline with the same metric code, and
 * runs the step checker over every step (prmbench-steps.ts) to count its "wrong" flags by label.
 * The model rows are the PRMBench paper's published scores (cited in the report).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { PrmBenchRecordSchema, prmBenchProcesses } from '../../src/eval/prmbench-format.js';
import {
  addConfusion,
  type Confusion,
  emptyConfusion,
  PRMBENCH_GROUPS,
  processConfusion,
  summarizePrmBench,
} from '../../src/eval/prmbench-metrics.js';
import { locateDataset, PRMBENCH, PRMBENCH_FULL, PRMBENCH_TEST_FILES } from '../dataset-path.js';
import { measureRecall, neededForFivePercent, type RecallResult, recallSection } from './prmbench-recall.js';
import { type PrmBenchStepResult, percent, prmBenchStepTable, runPrmBenchSteps } from './prmbench-steps.js';

const repositoryRoot = resolve(import.meta.dirname, '../..');
const argv = process.argv.slice(2);
const dataDirectoryAt = argv.indexOf('--data-dir');
if (dataDirectoryAt >= 0 && argv[dataDirectoryAt + 1] !== undefined)
  process.env['REWARDKIT_DATA_DIR'] = argv[dataDirectoryAt + 1];

interface Dataset {
  key: string;
  label: string;
  description: string;
  file: string;
}

const DATASETS = [
  {
    key: 'subset',
    label: 'subset 400',
    location: PRMBENCH,
    description:
      "PRMBench's `mr_eval/tasks/prmtest_classified_subset400/data/target_data.jsonl` (394 lines, 442 processes)",
  },
  {
    key: 'test',
    label: 'test files',
    location: PRMBENCH_TEST_FILES,
    description:
      'the `prm800k_test_p1_4o_*`, `prm800k_test_p2_4o_*` and `prm_test_p12_multi_solutions` files of `mr_eval/tasks/prmtest_classified/data/` (3,013 lines, 3,365 processes: the test split issue 9 counts)',
  },
  {
    key: 'full',
    label: 'whole',
    location: PRMBENCH_FULL,
    description:
      "every file of `mr_eval/tasks/prmtest_classified/data/` that PRMBench's test task loads, the `prm800k_train_p1_first400_4o_*` files included (6,216 lines, the size of the HF release PRMBench_Preview and of the paper's set; 6,969 processes)",
  },
] as const;

/** The PRMBench paper's PRMScores (x100): Overall, then the columns of CATEGORY_COLUMNS. */
const PAPER_ROWS: [string, number[]][] = [
  ['Skywork-PRM-7B', [65.1, 56.4, 62.8, 59.6, 69.4, 67.1, 67.7, 69.9, 68.5, 60.9, 65.8, 93.2, 73.3]],
  ['Qwen2.5-Math-PRM-7B', [65.5, 49.0, 55.1, 52.1, 71.8, 67.3, 66.3, 78.5, 71.0, 57.6, 69.1, 99.7, 75.5]],
  ['Qwen2.5-Math-PRM-72B', [68.2, 50.4, 58.8, 54.6, 73.7, 71.1, 72.2, 78.6, 73.9, 60.3, 71.2, 99.4, 77.0]],
  ['ReasonEval-34B', [60.5, 54.8, 48.1, 51.5, 66.4, 60.3, 57.8, 67.5, 63.0, 57.7, 64.3, 97.2, 73.1]],
  ['RLHFlow-PRM-Deepseek-8B', [54.2, 46.4, 48.9, 47.6, 55.7, 55.0, 53.2, 66.2, 57.5, 49.0, 55.4, 99.8, 68.1]],
  ['MathShepherd-Mistral-7B', [47.0, 44.0, 50.3, 47.1, 49.4, 44.5, 41.3, 47.7, 45.7, 47.2, 48.6, 86.1, 60.7]],
  ['Llemma-PRM800k-7B', [52.0, 49.3, 53.4, 51.4, 56.4, 47.1, 46.7, 53.3, 50.9, 51.0, 53.5, 93.6, 66.0]],
  ['GPT-4o (critic)', [66.8, 57.0, 62.4, 59.7, 72.0, 69.7, 70.7, 71.1, 70.9, 62.5, 65.7, 99.2, 75.8]],
];
/** Table columns after Overall: a class name, or a group name (the mean of its classes). */
const CATEGORY_COLUMNS = [
  'redundency',
  'circular',
  'simplicity',
  'counterfactual',
  'step_contradiction',
  'domain_inconsistency',
  'confidence',
  'soundness',
  'missing_condition',
  'deception',
  'multi_solutions',
  'sensitivity',
];
const NAMES: Record<string, string> = {
  ...Object.assign({}, ...Object.values(PRMBENCH_GROUPS)),
  simplicity: 'Simplicity',
  soundness: 'Soundness',
  sensitivity: 'Sensitivity',
};

/**
 * The checker before this work (commit 2dd482c, the same bench over the same files): equations
 * called wrong on error steps, on steps labelled correct (rewritten / after an error / original).
 */
const BEFORE: Record<string, { onError: number; onCorrect: [number, number, number] }> = {
  subset: { onError: 22, onCorrect: [2, 3, 20] },
  test: { onError: 166, onCorrect: [39, 35, 130] },
  full: { onError: 335, onCorrect: [107, 78, 247] },
};

/** The previous report (commit 48981cb): the same counts, before the claimed-value rule. */
const PREVIOUS: Record<string, { onError: number; onCorrect: [number, number, number] }> = {
  subset: { onError: 22, onCorrect: [2, 3, 4] },
  test: { onError: 153, onCorrect: [28, 14, 7] },
  full: { onError: 314, onCorrect: [88, 47, 81] },
};

const shareOf = (before: { onError: number; onCorrect: [number, number, number] } | undefined) => {
  if (before === undefined) return '-';
  const onCorrect = before.onCorrect.reduce((sum, value) => sum + value, 0);
  return `${onCorrect} of ${onCorrect + before.onError} (${percent(onCorrect, onCorrect + before.onError)})`;
};

interface Summary {
  overall: number;
  byClass: Record<string, { prmScore: number; confusion: Confusion }>;
  byGroup: Record<string, number>;
}

function evalWithCli(file: string, out: string): { summary: Summary; seconds: number } {
  const started = performance.now();
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(repositoryRoot, 'src/cli/main.ts'),
      'eval',
      '--benchmark',
      'prmbench',
      '--data',
      file,
      '--scorer',
      join(repositoryRoot, 'test/fixtures/eval/step-check.yaml'),
      '--out',
      out,
    ],
    { cwd: repositoryRoot, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const metrics = JSON.parse(readFileSync(out, 'utf8')) as {
    prm_score: number;
    by_class: Summary['byClass'];
    by_group: Summary['byGroup'];
  };
  return {
    summary: { overall: metrics.prm_score, byClass: metrics.by_class, byGroup: metrics.by_group },
    seconds: (performance.now() - started) / 1000,
  };
}

/** PRMScores of a PRM that calls every step valid, by PRMBench's own formula. */
function everyStepValid(file: string): Summary {
  const byClass = new Map<string, Confusion>();
  const seen = new Set<string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    for (const process of prmBenchProcesses(PrmBenchRecordSchema.parse(JSON.parse(line)))) {
      if (seen.has(process.id)) continue;
      seen.add(process.id);
      const confusion = byClass.get(process.classification) ?? emptyConfusion();
      byClass.set(process.classification, confusion);
      addConfusion(
        confusion,
        processConfusion(
          process.errorSteps,
          process.steps.map(() => true),
        ),
      );
    }
  }
  return summarizePrmBench(byClass);
}

const score = (value: number | undefined) => (value === undefined ? '-' : (100 * value).toFixed(1));

function scoreRow(name: string, data: string, summary: Summary, bold = false): string {
  const cells = CATEGORY_COLUMNS.map((column) =>
    score(summary.byClass[column]?.prmScore ?? summary.byGroup[column]),
  );
  const overall = score(summary.overall);
  return `| ${bold ? `**${name}**` : name} | ${data} | ${bold ? `**${overall}**` : overall} | ${cells.join(' | ')} |`;
}

function shareCells(onError: number, onCorrect: number): string {
  return `${onError} | ${onCorrect} | ${percent(onCorrect, onCorrect + onError)}`;
}

function main(): void {
  const found: (Dataset & { location: unknown })[] = [];
  const missing: string[] = [];
  for (const dataset of DATASETS) {
    const located = locateDataset(dataset.location.variable, dataset.location.path);
    if (located.file === undefined) missing.push(`${dataset.label} (${located.tried.join(', ')})`);
    else found.push({ ...dataset, file: located.file });
  }
  if (found.length === 0) throw new Error(`no PRMBench data found: ${missing.join('; ')}`);
  const scratch = mkdtempSync(join(tmpdir(), 'prmbench-report-'));
  const results = found.map((dataset) => {
    console.error(`eval ${dataset.label}: ${dataset.file}`);
    const cli = evalWithCli(dataset.file, join(scratch, `${dataset.key}.json`));
    const steps = runPrmBenchSteps(dataset.file);
    const recall: RecallResult = measureRecall(dataset.file);
    return { dataset, cli, baseline: everyStepValid(dataset.file), steps, recall };
  });
  const byKey = (key: string) => results.find((result) => result.dataset.key === key);
  const lines: string[] = [];
  const add = (...more: string[]) => lines.push(...more);
  const main = byKey('test') ?? results[0];
  const headline = (result: (typeof results)[number]) =>
    `${result.steps.total.wrongOnCorrect} of ${
      result.steps.total.wrongOnCorrect + result.steps.total.wrongOnError
    } (${percent(result.steps.total.wrongOnCorrect, result.steps.total.wrongOnCorrect + result.steps.total.wrongOnError)})`;
  add(
    '# `step_check` as a rule-based PRM on PRMBench',
    '',
    '<!-- Generated by `npx tsx bench/process/prmbench-report.ts`; do not edit by hand. -->',
    '',
    'The exact arithmetic step checker (`type: step_check`) scores a step 1 when every equation it can',
    'check holds (or it has none) and 0 when one is wrong. Here it is evaluated as a process reward',
    'model on PRMBench with the benchmark\'s own metric, PRMScore, and its "wrong" flags are counted',
    "against PRMBench's step labels.",
    '',
    '## The command',
    '',
    '```sh',
    "# once: PRMBench's data as one JSONL file per set (from a checkout or a bare git mirror of ssmisya/PRMBench)",
    'npx tsx bench/process/extract-prmbench-full.ts PRMBENCH_REPO /data/prmbench/full.jsonl',
    'npx tsx bench/process/extract-prmbench-full.ts PRMBENCH_REPO /data/prmbench/test-files.jsonl --test-files-only',
    '# the report (this file); /data/prmbench/subset400.jsonl is the subset, ../shared/data is the default',
    'npx tsx bench/process/prmbench-report.ts --data-dir /data',
    '```',
    '',
    'For each set it runs the CLI exactly as a user would:',
    '',
    '```sh',
    'rewardkit eval --benchmark prmbench --data FILE --scorer test/fixtures/eval/step-check.yaml --out metrics.json',
    '```',
    '',
    '(`test/fixtures/eval/step-check.yaml` is a one-component spec: `{name: steps, type: step_check}`.)',
    'A step is valid when its score is above 0.5, as PRMBench thresholds its PRMs. The sets, all from',
    'ssmisya/PRMBench@a1ae4ea (Apache-2.0; not in this repository):',
    '',
    ...results.map(
      (result) =>
        `- **${result.dataset.label}**: ${result.dataset.description}; \`rewardkit eval\` took ${result.cli.seconds.toFixed(0)} s wall on the shared 2-core machine under load from other sessions.`,
    ),
    ...(missing.length > 0 ? ['', `Not found when this report was made: ${missing.join('; ')}.`] : []),
    '',
    "PRMBench's loader (`mr_eval/tasks/prmtest_classified/task.py`) reads every `*.jsonl` of its `data/`",
    'folder, the `prm800k_train_p1_first400_4o_*` files included, and keeps the first process of each',
    '`<classification>_<idx>`; the extractor drops the 5 repeated `multi_solutions` lines the same way.',
    'Issue 9 counts the "full test split" as 3,013 MATH solutions and 3,365 processes: the **test files**',
    "row. The paper's 6,216 problems are the **whole** row.",
    'The counting is the one the issue used: the step checker of e1e5e05 (the code the issue measured,',
    'before any of its work), counted the same way over the 3,013 lines of the test files (the 5 repeated',
    '`multi_solutions` lines kept), calls 975 equations wrong, 781 of them on steps labelled correct: the',
    "issue's figures exactly. Today's checker gives 214 and 49 on those lines, with or without the repeats.",
    '',
    '## Headline: how many of its "wrong" flags fall on steps PRMBench labels correct',
    '',
    ...results.map(
      (result) =>
        `- ${result.dataset.label}: ${headline(result)} (at 2dd482c: ${shareOf(BEFORE[result.dataset.key])}; previous report, 48981cb: ${shareOf(PREVIOUS[result.dataset.key])})`,
    ),
    '',
    `The issue's goal is at most 5 %. It is not met, and exact checking cannot meet it honestly. On the ${main?.dataset.label} every remaining flag on a`,
    'correct-labelled step was checked by hand again, with the whole process read (question, earlier',
    "steps), and each is a real arithmetic or substitution error in PRMBench's text (listed below), not a",
    'misreading; the one that was a misreading (`$100/60 = 1$ gives us 1 as the multiple`, a count of',
    'multiples) is now read as the whole quotient. PRMBench labels only the steps it meant to corrupt; its',
    'generator also rewrote other steps (`modified_steps`) without listing them in `error_steps`, later',
    'steps carry the injected error on, and the original PRM800K solutions hold slips of their own',
    '(`8 + 36 = 42`). Hiding those would mean calling `8 + 36 = 42` right.',
    ...(main === undefined
      ? []
      : [
          '',
          `The ceiling (section "Recall" below): with ${main.recall.flaggedCorrect} flagged steps labelled correct, 5% takes ${neededForFivePercent(
            main.recall.flaggedCorrect,
          )} flagged error steps; of the ${main.recall.errorSteps} error steps of the ${main.dataset.label}, only ${
            main.recall.withDecided
          } (${percent(main.recall.withDecided, main.recall.errorSteps)}) hold an equation an exact checker can decide at all`,
          `(both sides constants), and step_check flags ${main.recall.flaggedError} of them. Even flagging every one of the ${main.recall.withDecided}, true`,
          `or not, would leave ${percent(main.recall.flaggedCorrect, main.recall.flaggedCorrect + main.recall.withDecided)} of the flags on correct-labelled steps (counted in steps).`,
          `Counted in equations, as the headline counts: the error steps hold ${main.recall.decidedEquationsOnError} decided equations, of which ${main.recall.wrongEquationsOnError} are called`,
          `wrong; the other ${main.recall.decidedEquationsOnError - main.recall.wrongEquationsOnError} hold (read by hand on a sample: the injected error is in a premise next to them,`,
          '`$15*720=10800$` after a wrong count of 15), so 5% there would mean calling true equations wrong. The',
          'rest of the error steps hold no constant equation: most injected errors are a wrong premise, formula or conclusion whose',
          'arithmetic is right. Even the words the generator leaves in its injected steps (`incorrectly`,',
          '`mistakenly`, `assume`), which are not mathematics and were not considered as a rule, fall on error',
          `steps only ${main.recall.generatorWords.onError} times in ${main.recall.generatorWords.onError + main.recall.generatorWords.onCorrect} (${percent(
            main.recall.generatorWords.onError,
            main.recall.generatorWords.onError + main.recall.generatorWords.onCorrect,
          )}) in the ${main.dataset.label}. Eight candidate rules that would look further (across steps, into identities in`,
          'variables, into words) were measured; none puts 95% of its flags on error steps, and together they',
          `would add at most ${main.recall.candidates.reduce((sum, c) => sum + c.onError, 0)} error-step flags for ${main.recall.candidates.reduce(
            (sum, c) => sum + c.onCorrect,
            0,
          )} on correct-labelled steps (sums over the rules; they overlap).`,
        ]),
    '',
    '## Result (PRMScore x 100)',
    '',
    `| model | data | Overall | ${CATEGORY_COLUMNS.map((column) => NAMES[column] ?? column).join(' | ')} |`,
    `|---|---|---|${CATEGORY_COLUMNS.map(() => '---').join('|')}|`,
    ...results.map((result) =>
      scoreRow('step_check (rule-based, this repo)', result.dataset.label, result.cli.summary, true),
    ),
    ...results.map((result) =>
      scoreRow('every step valid (trivial baseline)', result.dataset.label, result.baseline),
    ),
    ...PAPER_ROWS.map(
      ([name, values]) =>
        `| ${name} | paper (whole) | ${values[0]?.toFixed(1)} | ${values
          .slice(1)
          .map((value) => value.toFixed(1))
          .join(' | ')} |`,
    ),
    '',
    'Model rows: the PRMBench paper\'s main results table (Song et al., "PRMBench: A Fine-grained and',
    'Challenging Benchmark for Process-Level Reward Models", arXiv:2501.03124, the table of PRMScores of',
    "open-source PRMs and LLM critics per category), read from the authors' own table-generating notebook",
    '`mr_visualize/eval_res_view/draw_tabs/form_latex_strs.ipynb` (ssmisya/PRMBench@a1ae4ea), whose stored',
    'output is the LaTeX of that table. They are on PRMBench whole (6,216 problems): compare them with the',
    '**whole** row. Categories: NR. non-redundancy (`redundency`), NCL. non-circular logic (`circular`),',
    'ES. empirical soundness (`counterfactual`), SC. step consistency (`step_contradiction`), DC. domain',
    'consistency (`domain_inconsistency`), CI. confidence invariance (`confidence`), PS. prerequisite',
    'sensitivity (`missing_condition`), DR. deception resistance (`deception`), MS. multi-solution',
    'consistency (`multi_solutions`, scored by F1 alone); group columns are the mean of their categories.',
    "With PRMBench's formula a PRM that finds nothing scores 0.5 x F1 on every category (the baseline rows).",
    "PRMBench's own scoring code gives the same figures on the `--predictions` file (checked on the",
    'subset, largest difference 0.0; see docs/eval.md).',
    '',
    '## What it catches and what it is blind to',
    '',
    'Equations called wrong per category: on error steps, and on steps labelled correct split by where',
    "the step comes from (a step PRMBench's generator rewrote but did not list as an error / a step after",
    'the first error step / an untouched step of the original solution before any error). Steps flagged:',
    'precision = flagged error steps / all flagged steps, recall = flagged error steps / error steps.',
    '',
  );
  for (const result of results) {
    add(`### ${result.dataset.label}`, '', ...prmBenchStepTable(result.steps as PrmBenchStepResult), '');
  }
  add(
    '- **Strong where the error is a calculation**: confidence invariance (a wrong result stated with',
    '  confidence, `$5-1=3$`, `$4*4=14$`) is where its flags concentrate and where it beats the trivial',
    '  baseline clearly.',
    '- **Sees a wrong value for an unknown only inside one step**: `$2p=0.58$. So $p=0.58$.` is caught',
    "  (the claimed value does not solve the step's own equation); the same claim against an equation of",
    "  the previous step is not checked, because there the unknown is too often another case's.",
    '- **Blind to logic**: redundant steps (NR.) and circular reasoning (NCL.) hold correct arithmetic;',
    '  most injected errors in the other categories are wrong formulas, wrong premises or misused',
    '  conditions, which no exact evaluation can see. Its recall on error steps is a few percent.',
    "- A PRMScore of 0 in a category (NR. on the subset) comes from PRMBench's formula, not a worse",
    '  checker: with no flag on an error step there (TN = 0) and a flag on a correct one (FN > 0),',
    "  negative F1 is PRMBench's -1 sentinel and 0.5 x F1 - 0.5 < 0 is floored to 0.",
    '',
    '## Recall: how far exact checking can reach, and the rules measured to reach further',
    '',
    'Run alone with `npx tsx bench/process/prmbench-recall.ts FILE.jsonl ...` (bench/process/prmbench-recall.ts;',
    'the candidate rules are in bench/process/prmbench-recall-rules.ts, outside the checker). An equation is',
    '"decided" when both its sides read as constants (the only kind the checker judges). The error-step flags',
    'needed for 5% are 19 times the flagged correct-labelled steps. The injected error is found by pairing',
    "each error step with the step of PRMBench's `original_process` that shares most of its tokens (data the",
    'checker never sees): when they share at least half, their numbers, operators and LaTeX symbols, and',
    'words are compared; otherwise the step is new or rewritten beyond recognition.',
    '',
    ...recallSection(results.map((result) => ({ label: result.dataset.label, result: result.recall }))),
    '',
    'Nearly half the injected errors change a number of the original step (the figures above), but the changed number is mostly a',
    'conclusion or a premise stated without a constant equation (`That gives us $9x = 4$. So $x =',
    '\\dfrac{4}{9}$.` where the original solution has `$9x = 5$`; `So there are 49 integer coordinates`',
    'where it has 48), which only a model of the problem can judge. The candidate rules fail the gate',
    "because solutions reuse names and quantities (a variable's value in another case or part, `D` recomputed),",
    "bring in numbers from mental arithmetic, state identities that hold only under the problem's",
    'conditions (`\\omega^3 = 1`, roots of a quadratic), and because the flags they raise on correct-labelled',
    "steps are often PRMBench's real slips again (`(49k^2 + 70k + 24)(7k + 8) = 343k^3 + 784k^2 + ...`, the",
    'right coefficient being 882; `4(19^3) = 27676`, it is 27436). The rounding-interval reading would',
    'remove the one flag that is arguably rounding (`4.472^2 = 20.000784`, 4.472 standing for √20) but also',
    'real error-step flags (`0.8*60=45`, `113.64 * 1.47 = 167.06`), so the strict reading stays.',
    '',
    '## Before and after (equations called wrong; same bench, same files)',
    '',
    'Before: commit 2dd482c (each side read whole by the math parser, but the prose scanner reading',
    'list dashes as minus signs, `1 mod 4 = 1` as `4 = 1`, remainders as exact division, repeating',
    'decimals truncated). Previous: commit 48981cb (the reading rules below, before the claimed-value',
    'rule and the multiples reading). After: this commit.',
    '',
    '| data | | on error steps | on steps labelled correct | share on correct | of which rewritten / after an error / original |',
    '|---|---|---|---|---|---|',
  );
  for (const result of results) {
    const before = BEFORE[result.dataset.key];
    if (before !== undefined) {
      const onCorrect = before.onCorrect.reduce((sum, value) => sum + value, 0);
      add(
        `| ${result.dataset.label} | before | ${shareCells(before.onError, onCorrect)} | ${before.onCorrect.join(' / ')} |`,
      );
    }
    const previous = PREVIOUS[result.dataset.key];
    if (previous !== undefined) {
      const onCorrect = previous.onCorrect.reduce((sum, value) => sum + value, 0);
      add(
        `| ${result.dataset.label} | previous | ${shareCells(previous.onError, onCorrect)} | ${previous.onCorrect.join(' / ')} |`,
      );
    }
    const t = result.steps.total;
    add(
      `| ${result.dataset.label} | after | ${shareCells(t.wrongOnError, t.wrongOnCorrect)} | ${t.wrongOnRewritten} / ${t.wrongAfterError} / ${t.wrongOnOriginal} |`,
    );
  }
  add(
    '',
    'Flags lost on error steps between before and after were misreadings too (`- 8^2 = 64` read as',
    '`-64 = 64`, `$4^4 = 4` across an unclosed dollar, a repeating decimal, `10000 \\div 7 = 1428`',
    'with remainder 4 on a redundancy step) or quantities with units (`\\text{1000000 lire} = ...`).',
    "On GSM8K's gold solutions (`npm run bench -- process`): 3 equations called wrong before, 2 after",
    '(`$3/2 = $1.50+$3.00=$4.50` is now read as the running computation it is; `$32 - $20 = $300` and',
    '`48 = 100% + 20% = 120%` are real slips in the gold answers), and 1,271 of 1,271 corrupted',
    'annotations caught, before and after.',
    '',
  );
  const listed = main;
  if (listed !== undefined) {
    add(
      `## Every flag on a step labelled correct (${listed.dataset.label})`,
      '',
      "Each checked by hand against the step's text and the steps before it: all are real arithmetic or",
      "substitution errors in PRMBench's data.",
      'Repeated lines are one solution copied into several categories.',
      '',
      ...listed.steps.alarms.map((alarm) => `- \`${alarm.replace(/`/g, "'")}\``),
      '',
    );
  }
  add(readFileSync(join(repositoryRoot, 'bench/process/prmbench-report-rules.md'), 'utf8').trimEnd(), '');
  const out = join(repositoryRoot, 'docs/eval-prmbench-step-check.md');
  writeFileSync(out, `${lines.join('\n')}\n`);
  console.error(`wrote ${relative(process.cwd(), out)}`);
}

main();
