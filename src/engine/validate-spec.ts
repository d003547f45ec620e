import { RewardKitError, SpecError, toErrorInfo } from '../core/errors.js';
import type { Registry } from '../core/registry.js';
import type { RewardKind } from '../core/reward-kind.js';
import type { Sample } from '../core/sample.js';
import { describeZodIssues, type RewardEntry, type Spec } from '../core/spec.js';
import { rewardKinds as builtinRewardKinds } from '../rewards/index.js';
import { segmenters as builtinSegmenters, type Segmenter } from '../steps/index.js';
import { processSpecProblems } from './process-stage.js';

export interface SpecValidationOptions {
  rewardKinds?: Registry<RewardKind<unknown>> | undefined;
  segmenters?: Registry<Segmenter<unknown>> | undefined;
}

/** One spec entry, checked: its kind, its parsed options and the model endpoints it calls. */
export interface ComponentPlan {
  entry: RewardEntry;
  kind: RewardKind<unknown>;
  options: unknown;
  endpoints: readonly string[];
}

export interface ValidatedSpec {
  spec: Spec;
  components: ComponentPlan[];
  split: (sample: Sample) => string[];
}

/** Errors a kind raises that are about the spec, collected and reported together. */
export const SPEC_PROBLEM_CODES: ReadonlySet<string> = new Set([
  'RK_SPEC_INVALID',
  'RK_UNKNOWN_NAME',
  'RK_INTERNAL',
]);

/** `where: message (hint)` of an error, for the list of spec problems. */
export function problemOf(error: unknown, where: string): string {
  const info = toErrorInfo(error);
  return `${info.where ?? where}: ${info.message}${info.hint ? ` (${info.hint})` : ''}`;
}

/**
 * Validates a spec without building any scorer ("fail at start", and cheap enough for every
 * inline spec a server receives): every reward kind exists and its options parse, every model
 * endpoint a component names is in `models:`, the segmenter and its options, the combine and
 * process settings. All problems are reported at once in one SpecError.
 */
export function validateSpec(spec: Spec, options: SpecValidationOptions = {}): ValidatedSpec {
  const kinds = options.rewardKinds ?? builtinRewardKinds;
  const problems: string[] = [];
  const components: ComponentPlan[] = [];
  spec.rewards.forEach((entry, index) => {
    const where = `rewards[${index}]`;
    try {
      const kind = kinds.get(entry.type, `${where}.type`);
      const parsed = kind.optionsSchema.safeParse(entry.options);
      if (!parsed.success) {
        problems.push(
          ...describeZodIssues(
            parsed.error,
            entry.options,
            () => '',
            ['rewards', index, 'options'],
            kind.optionsSchema,
          ),
        );
        return;
      }
      const endpoints = [...(kind.endpoints?.(parsed.data) ?? [])].sort();
      for (const name of endpoints) {
        if (spec.models[name] === undefined) {
          const known = Object.keys(spec.models);
          problems.push(
            `${where}.options: model endpoint '${name}' is not in models: (${known.length === 0 ? 'the spec names none' : `known: ${known.join(', ')}`})`,
          );
        }
      }
      components.push({ entry, kind, options: parsed.data, endpoints });
    } catch (error) {
      if (error instanceof RewardKitError && !SPEC_PROBLEM_CODES.has(error.code)) throw error;
      problems.push(problemOf(error, where));
    }
  });
  let split: (sample: Sample) => string[] = () => [];
  try {
    const segmenter = (options.segmenters ?? builtinSegmenters).get(spec.steps.split, 'steps.split');
    const { split: _name, ...segmenterOptions } = spec.steps;
    const parsed = segmenter.optionsSchema.safeParse(segmenterOptions);
    if (parsed.success) split = segmenter.create(parsed.data);
    else
      problems.push(
        ...describeZodIssues(parsed.error, segmenterOptions, () => '', ['steps'], segmenter.optionsSchema),
      );
  } catch (error) {
    problems.push(problemOf(error, 'steps'));
  }
  if (spec.combine === 'gated' && !spec.rewards.some((entry) => entry.gate)) {
    problems.push(`combine: 'gated' needs at least one reward with gate: true`);
  }
  problems.push(...processSpecProblems(spec));
  throwIfProblems(spec, problems);
  return { spec, components, split };
}

export function throwIfProblems(spec: Spec, problems: readonly string[]): void {
  if (problems.length > 0) {
    throw new SpecError(`spec '${spec.name}' is invalid:\n  ${problems.join('\n  ')}`, { where: spec.name });
  }
}
