import { compareAcceptedRange } from './accepted-range.js';
import { compareBaseNumerals } from './base-numeral.js';
import { Budget, DeadlineExceeded } from './budget.js';
import { compareChoiceAnswer } from './choice-answer.js';
import { compareClockTimes } from './clock-time.js';
import { compareValues } from './compare.js';
import { compareCongruences } from './congruence.js';
import { withoutDegenerateRuns } from './degenerate-runs.js';
import { degreesAsRadians, mayHoldDegrees, mentionsPi } from './degrees.js';
import { BeyondBudget, NotEvaluable } from './evaluate.js';
import { compareExplainedYesNo } from './explained-yes-no.js';
import { compareSpacedUnit } from './glued-unit.js';
import { decimalCommaReading, prepareGold } from './gold-answer.js';
import { hasReorderingControls } from './invisible-text.js';
import { compareMultiChoice } from './multi-choice.js';
import { MAX_ANSWER_CHARS } from './normalize.js';
import { valueAfterOptionLabel } from './option-label.js';
import { DEFAULT_MATH_VERIFY_OPTIONS, type MathVerifyOptions } from './options.js';
import { comparePiecewise } from './piecewise.js';
import { type AnswerTrace, type PreparedAnswer, prepare } from './prepared-answer.js';
import { type ReadPrediction, readPrediction } from './read-prediction.js';
import { compareSetWithTuple } from './set-against-tuple.js';
import { compareSymmetricRelations } from './symmetric-relation.js';
import { differentUnits, withUnitWrittenAfter } from './unit-mismatch.js';
import { unlessHedged } from './unless-hedged.js';
import type { MathValue } from './value.js';
import { verbatimGold, verbatimUpToCapital } from './verbatim-gold.js';
import { notEqual, undecidable, type Verdict, withMethod } from './verdict.js';

export interface VerifyOutcome extends Verdict {
  /** Why it is undecidable, when it is: no answer, nothing parsed, or the deadline. */
  failure: 'no_gold' | 'no_answer' | 'unparseable' | 'timeout' | undefined;
  gold: AnswerTrace;
  pred: AnswerTrace;
}

/**
 * `30^\\circ` against `\\frac{\\pi}{6}`: when one side carries a degree mark and the other is written
 * with pi, the degree side is compared again in radians (see `degrees.ts`).
 */
function compareAsRadians(
  gold: PreparedAnswer,
  pred: PreparedAnswer,
  context: Parameters<typeof compareValues>[2],
): Verdict | undefined {
  const goldDegrees = mayHoldDegrees(gold.trace.extracted) && mentionsPi(pred.trace.normalized);
  const predDegrees = mayHoldDegrees(pred.trace.extracted) && mentionsPi(gold.trace.normalized);
  if (!goldDegrees && !predDegrees) return undefined;
  const side = goldDegrees ? gold : pred;
  const radians = degreesAsRadians(side.trace.extracted ?? '');
  if (radians === undefined) return undefined;
  const value = prepare({ text: radians, extractor: 'whole' }).value;
  if (value === undefined) return undefined;
  const verdict = goldDegrees
    ? compareValues(value, pred.value as MathValue, context)
    : compareValues(gold.value as MathValue, value, context);
  if (verdict.verdict !== 'equal') return undefined;
  return withMethod(
    verdict,
    `degrees-as-radians/${verdict.method}`,
    `${verdict.reason} (degrees read as radians)`,
  );
}

/** Two sides of relations (symmetric-relation.ts), each read whole and compared as values. */
function compareSideTexts(gold: string, pred: string, options: MathVerifyOptions, deadline: number): Verdict {
  const goldValue = prepare({ text: gold, extractor: 'whole' }).value;
  const predValue = prepare({ text: pred, extractor: 'whole' }).value;
  if (goldValue === undefined || predValue === undefined)
    return undecidable('parse', 'a side could not be read');
  return compareValues(goldValue, predValue, { options, budget: new Budget(deadline), predText: pred });
}

/** `(c) 18` against a gold 18 that is no choice letter: the option's value (option-label.ts). */
function compareOptionValue(
  gold: PreparedAnswer,
  pred: PreparedAnswer,
  context: Parameters<typeof compareValues>[2],
): Verdict | undefined {
  if (gold.choice !== undefined || gold.value === undefined) return undefined;
  const rest = valueAfterOptionLabel(pred.trace.extracted);
  if (rest === undefined) return undefined;
  const value = prepare({ text: rest, extractor: 'whole' }).value;
  if (value === undefined) return undefined;
  const verdict = compareValues(gold.value, value, context);
  if (verdict.verdict !== 'equal') return undefined;
  return withMethod(verdict, `option-value/${verdict.method}`, `${verdict.reason} (after its option label)`);
}

/**
 * Verifies a free-form model response against a gold answer (which may itself be a full
 * solution). Never throws for bad input: every outcome is equal, not_equal or undecidable with a
 * reason, the method that decided, and the extracted, normalized and parsed forms of both sides.
 */
export function verifyAnswer(
  gold: string,
  response: string,
  options: MathVerifyOptions = DEFAULT_MATH_VERIFY_OPTIONS,
  deadline: number = performance.now() + 5_000,
): VerifyOutcome {
  // Thousands of newlines, spaces or dots of a looping policy, shortened first (degenerate-runs.ts).
  const goldText = withoutDegenerateRuns(gold);
  const responseText = withoutDegenerateRuns(response);
  const read = verifyAsRead(goldText, responseText, options, deadline);
  if (read.verdict === 'equal') return read;
  // A response that is the gold written the same way, where the reading took a fragment of it.
  const verbatim =
    verbatimGold(goldText, responseText) ??
    (read.verdict === 'undecidable'
      ? verbatimUpToCapital(read.gold.normalized, read.pred.normalized)
      : undefined);
  return verbatim === undefined ? read : { ...read, ...verbatim, failure: undefined };
}

function verifyAsRead(
  gold: string,
  response: string,
  options: MathVerifyOptions,
  deadline: number,
): VerifyOutcome {
  let goldAnswer = prepareGold(gold, options);
  const reading = readPrediction(goldAnswer, response, options);
  const predAnswer = reading.pred;
  // The same for a gold `1,22` (or `0,111`) against a number: a decimal comma, not two numbers.
  if (predAnswer.value?.kind === 'number' && goldAnswer.value?.kind === 'list') {
    goldAnswer = decimalCommaReading(goldAnswer) ?? goldAnswer;
  }
  if (goldAnswer.value === undefined) {
    return outcome(
      goldAnswer,
      predAnswer,
      undecidable(
        'parse',
        goldAnswer.tooLong
          ? `the gold answer is longer than ${MAX_ANSWER_CHARS} characters and is not compared`
          : 'the gold answer could not be parsed',
      ),
      'no_gold',
    );
  }
  if (predAnswer.trace.extracted === undefined) {
    const reason =
      reading.cutOff !== undefined
        ? undecidable('extract', `no answer found in the response: ${reading.cutOff}`)
        : reading.afterReasoningBlock
          ? NO_ANSWER_AFTER_REASONING
          : NO_ANSWER;
    return outcome(goldAnswer, predAnswer, reason, 'no_answer');
  }
  // Every rule from here on may run out of time or meet a construct it cannot evaluate (a choice's
  // option text, a relation's side, the hedge checks compare values too): each ends as undecidable.
  try {
    return compareAsRead(goldAnswer, reading, response, options, deadline);
  } catch (error) {
    if (error instanceof DeadlineExceeded) {
      return outcome(goldAnswer, predAnswer, undecidable('deadline', error.message), 'timeout');
    }
    // A construct a comparison could not evaluate and did not catch itself (a relation whose side
    // holds `\lor` or an equation: a red team of stop 35 made the relation path throw).
    if (error instanceof NotEvaluable || error instanceof BeyondBudget) {
      const reason = `a side could not be evaluated: ${error.message}`;
      return outcome(goldAnswer, predAnswer, undecidable('evaluate', reason), 'unparseable');
    }
    throw error;
  }
}

/**
 * The verdict on a gold and a response read (both hold an answer): the rules on their texts, then
 * their values, each verdict put through the hedge checks. Throws DeadlineExceeded, NotEvaluable
 * and BeyondBudget (verifyAsRead turns them into undecidable verdicts).
 */
function compareAsRead(
  goldAnswer: PreparedAnswer,
  reading: ReadPrediction,
  response: string,
  options: MathVerifyOptions,
  deadline: number,
): VerifyOutcome {
  const { pred: predAnswer, read, extraction, phraseHedged, unreadFormula } = reading;
  const goldValue = goldAnswer.value;
  if (goldValue === undefined || predAnswer.trace.extracted === undefined)
    throw new Error('unreachable: compared without a gold value or an answer');
  // A rule's verdict, unless the response hedges it.
  const decided = (verdict: Verdict) =>
    outcome(
      goldAnswer,
      predAnswer,
      unlessHedged(verdict, goldAnswer, extraction, read, options, deadline),
      undefined,
    );
  if (goldAnswer.choices !== undefined) {
    const verdict = compareMultiChoice(
      goldAnswer.choices,
      predAnswer.trace.extracted,
      response,
      goldAnswer.trace.extracted,
    );
    if (verdict !== undefined) return decided(verdict);
  }
  const choice = compareChoiceAnswer(goldAnswer, predAnswer, options, deadline);
  if (choice !== undefined)
    return choice.hedgeable
      ? decided(choice.verdict)
      : outcome(goldAnswer, predAnswer, choice.verdict, undefined);
  // Rules on the extracted texts that decide when both sides read their way: a piecewise function
  // against a closed form (piecewise.ts), numerals in different bases (base-numeral.ts).
  for (const compareTexts of TEXT_RULES) {
    const verdict = compareTexts(goldAnswer.trace.extracted, predAnswer.trace.extracted);
    if (verdict !== undefined) return decided(verdict);
  }
  // `y+z \cong x` against `x \cong y+z`: a symmetric relation, its sides in either order.
  const symmetric = compareSymmetricRelations(
    goldAnswer.trace.extracted,
    predAnswer.trace.extracted,
    (gold, pred) => compareSideTexts(gold, pred, options, deadline),
  );
  if (symmetric !== undefined) return decided(symmetric);
  const congruence = compareCongruences(goldAnswer.trace.extracted, predAnswer.trace.extracted);
  if (congruence !== undefined) {
    // Another value offered beside a congruence (`x \equiv 3 \pmod 7, or possibly ...`) is a hedge.
    const sameClass = (offered: string) =>
      compareCongruences(goldAnswer.trace.extracted, offered)?.verdict === 'equal';
    const verdict = unlessHedged(congruence, goldAnswer, extraction, read, options, deadline, sameClass);
    return outcome(goldAnswer, predAnswer, verdict, undefined);
  }
  if (predAnswer.value === undefined) {
    const reason = predAnswer.tooLong
      ? `the answer is longer than ${MAX_ANSWER_CHARS} characters and is not compared`
      : 'the extracted answer could not be parsed';
    return outcome(goldAnswer, predAnswer, undecidable('parse', reason), 'unparseable');
  }
  if (hasReorderingControls(predAnswer.trace.extracted)) {
    const reason = 'the answer holds bidirectional control characters: what it shows is not what it says';
    return outcome(goldAnswer, predAnswer, undecidable('parse', reason), 'unparseable');
  }
  const context = { options, budget: new Budget(deadline), predText: predAnswer.trace.extracted };
  let verdict = compareValues(goldValue, predAnswer.value, context);
  if (verdict.verdict === 'not_equal')
    verdict =
      compareAsRadians(goldAnswer, predAnswer, context) ??
      compareClockTimes(goldAnswer.trace.normalized ?? '', predAnswer.trace.normalized ?? '') ??
      compareOptionValue(goldAnswer, predAnswer, context) ??
      verdict;
  verdict = unlessHedged(verdict, goldAnswer, extraction, read, options, deadline);
  if (verdict.verdict === 'equal' && phraseHedged !== undefined) verdict = notEqual('hedge', phraseHedged);
  // `4 L` against `4 gal`: equal numbers in different units (unit-mismatch.ts).
  // (Not after degrees were read as radians: the conversion made the values equal.)
  const units =
    verdict.verdict === 'equal' && !verdict.method.startsWith('degrees-as-radians')
      ? differentUnits(
          goldAnswer.trace.extracted,
          withUnitWrittenAfter(
            goldAnswer.trace.extracted,
            predAnswer.trace.extracted,
            extraction === undefined ? undefined : read.slice(extraction.end, extraction.end + 30),
          ),
        )
      : undefined;
  if (units !== undefined) verdict = notEqual('units', `the units differ: ${units[1]} against ${units[0]}`);
  if (verdict.verdict === 'equal' && unreadFormula !== undefined) {
    const reason = `the extracted answer could not be read: a formula (${unreadFormula.join(', ')}) this parser does not evaluate; its last number is no answer`;
    verdict = undecidable('parse', reason);
  }
  return outcome(
    goldAnswer,
    predAnswer,
    verdict,
    verdict.verdict === 'undecidable' ? 'unparseable' : undefined,
  );
}

/** Comparisons of the extracted texts, tried in order before the parsed values are compared. */
const TEXT_RULES: readonly ((gold: string | undefined, pred: string | undefined) => Verdict | undefined)[] = [
  comparePiecewise,
  compareAcceptedRange,
  compareBaseNumerals,
  compareSpacedUnit,
  compareSetWithTuple,
  compareExplainedYesNo,
];

const NO_ANSWER = undecidable('extract', 'no answer found in the response');
const NO_ANSWER_AFTER_REASONING = undecidable(
  'extract',
  'no answer found after the reasoning block (values inside <think>...</think> are not the answer)',
);

/** The outcome object, built in one shape (no spreads: this runs once per sample). */
function outcome(
  gold: PreparedAnswer,
  pred: PreparedAnswer,
  verdict: Verdict,
  failure: VerifyOutcome['failure'],
): VerifyOutcome {
  return {
    gold: gold.trace,
    pred: pred.trace,
    verdict: verdict.verdict,
    reason: verdict.reason,
    method: verdict.method,
    failure,
  };
}
