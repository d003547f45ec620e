import { scored, undecided } from '../core/result.js';
import { defineRewardKind } from '../core/reward-kind.js';
import { acceptedAnswers } from '../core/sample.js';
import { type MathVerifyOptions, MathVerifyOptionsSchema } from '../math/options.js';
import { type VerifyOutcome, verifyAnswer } from '../math/verify.js';
import { mathWarmUpSamples, warmUpOnCreate } from '../math/warm-up.js';

export const MathOptionsSchema = MathVerifyOptionsSchema;
export type MathOptions = MathVerifyOptions;

function detailsOf(outcome: VerifyOutcome): Record<string, unknown> {
  return {
    extracted: outcome.pred.extracted ?? null,
    extractor: outcome.pred.extractor ?? null,
    normalized: outcome.pred.normalized ?? null,
    parsed: outcome.pred.parsed ?? null,
    gold: outcome.gold.extracted ?? null,
    gold_normalized: outcome.gold.normalized ?? null,
    gold_parsed: outcome.gold.parsed ?? null,
    verdict: outcome.verdict,
    reason: outcome.reason,
    method: outcome.method,
  };
}

/**
 * `type: math`: the final answer of the response (boxed, "final answer is", `####`, last LaTeX,
 * last number ...) against `reference.answer` (which may itself be a full solution). Equal -> 1,
 * not equal -> 0, undecidable -> score null with status `unparseable` or `timeout`.
 */
const mathKind = defineRewardKind({
  name: 'math',
  description: 'the final answer of the response is mathematically equal to reference.answer',
  optionsSchema: MathOptionsSchema,
  defaultTimeoutSeconds: 5,
  warmUpSamples: mathWarmUpSamples,
  create: (options: MathOptions) => ({
    score(sample, context) {
      const golds = (acceptedAnswers(sample.reference) ?? []).filter((gold) => gold.trim() !== '');
      if (golds.length === 0) {
        return undecided(
          'error',
          {
            code: 'RK_INPUT_INVALID',
            message: 'the sample has no reference.answer',
            hint: 'give {"reference": {"answer": "..."}} (or a list of accepted answers) for math rewards',
            where: 'reference.answer',
          },
          { extracted: null, gold: null, verdict: 'undecidable', method: 'input' },
        );
      }
      // A list of accepted answers: equal to any of them scores; the first decides otherwise.
      let outcome: VerifyOutcome | undefined;
      for (const [index, gold] of golds.entries()) {
        let attempt: VerifyOutcome;
        try {
          attempt = verifyAnswer(gold, sample.response, options, context.deadline);
        } catch (error) {
          return undecided(
            'error',
            { code: 'RK_COMPONENT_ERROR', message: `math verification failed: ${String(error)}` },
            { extracted: null, gold, verdict: 'undecidable', method: 'error' },
          );
        }
        if (attempt.verdict === 'equal') {
          const details = detailsOf(attempt);
          return scored(1, golds.length > 1 ? { ...details, accepted_answer: index } : details);
        }
        if (outcome === undefined || (outcome.verdict === 'not_equal' && attempt.verdict !== 'not_equal')) {
          outcome = attempt;
        }
      }
      if (outcome === undefined) throw new Error('unreachable: at least one gold answer was verified');
      const details = detailsOf(outcome);
      if (outcome.verdict === 'not_equal') return scored(0, details);
      if (outcome.failure === 'timeout') {
        return undecided('timeout', { code: 'RK_TIMEOUT', message: outcome.reason }, details);
      }
      return undecided('unparseable', { code: 'RK_UNPARSEABLE', message: outcome.reason }, details);
    },
  }),
});

/** The kind as registered: its first `create` warms the verifier up (math/warm-up.ts). */
export const mathReward = warmUpOnCreate(mathKind);
