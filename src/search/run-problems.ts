import { BoundedTasks } from '../core/bounded-tasks.js';
import { toErrorInfo } from '../core/errors.js';
import type { JsonlRecord } from '../io/jsonl-reader.js';
import { verifyAnswer } from '../math/index.js';
import { ComputeLedger, type TokenPrices } from './compute-ledger.js';
import { searchContext } from './search-context.js';
import { problemFromLine } from './search-problem-input.js';
import type {
  ComputeTotals,
  Policy,
  SearchProblem,
  SearchResult,
  SearchStrategy,
  StepVerifier,
} from './types.js';

/** What one `rewardkit search` run does: a strategy at several budgets and seeds over a problem file. */
export interface SearchRunPlan {
  strategy: SearchStrategy<unknown>;
  options: unknown;
  budgets: readonly number[];
  seeds: readonly number[];
  policy: Policy;
  verifier: StepVerifier;
  prices?: TokenPrices | undefined;
  /** Problems (x budgets x seeds) in flight at once; the endpoints' own limits still apply. */
  concurrency: number;
  /** Keep every candidate (and tree node) in the output lines; off keeps lines small. */
  keepCandidates: boolean;
  signal?: AbortSignal | undefined;
  /** Where each unit is searched: here when absent, else e.g. on `rewardkit worker`s (queue/). */
  executor?: SearchUnitExecutor | undefined;
}

/** One unit of work: a problem searched at one budget with one seed. */
export interface SearchUnit {
  problem: SearchProblem;
  line: number;
  budget: number;
  seed: number;
}

/** Searches one unit and gives its output line (an error line when it fails, never a throw). */
export type SearchUnitExecutor = (unit: SearchUnit) => Promise<SearchRunLine>;

/** One output line: one (problem, budget, seed) searched, or why it could not be. */
export interface SearchRunLine {
  problem_id: string | number | null;
  line: number;
  strategy: string;
  budget: number | null;
  seed: number | null;
  status: 'ok' | 'error';
  answer: string | null;
  /** Against `reference.answer` with the math verifier; null without a reference or when undecidable. */
  correct: boolean | null;
  response: string | null;
  selection: SearchResult['selection'] | null;
  compute: ComputeTotals | null;
  candidates?: SearchResult['candidates'];
  nodes?: SearchResult['nodes'];
  error: { code: string; message: string } | null;
}

/** Which unit a run line is about: the problem, its input line, strategy, budget and seed. */
export type SearchLineHead = Pick<SearchRunLine, 'problem_id' | 'line' | 'strategy' | 'budget' | 'seed'>;

/** The line of a unit that failed: no answer, the compute spent so far (if known), and the error. */
export function errorRunLine(
  head: SearchLineHead,
  error: { code: string; message: string },
  compute: ComputeTotals | null = null,
): SearchRunLine {
  return {
    ...head,
    status: 'error',
    answer: null,
    correct: null,
    response: null,
    selection: null,
    compute,
    error: { code: error.code, message: error.message },
  };
}

/**
 * A line without its texts (response, candidates, nodes): what the run's summary needs
 * (accuracy, compute, errors), so a long run can keep every line's summary without its content.
 */
export function lineSummary(line: SearchRunLine): SearchRunLine {
  const { candidates: _candidates, nodes: _nodes, ...summary } = line;
  return { ...summary, response: null };
}

/** The key of a unit of work, for `--resume`. */
export function unitKey(problemId: string | number, budget: number, seed: number): string {
  return JSON.stringify([problemId, budget, seed]);
}

function correctness(problem: SearchProblem, answer: string | null): boolean | null {
  const gold = problem.reference?.answer;
  if (gold === undefined) return null;
  if (answer === null) return false;
  const verdict = verifyAnswer(gold, `\\boxed{${answer}}`).verdict;
  return verdict === 'undecidable' ? null : verdict === 'equal';
}

async function searchOne(
  problem: SearchProblem,
  line: number,
  budget: number,
  seed: number,
  plan: SearchRunPlan,
): Promise<SearchRunLine> {
  const ledger = new ComputeLedger(plan.prices);
  const base = { problem_id: problem.id, line, strategy: plan.strategy.name, budget, seed };
  try {
    const result = await plan.strategy.run(
      problem,
      budget,
      plan.options,
      searchContext({
        policy: plan.policy,
        verifier: plan.verifier,
        ledger,
        seed,
        budget,
        signal: plan.signal,
      }),
    );
    return {
      ...base,
      strategy: result.strategy,
      status: 'ok',
      answer: result.answer,
      correct: correctness(problem, result.answer),
      response: result.response,
      selection: result.selection,
      compute: result.compute,
      ...(plan.keepCandidates ? { candidates: result.candidates, nodes: result.nodes } : {}),
      error: null,
    };
  } catch (error) {
    return errorRunLine(base, toErrorInfo(error), ledger.totals());
  }
}

/**
 * Runs the plan over problem records (streamed), calling `emit` once per unit of work as it
 * finishes (completion order). Units in `done` are skipped (resume). A bad line yields one error
 * line naming the line and the field; a unit whose generator or verifier fails yields an error
 * line with the compute it spent; nothing is dropped.
 */
export async function runSearchProblems(
  records: AsyncIterable<JsonlRecord[]>,
  plan: SearchRunPlan,
  done: ReadonlySet<string>,
  emit: (line: SearchRunLine) => Promise<void>,
): Promise<void> {
  const tasks = new BoundedTasks(plan.concurrency);
  const execute: SearchUnitExecutor =
    plan.executor ?? ((unit) => searchOne(unit.problem, unit.line, unit.budget, unit.seed, plan));
  for await (const batch of records) {
    for (const record of batch) {
      if (plan.signal?.aborted) break;
      const parsed =
        'error' in record
          ? { error: `line ${record.line}: ${record.error.message}` }
          : problemFromLine(record.value, record.line);
      if ('error' in parsed) {
        const head = {
          problem_id: null,
          line: record.line,
          strategy: plan.strategy.name,
          budget: null,
          seed: null,
        };
        await emit(errorRunLine(head, { code: 'RK_INPUT_INVALID', message: parsed.error }));
        continue;
      }
      for (const budget of plan.budgets) {
        for (const seed of plan.seeds) {
          if (done.has(unitKey(parsed.problem.id, budget, seed))) continue;
          const unit = { problem: parsed.problem, line: record.line, budget, seed };
          await tasks.add(async () => emit(await execute(unit)));
        }
      }
    }
  }
  await tasks.drain();
}
