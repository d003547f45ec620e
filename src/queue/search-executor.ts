import { toErrorInfo } from '../core/errors.js';
import { errorRunLine, type SearchUnit, type SearchUnitExecutor, searchCancelled } from '../search/index.js';
import type { JobClient } from './job-client.js';
import { SEARCH_JOB_NAME, type SearchJobData, type SearchJobResult } from './search-job.js';

/** What every search job of one run carries besides its unit: the driver's choices. */
export type SearchJobPlan = Omit<SearchJobData, 'unit'>;

/** The problem as a problem line a worker parses back into the same problem. */
function problemLine(unit: SearchUnit): Record<string, unknown> {
  const { problem } = unit;
  return {
    id: problem.id,
    prompt: problem.prompt,
    ...(problem.reference?.answer === undefined ? {} : { reference: { answer: problem.reference.answer } }),
  };
}

/**
 * `rewardkit search --redis`: each unit becomes a search job for the `rewardkit worker`s; its
 * line comes back as the worker wrote it. A job that failed for good (a ceiling, a worker that
 * died on it too often, Redis gone) becomes the unit's error line, so nothing is dropped and
 * `--resume` searches it again. `signal` cancels the run's jobs: a job not taken is removed, a job
 * running is aborted on its worker (JobClient.cancel), and the unit is an error line.
 */
export function queueSearchExecutor(
  jobs: JobClient,
  plan: SearchJobPlan,
  signal?: AbortSignal,
): SearchUnitExecutor {
  return async (unit) => {
    const data: SearchJobData = {
      ...plan,
      unit: { problem: problemLine(unit), line: unit.line, budget: unit.budget, seed: unit.seed },
    };
    try {
      const value = (await jobs.run(SEARCH_JOB_NAME, data, signal)) as SearchJobResult | null;
      if (value?.line === undefined) throw new Error('a search job returned no line');
      return value.line;
    } catch (error) {
      const head = {
        problem_id: unit.problem.id,
        line: unit.line,
        strategy: plan.strategy,
        budget: unit.budget,
        seed: unit.seed,
      };
      // Cancelled (Ctrl-C): the same error line as a local run's, with the canceller's reason.
      return errorRunLine(head, toErrorInfo(signal?.aborted === true ? searchCancelled(signal) : error));
    }
  };
}
