import { RewardKitError } from '../core/errors.js';
import { type LabelRunLine, labelMethods, runLabelProblems } from '../labels/index.js';
import { endpointPolicyOf } from '../search/index.js';
import { parseJobData, parseJobOptions } from './job-data.js';
import type { JobHandler } from './job-handler.js';
import { LabelJobDataSchema, type LabelJobResult } from './label-job.js';
import { oneRecord } from './one-record.js';
import { policyWithin, requireWithin, type WorkerCeilings } from './worker-ceilings.js';

/**
 * Label jobs: one problem labelled by the same driver code as a local run (`runLabelProblems`
 * over that one line), so the line it returns is the line a local run writes. A cancelled job
 * (its run interrupted: `signal`) stops calling the models at once.
 */
export function labelJobHandler(ceilings: WorkerCeilings): JobHandler {
  return async (data, signal): Promise<LabelJobResult> => {
    const job = parseJobData(LabelJobDataSchema, data, 'label');
    const method = labelMethods.get(job.method, 'method');
    const options = parseJobOptions(method.optionsSchema, job.options, method.name);
    const rollouts = (options as { rollouts?: unknown }).rollouts;
    if (typeof rollouts === 'number')
      requireWithin('rollouts', rollouts, ceilings.maxRollouts, '--max-rollouts');
    let result: LabelRunLine | undefined;
    await runLabelProblems(
      oneRecord(job.unit.problem, job.unit.line),
      {
        method,
        options,
        policy: endpointPolicyOf(policyWithin(job.policy, ceilings)),
        prover: job.prover === undefined ? undefined : endpointPolicyOf(policyWithin(job.prover, ceilings)),
        format: job.format,
        concurrency: 1,
        seed: job.seed,
        signal,
      },
      new Set(),
      async (line) => {
        result = line;
      },
    );
    if (result === undefined) throw new RewardKitError('RK_INTERNAL', 'the label job produced no line');
    return { line: result };
  };
}
