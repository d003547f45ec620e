import { RewardKitError } from '../core/errors.js';
import { type LabelRunLine, labelMethods, runLabelProblems } from '../labels/index.js';
import { endpointPolicyOf } from '../search/index.js';
import type { JobHandler } from './job-handler.js';
import { LabelJobDataSchema, type LabelJobResult } from './label-job.js';
import { oneRecord } from './one-record.js';
import { policyWithin, requireWithin, type WorkerCeilings } from './worker-ceilings.js';

/**
 * Label jobs: one problem labelled by the same driver code as a local run (`runLabelProblems`
 * over that one line), so the line it returns is the line a local run writes.
 */
export function labelJobHandler(ceilings: WorkerCeilings): JobHandler {
  return async (data): Promise<LabelJobResult> => {
    const parsed = LabelJobDataSchema.safeParse(data);
    if (!parsed.success) {
      throw new RewardKitError(
        'RK_USAGE',
        `a label job does not validate (${parsed.error.issues[0]?.message}); producer and worker versions differ?`,
      );
    }
    const job = parsed.data;
    const method = labelMethods.get(job.method, 'method');
    const options = method.optionsSchema.safeParse(job.options ?? {});
    if (!options.success) {
      throw new RewardKitError('RK_USAGE', `options for ${method.name}: ${options.error.issues[0]?.message}`);
    }
    const rollouts = (options.data as { rollouts?: unknown }).rollouts;
    if (typeof rollouts === 'number')
      requireWithin('rollouts', rollouts, ceilings.maxRollouts, '--max-rollouts');
    let result: LabelRunLine | undefined;
    await runLabelProblems(
      oneRecord(job.unit.problem, job.unit.line),
      {
        method,
        options: options.data,
        policy: endpointPolicyOf(policyWithin(job.policy, ceilings)),
        prover: job.prover === undefined ? undefined : endpointPolicyOf(policyWithin(job.prover, ceilings)),
        format: job.format,
        concurrency: 1,
        seed: job.seed,
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
