import { canonicalJson } from '../core/canonical-json.js';
import { RewardKitError } from '../core/errors.js';
import { parseSpec } from '../core/spec.js';
import {
  endpointPolicyOf,
  runSearchProblems,
  type SearchRunLine,
  SpecVerifier,
  searchStrategies,
} from '../search/index.js';
import { parseJobData, parseJobOptions } from './job-data.js';
import type { JobHandler } from './job-handler.js';
import { oneRecord } from './one-record.js';
import { SearchJobDataSchema, type SearchJobResult } from './search-job.js';
import type { SharedResources } from './shared-resources.js';
import { modelsWithin, policyWithin, requireWithin, type WorkerCeilings } from './worker-ceilings.js';

/**
 * Search jobs: one (problem, budget, seed) unit searched by the same driver code as a local run
 * (`runSearchProblems` over that one line), so the line it returns is the line a local run
 * writes. The verifier of a distinct (spec, component) is compiled once and shared by its jobs.
 */
export function searchJobHandler(
  ceilings: WorkerCeilings,
  verifiers: SharedResources<SpecVerifier>,
): JobHandler {
  return async (data, signal): Promise<SearchJobResult> => {
    const job = parseJobData(SearchJobDataSchema, data, 'search');
    const strategy = searchStrategies.get(job.strategy, 'strategy');
    const options = parseJobOptions(strategy.optionsSchema, job.options, strategy.name);
    requireWithin('budget', job.unit.budget, ceilings.maxBudget, '--max-budget');
    const policy = endpointPolicyOf(policyWithin(job.policy, ceilings));
    const rawSpec = job.scorer.spec;
    const scorerSpec = {
      ...rawSpec,
      ...(rawSpec['models'] === undefined
        ? {}
        : {
            models: modelsWithin(rawSpec['models'] as Record<string, { max_concurrency?: number }>, ceilings),
          }),
    };
    const key = canonicalJson({ spec: scorerSpec, component: job.scorer.component ?? null });
    return verifiers.use(
      key,
      () => new SpecVerifier(parseSpec(scorerSpec, 'search job scorer'), job.scorer.component),
      async (verifier) => {
        let result: SearchRunLine | undefined;
        await runSearchProblems(
          oneRecord(job.unit.problem, job.unit.line),
          {
            strategy,
            options,
            budgets: [job.unit.budget],
            seeds: [job.unit.seed],
            policy,
            verifier,
            prices: job.prices,
            concurrency: 1,
            keepCandidates: job.keepCandidates,
            signal,
          },
          new Set(),
          async (line) => {
            result = line;
          },
        );
        if (result === undefined) throw new RewardKitError('RK_INTERNAL', 'the search job produced no line');
        return { line: result };
      },
    );
  };
}
