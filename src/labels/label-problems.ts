import { BoundedTasks } from '../core/bounded-tasks.js';
import { toErrorInfo } from '../core/errors.js';
import type { JsonlRecord } from '../io/jsonl-reader.js';
import { ComputeLedger, cancellablePolicy, type Policy, splitSteps } from '../search/index.js';
import { labelProblemFromLine } from './label-problem-input.js';
import { mathShepherdLine, trlStepwiseLine } from './output-formats.js';
import type { LabelMethod, LabelProblem } from './types.js';

export type LabelFormat = 'trl' | 'math_shepherd';

export interface LabelRunPlan {
  method: LabelMethod<unknown>;
  options: unknown;
  policy: Policy;
  prover?: Policy | undefined;
  format: LabelFormat;
  concurrency: number;
  seed: number;
  /** Where each problem is labelled: here when absent, else e.g. on `rewardkit worker`s (queue/). */
  executor?: LabelUnitExecutor | undefined;
  /**
   * Cancels the run (Ctrl-C): no more lines are read once it fires; the problems being labelled
   * stop calling the models at once and the ones already queued call none; each becomes an error
   * line with the signal's reason.
   */
  signal?: AbortSignal | undefined;
}

/** One problem to label, with whether its line brought a solution (else the policy writes one). */
export interface LabelUnit {
  problem: LabelProblem;
  hasSolution: boolean;
  line: number;
}

/** Labels one problem and gives its output line (an error line when it fails, never a throw). */
export type LabelUnitExecutor = (unit: LabelUnit) => Promise<LabelRunLine>;

/** One output line: the labels in the chosen format plus what they cost, or an error. */
export interface LabelRunLine {
  id: string | number | null;
  line: number;
  status: 'ok' | 'error';
  [field: string]: unknown;
}

/** A solution written by the policy, for problems that come without one. */
async function writeSolution(problem: LabelProblem, policy: Policy, seed: number): Promise<string[]> {
  const [solution] = await policy.continue(problem, '', { n: 1, untilStepEnd: false, seed });
  return splitSteps(solution?.text ?? '');
}

async function labelOne(
  problem: LabelProblem,
  hasSolution: boolean,
  line: number,
  plan: LabelRunPlan,
): Promise<LabelRunLine> {
  const ledger = new ComputeLedger();
  const { signal } = plan;
  const metered = (model: Policy) =>
    ledger.meterPolicy(signal === undefined ? model : cancellablePolicy(model, signal));
  const policy = metered(plan.policy);
  const prover = plan.prover === undefined ? undefined : metered(plan.prover);
  try {
    const steps = hasSolution ? problem.steps : await writeSolution(problem, policy, plan.seed);
    const withSteps = { ...problem, steps };
    if (steps.length === 0) throw new Error('the solution has no steps');
    const result = await plan.method.label(withSteps, plan.options, {
      policy,
      prover,
      ledger,
      seed: plan.seed,
    });
    const formatted =
      plan.format === 'trl' ? trlStepwiseLine(withSteps, result) : mathShepherdLine(withSteps, result);
    const labelled = result.labels.filter((label) => label.label !== null).length;
    return {
      id: problem.id,
      line,
      status: 'ok',
      ...formatted,
      method: result.method,
      values: result.labels.map((label) => label.value),
      rollouts: result.rollouts,
      rollouts_per_label: labelled === 0 ? null : result.rollouts / labelled,
      compute: ledger.totals(),
    };
  } catch (error) {
    const info = toErrorInfo(error);
    return {
      id: problem.id,
      line,
      status: 'error',
      error: { code: info.code, message: info.message },
      compute: ledger.totals(),
    };
  }
}

/**
 * Labels every problem line (streamed, bounded concurrency), one output line each, errors
 * included. Once `plan.signal` fires no more lines are read: those get no output line, and
 * `--resume` labels them with the ones that ended in an error.
 */
export async function runLabelProblems(
  records: AsyncIterable<JsonlRecord[]>,
  plan: LabelRunPlan,
  done: ReadonlySet<string>,
  emit: (line: LabelRunLine) => Promise<void>,
): Promise<void> {
  const tasks = new BoundedTasks(plan.concurrency);
  const execute: LabelUnitExecutor =
    plan.executor ?? ((unit) => labelOne(unit.problem, unit.hasSolution, unit.line, plan));
  for await (const batch of records) {
    for (const record of batch) {
      if (plan.signal?.aborted) break;
      const parsed =
        'error' in record
          ? { error: `line ${record.line}: ${record.error.message}` }
          : labelProblemFromLine(record.value, record.line);
      if ('error' in parsed) {
        await emit({
          id: null,
          line: record.line,
          status: 'error',
          error: { code: 'RK_INPUT_INVALID', message: parsed.error },
        });
        continue;
      }
      if (done.has(JSON.stringify(parsed.problem.id))) continue;
      const unit = { problem: parsed.problem, hasSolution: parsed.hasSolution, line: record.line };
      await tasks.add(async () => emit(await execute(unit)));
    }
  }
  await tasks.drain();
}
