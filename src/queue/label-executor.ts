import { toErrorInfo } from '../core/errors.js';
import type { LabelUnit, LabelUnitExecutor } from '../labels/index.js';
import { searchCancelled } from '../search/index.js';
import type { JobClient } from './job-client.js';
import { LABEL_JOB_NAME, type LabelJobData, type LabelJobResult } from './label-job.js';

/** What every label job of one run carries besides its problem: the driver's choices. */
export type LabelJobPlan = Omit<LabelJobData, 'unit'>;

/** The problem as a label line a worker parses back into the same problem. */
function problemLine(unit: LabelUnit): Record<string, unknown> {
  const { problem } = unit;
  return {
    id: problem.id,
    prompt: problem.prompt,
    reference: { answer: problem.reference?.answer },
    ...(unit.hasSolution ? { steps: problem.steps } : {}),
  };
}

/**
 * `rewardkit label --redis`: each problem becomes a label job for the `rewardkit worker`s; its
 * line comes back as the worker wrote it. A job that failed for good becomes the problem's error
 * line, so nothing is dropped and `--resume` labels it again. `signal` cancels the run's jobs: a
 * job not taken is removed, a job running is aborted on its worker (JobClient.cancel), and the
 * problem is an error line with the signal's reason.
 */
export function queueLabelExecutor(
  jobs: JobClient,
  plan: LabelJobPlan,
  signal?: AbortSignal,
): LabelUnitExecutor {
  return async (unit) => {
    const data: LabelJobData = { ...plan, unit: { problem: problemLine(unit), line: unit.line } };
    try {
      const value = (await jobs.run(LABEL_JOB_NAME, data, signal)) as LabelJobResult | null;
      if (value?.line === undefined) throw new Error('a label job returned no line');
      return value.line;
    } catch (error) {
      const info = toErrorInfo(signal?.aborted === true ? searchCancelled(signal) : error);
      return {
        id: unit.problem.id,
        line: unit.line,
        status: 'error',
        error: { code: info.code, message: info.message },
        compute: null,
      };
    }
  };
}
