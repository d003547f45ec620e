/**
 * `npm run labels-report`: measures `rewardkit label`'s methods on the reference world, where the
 * truth of every step is known (`judgeSteps`: a step is correct when every result up to it is the
 * true running value). It starts the world itself, lets a weak policy write one solution per
 * problem (so that many contain errors), labels every solution with math_shepherd (hard, soft),
 * omegaprm and progress at several rollout counts, and writes docs/labels-report.md: step-label
 * accuracy, first-error accuracy and rollouts per label. Sizes: LABELS_REPORT_PROBLEMS (default 60).
 */
import { writeFileSync } from 'node:fs';
import { type LabelProblem, labelMethods } from '../../src/labels/index.js';
import { endpointApis, resetSharedClients } from '../../src/models/index.js';
import {
  ComputeLedger,
  DEFAULT_POLICY_TEMPLATE,
  EndpointPolicy,
  splitSteps,
} from '../../src/search/index.js';
import { judgeSteps, problemSample } from '../../src/world/index.js';
import { repositoryRoot, startWorld } from './start-world.js';

const PROBLEMS = Number(process.env['LABELS_REPORT_PROBLEMS'] ?? 60);
const ROLLOUTS = (process.env['LABELS_REPORT_ROLLOUTS'] ?? '1,2,4,8,16').split(',').map(Number);
const SOLVER = 'policy-0.6';
const ROLLOUT_POLICY = 'policy-0.8';
const METHODS: { label: string; method: string; options: Record<string, unknown> }[] = [
  { label: 'math_shepherd (hard)', method: 'math_shepherd', options: { estimation: 'hard' } },
  { label: 'math_shepherd (soft >= 0.5)', method: 'math_shepherd', options: { estimation: 'soft' } },
  { label: 'omegaprm', method: 'omegaprm', options: {} },
  { label: 'progress (A >= 0)', method: 'progress', options: {} },
];

interface Row {
  method: string;
  rollouts: number;
  stepAccuracy: number;
  firstErrorAccuracy: number;
  rolloutsPerLabel: number;
  rolloutsPerSolution: number;
}

/** Index of the first false label (null counts as false: after the first error), or -1. */
function firstError(labels: readonly (boolean | null)[]): number {
  return labels.findIndex((label) => label !== true);
}

async function main(): Promise<void> {
  const started = Date.now();
  const world = await startWorld(['--seed', '0']);
  const policyFor = (model: string) =>
    new EndpointPolicy(
      endpointApis(
        { base_url: world.baseUrl, model, max_concurrency: 32, timeout_s: 60, max_retries: 2 },
        { concurrency: 16, allowUnsandboxed: false },
        { max_batch: 1, max_wait_ms: 0 },
      ),
      { api: 'completions', template: DEFAULT_POLICY_TEMPLATE, temperature: 0.8, maxTokens: 512, topP: 1 },
    );
  const solver = policyFor(SOLVER);
  const rollout = policyFor(ROLLOUT_POLICY);
  const rows: Row[] = [];
  let wrongSteps = 0;
  let totalSteps = 0;
  let wrongSolutions = 0;
  try {
    const problems: { problem: LabelProblem; truth: boolean[] }[] = [];
    for (let index = 0; index < PROBLEMS; index += 1) {
      const sample = problemSample(0, index);
      const [solution] = await solver.continue(sample, '', { n: 1, untilStepEnd: false, seed: 1000 + index });
      const steps = splitSteps(solution?.text ?? '');
      const truth = judgeSteps(sample.prompt, steps).stepCorrect;
      problems.push({ problem: { ...sample, steps }, truth });
      totalSteps += steps.length;
      wrongSteps += truth.filter((value) => !value).length;
      wrongSolutions += truth.includes(false) ? 1 : 0;
    }
    for (const { label, method, options } of METHODS) {
      const labeller = labelMethods.get(method);
      for (const count of ROLLOUTS) {
        let right = 0;
        let firstRight = 0;
        let spent = 0;
        await Promise.all(
          problems.map(async ({ problem, truth }, index) => {
            const ledger = new ComputeLedger();
            const result = await labeller.label(
              problem,
              labeller.optionsSchema.parse({ ...options, rollouts: count }),
              { policy: ledger.meterPolicy(rollout), ledger, seed: 17 + index },
            );
            const predicted = result.labels.map((step) => step.label);
            right += truth.filter((value, step) => (predicted[step] === true) === value).length;
            firstRight += firstError(predicted) === truth.indexOf(false) ? 1 : 0;
            spent += result.rollouts;
          }),
        );
        rows.push({
          method: label,
          rollouts: count,
          stepAccuracy: right / totalSteps,
          firstErrorAccuracy: firstRight / problems.length,
          rolloutsPerLabel: spent / totalSteps,
          rolloutsPerSolution: spent / problems.length,
        });
        console.log(JSON.stringify(rows.at(-1)));
      }
    }
  } finally {
    resetSharedClients();
    world.stop();
  }
  const percent = (value: number): string => (100 * value).toFixed(1);
  const table = [
    '| method | N rollouts per probe | step-label accuracy % | first-error located % | rollouts per step label | rollouts per solution |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.method} | ${row.rollouts} | ${percent(row.stepAccuracy)} | ${percent(row.firstErrorAccuracy)} | ${row.rolloutsPerLabel.toFixed(2)} | ${row.rolloutsPerSolution.toFixed(1)} |`,
    ),
  ].join('\n');
  const shepherd = rows.filter((row) => row.method === 'math_shepherd (hard)');
  const omega = rows.filter((row) => row.method === 'omegaprm');
  const comparisons = shepherd.map((target) => {
    const cheapest = omega
      .filter((row) => row.stepAccuracy >= target.stepAccuracy)
      .sort((left, right) => left.rolloutsPerLabel - right.rolloutsPerLabel)[0];
    return cheapest === undefined
      ? `- Math-Shepherd (hard) at N=${target.rollouts}: ${percent(target.stepAccuracy)}% with ${target.rolloutsPerLabel.toFixed(2)} rollouts per label; OmegaPRM never reaches it here.`
      : `- Math-Shepherd (hard) at N=${target.rollouts}: ${percent(target.stepAccuracy)}% with ${target.rolloutsPerLabel.toFixed(2)} rollouts per label; OmegaPRM reaches ${percent(cheapest.stepAccuracy)}% at N=${cheapest.rollouts} with ${cheapest.rolloutsPerLabel.toFixed(2)} (${(target.rolloutsPerLabel / Math.max(cheapest.rolloutsPerLabel, 1e-9)).toFixed(1)}x fewer).`;
  });
  const sameN = shepherd.map((target) => {
    const same = omega.find((row) => row.rollouts === target.rollouts) as Row;
    return `- N=${target.rollouts}: Math-Shepherd (hard) ${percent(target.stepAccuracy)}% at ${target.rolloutsPerLabel.toFixed(2)} rollouts per label, OmegaPRM ${percent(same.stepAccuracy)}% at ${same.rolloutsPerLabel.toFixed(2)} (${(target.rolloutsPerLabel / Math.max(same.rolloutsPerLabel, 1e-9)).toFixed(1)}x fewer).`;
  });
  const md = [
    '# Step labels on the reference world',
    '',
    'Made by `npm run labels-report` (bench/reports/labels-report.ts). Method formulas and formats: docs/labels.md.',
    '',
    `Setup: \`rewardkit world serve --seed 0\`; ${PROBLEMS} world problems (seed 0, indices 0..${PROBLEMS - 1}, 2 to 6 steps); one solution each written by \`${SOLVER}\` (temperature 0.8): ${totalSteps} steps, ${wrongSteps} of them wrong (${percent(wrongSteps / totalSteps)}%), ${wrongSolutions} of ${PROBLEMS} solutions with an error. Rollouts by \`${ROLLOUT_POLICY}\` (also the prover for progress). Truth: \`judgeSteps\` (a step is correct when every result up to it is the true running value, so every step after the first error is wrong). A label left unset (OmegaPRM after the first error) counts as "wrong step", the convention of OmegaPRM and TRL's stepwise format. Wall time ${((Date.now() - started) / 60_000).toFixed(1)} min.`,
    '',
    table,
    '',
    '## OmegaPRM against Math-Shepherd (hard), equal or better step-label accuracy at the fewest rollouts',
    '',
    ...comparisons,
    '',
    '## At the same rollouts per probed prefix',
    '',
    ...sameN,
    '',
    '## Reading the table',
    '',
    '- Hard estimation (good iff any rollout reaches the answer) grows optimistic with N on this world: a wrong result is off by 1 to 3, and a later wrong result can cancel it, so with many rollouts one of them reaches the reference answer from a prefix that is already wrong, and the wrong step is labelled good. Math-Shepherd and OmegaPRM both decide by MC > 0, so both lose accuracy past a few rollouts; soft estimation (MC >= 0.5) is immune to lucky rollouts and keeps improving with N.',
    '- OmegaPRM probes about log2 T prefixes instead of T - 1 and infers the rest from monotonicity (once no rollout succeeds, later prefixes fail too), so at the same N it spends about half the rollouts of Math-Shepherd here (solutions of 2 to 6 steps; the saving grows with T).',
    "- `progress` labels a step good when it does not lower the prover's success rate. A step after the first error has progress about 0 (nothing left to lose), so it is labelled good while the truth (on track or not) calls it wrong: progress measures what a step adds, not whether the solution is still right, and scores low on step accuracy by construction; its first-error column is the fairer figure.",
    '',
  ].join('\n');
  writeFileSync(`${repositoryRoot}docs/labels-report.md`, md);
  console.log(md);
}

await main();
