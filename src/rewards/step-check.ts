import { z } from 'zod';
import type { ComponentResult } from '../core/result.js';
import { defineRewardKind } from '../core/reward-kind.js';
import { checkEquations, type EquationVerdict } from './equation-check.js';

export const StepCheckOptionsSchema = z
  .object({
    /** Accept a decimal right side that is the left side correctly rounded (10/3 = 3.33). */
    allow_rounding: z.boolean().default(true),
    /** Score of a step with no checkable equation: 1 (nothing wrong found) or null (undecided). */
    unchecked_step_score: z.union([z.number().min(0).max(1), z.null()]).default(1),
  })
  .strict();

/**
 * `type: step_check`: a free, exact process reward for math solutions. Every equation in a step
 * (`16 - 3 - 4 = 9`, GSM8K's `<<16-3-4=9>>`, LaTeX `$2 \cdot (3 \cdot 4) = 24$`, chains
 * `a = b = c`, `\approx` as a rounding claim) is evaluated exactly where both sides are constants
 * (see equation-check.ts). A step scores 1 when all its checked equations hold and 0 when one is
 * wrong; unparseable and not-checkable equations (a side with variables, functions or text) are
 * reported in `details` and not counted. The component's score is the min over
 * steps (one wrong step makes the trace wrong); its `stepScores` feed the process stage.
 */
export const stepCheckReward = defineRewardKind({
  name: 'step_check',
  description: 'checks every arithmetic equation of every step exactly (a rule-based process reward)',
  optionsSchema: StepCheckOptionsSchema,
  defaultTimeoutSeconds: 5,
  create: (options) => ({
    score(_sample, context): ComponentResult {
      const perStep: EquationVerdict[][] = context.steps.map((step) =>
        checkEquations(step, options.allow_rounding),
      );
      const stepScores = perStep.map((verdicts) => {
        const decided = verdicts.filter(
          (verdict) => verdict.verdict === 'correct' || verdict.verdict === 'wrong',
        );
        if (decided.length === 0) return options.unchecked_step_score;
        return decided.every((verdict) => verdict.verdict === 'correct') ? 1 : 0;
      });
      const wrong = perStep.flatMap((verdicts, step) =>
        verdicts.filter((verdict) => verdict.verdict === 'wrong').map((verdict) => ({ step, ...verdict })),
      );
      const all = perStep.flat();
      const unparseable = all.filter((verdict) => verdict.verdict === 'unparseable').length;
      const notCheckable = all.filter((verdict) => verdict.verdict === 'not_checkable').length;
      const checked = all.length - unparseable - notCheckable;
      const details = { equations_checked: checked, unparseable, not_checkable: notCheckable, wrong };
      if (stepScores.length === 0 || stepScores.some((score) => score === null)) {
        const reason = stepScores.length === 0 ? 'no steps to check' : 'a step has no checkable equation';
        return {
          score: null,
          status: 'unparseable',
          details: { ...details, reason },
          error: { code: 'RK_UNPARSEABLE', message: reason },
          stepScores,
        };
      }
      const score = Math.min(...(stepScores as number[]));
      return {
        score,
        status: score >= 1 ? 'correct' : 'incorrect',
        details: {
          ...details,
          reason: wrong.length === 0 ? 'every equation holds' : `${wrong.length} wrong equation(s)`,
        },
        stepScores,
      };
    },
  }),
});
