import { z } from 'zod';
import { scored } from '../core/result.js';
import { defineRewardKind } from '../core/reward-kind.js';
import type { Sample } from '../core/sample.js';

/** Characters per token in the approximation used when a sample carries no `tokens`. */
export const CHARS_PER_TOKEN = 4;

const UnitSchema = z.enum(['tokens', 'words', 'chars']).default('tokens');

const BudgetModeSchema = z
  .object({
    mode: z.literal('budget'),
    unit: UnitSchema,
    /** Full reward up to this length. */
    budget: z.number().positive(),
    /** Reward reaches 0 at budget * (1 + slack), unless `max` is given. */
    slack: z.number().positive().default(0.5),
    /** The length at which the reward reaches 0 (overrides `slack`); must exceed `budget`. */
    max: z.number().positive().optional(),
  })
  .strict()
  .refine((options) => options.max === undefined || options.max > options.budget, {
    message: 'max must be greater than budget',
    path: ['max'],
  });

const TargetModeSchema = z
  .object({
    mode: z.literal('target'),
    unit: UnitSchema,
    /** The target length L_T of the step function. */
    target: z.number().positive(),
  })
  .strict();

export const LengthOptionsSchema = z.discriminatedUnion('mode', [BudgetModeSchema, TargetModeSchema]);
export type LengthOptions = z.infer<typeof LengthOptionsSchema>;
export type LengthUnit = z.infer<typeof UnitSchema>;

/**
 * The length of a response in the chosen unit, and whether it is exact.
 * `tokens` counts `sample.tokens` when the sample carries them; otherwise it approximates
 * ceil(characters / 4) (a common rule of thumb for English BPE vocabularies) and says so.
 * `words` counts white-space separated words; `chars` counts Unicode code points.
 */
export function measureLength(sample: Sample, unit: LengthUnit): { length: number; approximate: boolean } {
  switch (unit) {
    case 'tokens':
      if (sample.tokens !== undefined) return { length: sample.tokens.length, approximate: false };
      return { length: Math.ceil(codePointCount(sample.response) / CHARS_PER_TOKEN), approximate: true };
    case 'words': {
      const trimmed = sample.response.trim();
      return { length: trimmed === '' ? 0 : trimmed.split(/\s+/u).length, approximate: false };
    }
    case 'chars':
      return { length: codePointCount(sample.response), approximate: false };
  }
}

function codePointCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * Budget mode, a linear penalty past a budget B that reaches 0 at M = max ?? B * (1 + slack):
 *
 *   r(L) = 1                          if L <= B
 *   r(L) = max(0, 1 - (L - B)/(M - B)) otherwise
 */
export function budgetReward(length: number, budget: number, max: number): number {
  if (length <= budget) return 1;
  return Math.max(0, 1 - (length - budget) / (max - budget));
}

/**
 * Target mode, the step function of LASER from "Learn to Reason Efficiently with Adaptive
 * Length-based Reward Shaping" (Liu et al., 2025):
 *
 *   S(L) = 1[L <= L_T]
 *
 * The paper adds alpha * S(L) to the correctness reward C(y); here S is one component and its
 * spec `weight` plays alpha. To give the bonus only to correct answers, combine it with a
 * correctness component under `combine: gated` (correctness as the gate). LASER-D's adaptive,
 * difficulty-aware L_T is a per-group choice of `target`, outside this function.
 */
export function targetReward(length: number, target: number): number {
  return length <= target ? 1 : 0;
}

/** `type: length`: a budget with a linear penalty past it, or LASER's target-length step. */
export const lengthReward = defineRewardKind({
  name: 'length',
  description:
    'rewards responses within a length budget (linear penalty past it) or under a target length (step)',
  optionsSchema: LengthOptionsSchema,
  defaultTimeoutSeconds: 1,
  create: (options) => ({
    score(sample) {
      const { length, approximate } = measureLength(sample, options.unit);
      const details: Record<string, unknown> = { length, unit: options.unit };
      if (approximate) details['approximate'] = `no tokens given: ceil(chars / ${CHARS_PER_TOKEN})`;
      // Fields added to the one object, not spread into a new one: the spread copies outlived
      // young-generation collections (about 0.8 MB kept per collection on a score run, docs/engine.md).
      if (options.mode === 'target') {
        details['target'] = options.target;
        return scored(targetReward(length, options.target), details);
      }
      const max = options.max ?? options.budget * (1 + options.slack);
      details['budget'] = options.budget;
      details['max'] = max;
      return scored(budgetReward(length, options.budget, max), details);
    },
  }),
});
