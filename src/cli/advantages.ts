import type { Command } from 'commander';
import {
  type AdvantageItem,
  type AdvantagesConfig,
  AdvantagesConfigSchema,
  advantageEstimators,
  computeAdvantages,
  ESTIMATOR_NAMES,
  expandStepsToTokens,
} from '../advantages/index.js';
import { closestName, type ErrorInfo, UsageError } from '../core/errors.js';
import { describeZodIssues } from '../core/spec.js';
import { readJsonlFile } from '../io/jsonl-reader.js';
import { JsonlWriter } from '../io/jsonl-writer.js';
import { type AdvantageLine, outputLine, toAdvantageItem } from './advantages-lines.js';
import type { CliCommand } from './command.js';

interface AdvantagesFlags {
  estimator: string;
  in: string;
  out?: string;
  gamma?: string;
  lambda?: string;
  epsilon?: string;
  std?: string;
  whiten: boolean;
  processCoef?: string;
  outcomeCoef?: string;
  allowSingletonGroups?: boolean;
}

/** Estimators whose baseline comes from the other members of a group. */
const GROUP_ESTIMATORS: ReadonlySet<string> = new Set(['grpo', 'dr_grpo', 'rloo', 'reinforce_pp_baseline']);

/**
 * Refuses a group-based estimator when every sample is alone in its group: GRPO would give each
 * r/(1+eps) and RLOO 0, a silent no-op (typically a file whose lines lost their `group`).
 */
export function refuseSingletonGroups(estimator: string, items: readonly AdvantageItem[]): void {
  if (!GROUP_ESTIMATORS.has(estimator) || items.length === 0) return;
  const groups = new Set(items.map((item) => item.groupKey));
  if (groups.size < items.length) return;
  throw new UsageError(
    `every one of the ${items.length} samples is alone in its group, so ${estimator} has no group baseline (GRPO would give each r/(1+eps))`,
    'give each line a `group` (or identical `prompt`s for the samples of one prompt; `rewardkit score` output keeps `group`), or pass --allow-singleton-groups to compute anyway',
  );
}

const EXAMPLE = `
Input lines carry id, group (else identical prompt groups them) and reward, or step_rewards
(+ values for gae, + reward for prime, + baseline for remax). For outcome estimators,
step_rewards stand for verl's token-level rewards (summed into the outcome); response_length
gives token counts for REINFORCE++. Output: the input lines plus advantage (outcome estimators)
or step_advantages (+ step_returns) for per-step estimators, same order; a line that cannot get
one gets advantage null and an error.

Defaults match verl: GRPO std is torch.std (unbiased) + epsilon 1e-6; whitening uses the
unbiased variance and 1e-8; gamma = lambda = 1.

Example:
  $ cat rewards.jsonl
  {"id":"a1","group":"q1","reward":1}
  {"id":"a2","group":"q1","reward":0}
  $ rewardkit advantages --estimator grpo --in rewards.jsonl
  {"id":"a1","group":"q1","reward":1,"advantage":0.7071057811879616}
  {"id":"a2","group":"q1","reward":0,"advantage":-0.7071057811879616}
  $ rewardkit advantages --estimator gae --gamma 0.99 --lambda 0.95 --in steps.jsonl --out adv.jsonl`;

function numberFlag(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value))
    throw new UsageError(`--${name} must be a number, got '${text}'`);
  return value;
}

/** Builds and validates the estimator configuration from the flags (same schema as the spec). */
export function configFromFlags(flags: AdvantagesFlags): AdvantagesConfig {
  const raw: Record<string, unknown> = { estimator: flags.estimator, whiten: flags.whiten };
  const numeric: [string, string, string | undefined][] = [
    ['gamma', 'gamma', flags.gamma],
    ['lambda', 'lambda', flags.lambda],
    ['epsilon', 'epsilon', flags.epsilon],
    ['process-coef', 'process_coef', flags.processCoef],
    ['outcome-coef', 'outcome_coef', flags.outcomeCoef],
  ];
  for (const [flag, key, text] of numeric) {
    const value = numberFlag(flag, text);
    if (value !== undefined) raw[key] = value;
  }
  if (flags.std !== undefined) raw['std'] = flags.std;
  const parsed = AdvantagesConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = describeZodIssues(parsed.error, raw).map((line) =>
      line.replace(/^([^:]+):/, (_match, key: string) => `--${key.replace(/_/g, '-')}:`),
    );
    const suggestion = closestName(flags.estimator, ESTIMATOR_NAMES);
    throw new UsageError(
      problems.join('; '),
      suggestion !== undefined && suggestion !== flags.estimator
        ? `did you mean '${suggestion}'?`
        : undefined,
    );
  }
  return parsed.data;
}

/** Computes advantages for every line of a JSONL file; returns the output lines in input order. */
export async function advantagesForFile(
  file: string,
  config: AdvantagesConfig,
  options: { allowSingletonGroups?: boolean } = {},
): Promise<string[]> {
  const raws: { line: number; value: unknown }[] = [];
  const entries: ({ line: AdvantageLine; item: AdvantageItem } | ErrorInfo)[] = [];
  for await (const batch of readJsonlFile(file)) {
    for (const record of batch) {
      if ('error' in record) {
        raws.push({ line: record.line, value: undefined });
        entries.push(record.error);
      } else {
        raws.push({ line: record.line, value: record.value });
        entries.push(toAdvantageItem(record.value, record.line));
      }
    }
  }
  const estimator = advantageEstimators.get(config.estimator);
  if (options.allowSingletonGroups !== true) {
    refuseSingletonGroups(
      config.estimator,
      entries.flatMap((entry) => ('code' in entry ? [] : [entry.item])),
    );
  }
  const outcomes = computeAdvantages(
    entries.map((entry) => ('code' in entry ? entry : entry.item)),
    config,
  );
  return outcomes.map((outcome, index) => {
    const { line, value } = raws[index] as { line: number; value: unknown };
    const entry = entries[index];
    let finalOutcome = outcome;
    const stepEnds = entry !== undefined && !('code' in entry) ? entry.line.step_ends : undefined;
    if ('output' in outcome && stepEnds !== undefined && outcome.output.stepAdvantages !== undefined) {
      try {
        const tokenCount =
          (entry as { line: AdvantageLine }).line.response_length ??
          (stepEnds[stepEnds.length - 1] ?? -1) + 1;
        finalOutcome = {
          output: {
            ...outcome.output,
            tokenAdvantages: expandStepsToTokens(
              outcome.output.stepAdvantages,
              stepEnds,
              tokenCount,
              'spread',
            ),
          },
        };
      } catch (error) {
        finalOutcome = {
          error: {
            code: 'RK_INPUT_INVALID',
            message: `line ${line}: step_ends: ${(error as Error).message}`,
          },
        };
      }
    }
    return JSON.stringify(outputLine(value, line, finalOutcome, estimator.output));
  });
}

export const advantagesCommand: CliCommand = {
  name: 'advantages',
  register(program: Command): void {
    program
      .command('advantages')
      .description('compute advantages (GRPO, RLOO, REINFORCE++, GAE ...) for rewards that already exist')
      .requiredOption('--estimator <name>', `one of: ${ESTIMATOR_NAMES.join(', ')}`)
      .requiredOption('--in <file>', 'input JSONL (the whole file is one batch)')
      .option('--out <file>', 'output JSONL (default: stdout)')
      .option('--gamma <g>', 'discount for reinforce_pp and gae (default 1, as verl)')
      .option('--lambda <l>', 'GAE lambda (default 1, as verl)')
      .option('--epsilon <e>', 'GRPO/PS-GRPO std epsilon (default 1e-6, as verl)')
      .option('--std <convention>', 'group std: unbiased (torch.std, default) or biased')
      .option('--no-whiten', 'do not whiten over the batch (reinforce_pp*, gae, ps_grpo, prime)')
      .option('--process-coef <c>', 'prime: weight of process rewards (default 5)')
      .option('--outcome-coef <c>', 'prime: weight of the outcome reward (default 5)')
      .option(
        '--allow-singleton-groups',
        'compute group estimators even when every sample is alone in its group (refused by default)',
      )
      .addHelpText('after', EXAMPLE)
      .action(async (flags: AdvantagesFlags) => {
        const config = configFromFlags(flags);
        const lines = await advantagesForFile(flags.in, config, {
          allowSingletonGroups: flags.allowSingletonGroups === true,
        });
        const writer = JsonlWriter.open(flags.out);
        await writer.writeLines(lines);
        await writer.close();
      });
  },
};
