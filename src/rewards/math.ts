import { scored, undecided } from '../core/result.js';
import { defineRewardKind } from '../core/reward-kind.js';
import { acceptedAnswers } from '../core/sample.js';
import { beyondAscii } from '../math/ascii-text.js';
import { type MathVerifyOptions, MathVerifyOptionsSchema } from '../math/options.js';
import { type VerifyOutcome, verifyAnswer } from '../math/verify.js';
import { mathWarmUpSamples, warmUpOnCreate } from '../math/warm-up.js';

export const MathOptionsSchema = MathVerifyOptionsSchema;
export type MathOptions = MathVerifyOptions;

/** A character beyond Latin-1 (`’`, `–`, `€`): V8 stores a string holding one two bytes a character. */
const BEYOND_LATIN1 = /[^\x00-\xff]/;

/**
 * The text in V8's one-byte form when every character fits (a copy made one character at a time:
 * single characters below 256 come from V8's one-byte cache), else the text itself.
 */
function oneByte<Text extends string | undefined>(text: Text): Text {
  if (text === undefined || BEYOND_LATIN1.test(text)) return text;
  let copy = '';
  for (let index = 0; index < text.length; index++) copy += text[index];
  return copy as Text;
}

/**
 * The details of an outcome. Read from a response that holds a character beyond Latin-1
 * (`Janet’s ducks ...`), the verifier's strings are slices of it and stay two-byte in V8 even
 * when they hold `18`; one such string makes the result's JSON, and the block of results it is
 * joined into, two-byte, which the engine then encodes to UTF-8 about ten times slower (for the
 * output file and for the store). About 4% of GSM8K solutions hold such a character, so most
 * blocks of 64 results held one: their strings are made one-byte here (same characters).
 */
function detailsOf(outcome: VerifyOutcome, response: string): Record<string, unknown> {
  // The native ASCII test first: most responses are ASCII, and then no regex scans them.
  const narrow = beyondAscii(response) && BEYOND_LATIN1.test(response);
  const { pred, gold } = outcome;
  return {
    extracted: (narrow ? oneByte(pred.extracted) : pred.extracted) ?? null,
    extractor: pred.extractor ?? null,
    normalized: (narrow ? oneByte(pred.normalized) : pred.normalized) ?? null,
    parsed: (narrow ? oneByte(pred.parsed) : pred.parsed) ?? null,
    gold: gold.extracted ?? null,
    gold_normalized: gold.normalized ?? null,
    gold_parsed: gold.parsed ?? null,
    verdict: outcome.verdict,
    reason: narrow ? oneByte(outcome.reason) : outcome.reason,
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
          const details = detailsOf(attempt, sample.response);
          return scored(1, golds.length > 1 ? { ...details, accepted_answer: index } : details);
        }
        if (outcome === undefined || (outcome.verdict === 'not_equal' && attempt.verdict !== 'not_equal')) {
          outcome = attempt;
        }
      }
      if (outcome === undefined) throw new Error('unreachable: at least one gold answer was verified');
      const details = detailsOf(outcome, sample.response);
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
