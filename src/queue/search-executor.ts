import { toErrorInfo } from '../core/errors.js';
import { errorRunLine, type SearchUnit, type SearchUnitExecutor } from '../search/index.js';
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
 * `--resume` searches it again.
 */
export function queueSearchExecutor(jobs: JobClient, plan: SearchJobPlan): SearchUnitExecutor {
  return async (unit) => {
    const data: SearchJobData = {
      ...plan,
      unit: { problem: problemLine(unit), line: unit.line, budget: unit.budget, seed: unit.seed },
    };
    try {
      const value = (await jobs.run(SEARCH_JOB_NAME, data)) as SearchJobResult | null;
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
      return errorRunLine(head, toErrorInfo(error));
    }
  };
}
