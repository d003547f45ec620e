import { closingWorkedTag } from './answer-marker.js';
import { withoutConditionNumbers } from './answer-phrase.js';
import { compareBaseNumerals } from './base-numeral.js';
import { endsInsideBox, unclosedBoxed } from './boxed-answer.js';
import { bracketedPairAround } from './bracketed-pair.js';
import { Budget, DeadlineExceeded } from './budget.js';
import { withoutCalculatorNotes } from './calculator-note.js';
import {
  anotherOptionNamed,
  compareChoiceAnswer,
  namesOptionAfterValue,
  namesOptionBeforeValue,
  statedChoiceAnswer,
} from './choice-answer.js';
import { cleanResponse } from './clean-response.js';
import { compareClockTimes } from './clock-time.js';
import { closingExpression } from './closing-expression.js';
import { closingNumberWords } from './closing-number-words.js';
import { compareValues } from './compare.js';
import { choiceLetter } from './compare-text.js';
import { compareCongruences } from './congruence.js';
import { beforeCutRepeatedBox } from './cut-repeated-box.js';
import { withoutDegenerateRuns } from './degenerate-runs.js';
import { degreesAsRadians, mayHoldDegrees, mentionsPi } from './degrees.js';
import { BeyondBudget, NotEvaluable } from './evaluate.js';
import { compareExplainedYesNo } from './explained-yes-no.js';
import { extractAnswer, runExtractor } from './extract.js';
import { type Extraction, type ExtractorName, MAX_SCANNED_CHARS, WEAK_EXTRACTORS } from './extraction.js';
import { foreignQualifier, holdsForeignWord } from './foreign-prose.js';
import { gammaAsFactorial } from './gamma-function.js';
import { compareSpacedUnit, numberBeforeShortUnit } from './glued-unit.js';
import {
  type GoldGuidedRule,
  goldGuided,
  guided,
  optionsPastWeakExtraction,
  truthPastWeakExtraction,
} from './gold-guided.js';
import { isStatingSentence } from './gold-sentence.js';
import { answerEnd, offeredAlternative, phraseHedge, qualifiedAnswer } from './hedged-answer.js';
import { hasReorderingControls, withoutInvisibleText } from './invisible-text.js';
import { numbersJoinedByAnd } from './joined-numbers.js';
import { jsonAnswer } from './json-answer.js';
import { LruCache } from './lru-cache.js';
import { compareMultiChoice, multiChoiceGold } from './multi-choice.js';
import { beforeNewProblem } from './new-problem.js';
import { MAX_ANSWER_CHARS, normalizeAnswer } from './normalize.js';
import { withPlainNumbers } from './number-spellings.js';
import { wordHedge } from './offered-word.js';
import { operatedNumber, withOperatorAfter } from './operated-number.js';
import { valueAfterOptionLabel } from './option-label.js';
import { optionRangeOf } from './option-letters.js';
import { DEFAULT_MATH_VERIFY_OPTIONS, type MathVerifyOptions } from './options.js';
import { parseAnswer } from './parse-answer.js';
import { PLAIN_NUMBER } from './parse-number.js';
import { comparePiecewise } from './piecewise.js';
import { withoutFunctionCalls } from './plain-text-math.js';
import { afterReasoning } from './reasoning-block.js';
import { emptyConjunction } from './relation-conjunction.js';
import { disownedInAnswer, retractedAnswer } from './retracted-answer.js';
import { withScaleWordAfter } from './scale-words.js';
import { withoutSegmentBar } from './segment-name.js';
import { isSentenceList } from './sentence-list.js';
import { compareSetWithTuple } from './set-against-tuple.js';
import { compareSymmetricRelations } from './symmetric-relation.js';
import { twoSidedBound } from './two-sided-bound.js';
import { restatesInOtherUnits } from './unit-dimension.js';
import { differentUnits, withUnitWrittenAfter } from './unit-mismatch.js';
import { unitVectorComponents } from './unit-vectors.js';
import { unreadCall, unreadCommands } from './unread-formula.js';
import { describeValue, type MathValue } from './value.js';
import { verbatimGold, verbatimUpToCapital } from './verbatim-gold.js';
import { notEqual, undecidable, type Verdict, withMethod } from './verdict.js';
import { answerBeforeCheck } from './verification-tail.js';

/** One side of a verification: what was extracted, normalized and parsed. */
export interface AnswerTrace {
  extracted: string | undefined;
  extractor: ExtractorName | 'whole' | GoldGuidedRule | undefined;
  normalized: string | undefined;
  parsed: string | undefined;
}

export interface VerifyOutcome extends Verdict {
  /** Why it is undecidable, when it is: no answer, nothing parsed, or the deadline. */
  failure: 'no_gold' | 'no_answer' | 'unparseable' | 'timeout' | undefined;
  gold: AnswerTrace;
  pred: AnswerTrace;
}

interface PreparedAnswer {
  trace: AnswerTrace;
  value: MathValue | undefined;
  /** For golds: the multiple-choice letter the gold is, if it is one. */
  choice?: string | undefined;
  /** For golds: the options a multiple-select gold names (`AC`, `A, C`), sorted. */
  choices?: string | undefined;
  /** For a gold option written with its text (`(B) 12`, `\textbf{(C) }\frac{1}{2}`): that text's value. */
  option?: MathValue | undefined;
  /** Longer than MAX_ANSWER_CHARS: not compared. */
  tooLong?: boolean;
  /** For golds: the gold read with a decimal comma (`1,22` as 1.22), once asked; null: no such reading. */
  decimalComma?: PreparedAnswer | null;
  /** For golds: a number of minutes written `N min` (`9\text{ min}`). */
  minutes?: boolean;
}

/** A number then `min` (normalized): minutes in a gold, and in a response against such a gold. */
const MINUTES = /^(-?\d+(?:\.\d+)?)\s*min$/;

/** An answer normalized to `N min`, read again as `N minutes` (its extractor kept); undefined for any other. */
function asMinutes(answer: PreparedAnswer): PreparedAnswer | undefined {
  const minutes = MINUTES.exec(answer.trace.normalized ?? '');
  if (minutes === null) return undefined;
  const extractor = answer.trace.extractor ?? 'whole';
  return prepare({ text: `${minutes[1]} minutes`, extractor } as Extraction);
}

const GOLD_MARKERS = ['\\boxed', '\\fbox', '####', '<answer>'];
/** A gold this long that names its answer in words is a solution, not an answer. */
const LONG_GOLD_CHARS = 100;
const SOLUTION_GOLD_EXTRACTION: readonly ExtractorName[] = ['final_answer', 'answer_colon'];
const GOLD_SENTENCE_EXTRACTION: readonly ExtractorName[] = ['final_answer', 'answer_colon', 'last_number'];
/** Parsed golds per options object (one per scorer), so repeated golds (GRPO groups) are free. */
const goldCaches = new WeakMap<MathVerifyOptions, LruCache<string, PreparedAnswer>>();
const GOLD_CACHE_SIZE = 8_192;

function prepare(extraction: Extraction | { text: string; extractor: 'whole' } | undefined): PreparedAnswer {
  if (extraction === undefined) {
    return {
      trace: { extracted: undefined, extractor: undefined, normalized: undefined, parsed: undefined },
      value: undefined,
    };
  }
  // Longer answers are not compared at all: never equal by reading a truncated prefix.
  if (extraction.text.length > MAX_ANSWER_CHARS) {
    return {
      trace: {
        extracted: extraction.text,
        extractor: extraction.extractor,
        normalized: undefined,
        parsed: undefined,
      },
      value: undefined,
      tooLong: true,
    };
  }
  const normalized = normalizeAnswer(extraction.text);
  if (normalized.text.includes('\\Gamma')) normalized.text = gammaAsFactorial(normalized.text);
  if (normalized.text.startsWith('\\overline')) normalized.text = withoutSegmentBar(normalized.text);
  const parsed = parseAnswer(normalized.text, normalized.percent);
  // `x \le -2 \text{ and } x \ge 7`: bounds joined by "and" that no number meets together.
  const value = emptyConjunction(parsed, extraction.text) ?? parsed;
  return {
    trace: {
      extracted: extraction.text,
      extractor: extraction.extractor,
      normalized: normalized.text,
      parsed: value === undefined ? undefined : describeValue(value),
    },
    value,
  };
}

function prepareGold(gold: string, options: MathVerifyOptions): PreparedAnswer {
  let cache = goldCaches.get(options);
  if (cache === undefined) {
    cache = new LruCache<string, PreparedAnswer>(GOLD_CACHE_SIZE);
    goldCaches.set(options, cache);
  }
  const cached = cache.get(gold);
  if (cached !== undefined) return cached;
  const prepared = PLAIN_NUMBER.test(gold) ? preparePlainNumber(gold) : prepareGoldText(gold, options);
  cache.set(gold, prepared);
  return prepared;
}

/** An integer or decimal gold (most golds of word problems): what `prepareGoldText` makes of it, directly. */
function preparePlainNumber(gold: string): PreparedAnswer {
  const value = parseAnswer(gold, false);
  return {
    trace: {
      extracted: gold,
      extractor: 'whole',
      normalized: gold,
      parsed: value === undefined ? undefined : describeValue(value),
    },
    value,
    choice: undefined,
  };
}

function prepareGoldText(gold: string, options: MathVerifyOptions): PreparedAnswer {
  const isSolution = GOLD_MARKERS.some((marker) => gold.includes(marker));
  let extraction = isSolution
    ? (extractAnswer(gold, options.goldExtraction) ?? unclosedBoxed(gold))
    : undefined;
  // A worked solution without a box: "... Final Answer: The final answer is $28\%$. I hope ...".
  // A short gold may state it too: "Alina and the answer is\n(C) Cecile"; so may one whose `####`
  // is a markdown heading, "#### Final Answer\n42", "#### Answer: 42" (round 7 of stop 35: a
  // soup_cli test's golds, read whole before).
  if (
    extraction === undefined &&
    (((isSolution || gold.length > LONG_GOLD_CHARS) && /answer/i.test(gold)) || /\banswer is\b/i.test(gold))
  ) {
    extraction = extractAnswer(gold, SOLUTION_GOLD_EXTRACTION);
  }
  // A gold sentence that states its value: "The number is 4." (gold-sentence.ts).
  if (extraction === undefined && isStatingSentence(gold)) {
    extraction = extractAnswer(gold, GOLD_SENTENCE_EXTRACTION);
  }
  // GSM8K's worked solutions as published with its model samples end in a line "A: 18".
  if (extraction === undefined && gold.includes('\n')) {
    const trimmed = gold.trimEnd();
    const last = /^\s*(?:A|Answer)\s*:(.+)$/.exec(trimmed.slice(trimmed.lastIndexOf('\n') + 1));
    const value = last?.[1]?.trim();
    if (value) extraction = { text: value, extractor: 'gsm8k', end: gold.length };
  }
  let prepared = prepare(extraction ?? { text: gold, extractor: 'whole' });
  const chainEnd = chainValue(prepared.trace.normalized);
  if (chainEnd !== undefined) prepared = prepare({ text: chainEnd, extractor: 'whole' });
  // `9\text{ min}` in an answer key is minutes (after a response's value, "min" may be a bound:
  // unit-words.ts); a response's `9 min` is then read the same way (readPrediction).
  const minutes = asMinutes(prepared);
  if (minutes !== undefined) {
    prepared = minutes;
    prepared.minutes = true;
  }
  const extracted = prepared.trace.extracted ?? '';
  prepared.choices = multiChoiceGold(extracted);
  // `C`, `(C)`, or an option with its text: `C. x = 42`, `(B) 12`; a small letter only in
  // parentheses (`(a)`, TheoremQA's options), where it names no variable.
  // A capital up to J is an option letter (MMLU-Pro's ten options: option-letters.ts).
  const letter = choiceLetter(extracted, 'A-J');
  prepared.choice =
    letter !== undefined && /^\s*(?:\\text\{)?(?:\(?[A-J]\)?|\(\s*[a-e]\s*\))/.test(extracted)
      ? letter
      : (labelledChoice(extracted) ?? labelledChoice(prepared.trace.normalized ?? ''));
  if (prepared.choice !== undefined) {
    // The option's text after its label: a prediction that gives the value, not the letter.
    const text = (prepared.trace.normalized ?? '').replace(/^\s*\(?[A-E]\)?[.:)]?\s*/, '');
    if (text !== '' && text !== prepared.trace.normalized)
      prepared.option = prepare({ text, extractor: 'whole' }).value;
  }
  return prepared;
}

/**
 * A gold chain of equalities ending in a number (`z = 1+1 = 2`, `1 = \zzz = x = 0`): its last
 * side is the value the chain arrives at, and the gold's answer.
 */
function chainValue(normalized: string | undefined): string | undefined {
  if (normalized === undefined || !normalized.includes('=') || normalized.includes(',')) return undefined;
  const sides = normalized.split('=');
  if (sides.length < 3 || /[<>]|\\(?:le|ge|ne|in)(?![A-Za-z])/.test(normalized)) return undefined;
  const last = (sides[sides.length - 1] as string).trim();
  return /^-?\d+(?:\.\d+)?(?:\/\d+)?$/.test(last) ? last : undefined;
}

/**
 * A multiple-choice gold written with its option's text: `(D) Alina`, `C. x = 42`, `B) 12`,
 * `C Cecile` (a letter, then a capitalised word): the letter is the answer.
 */
function labelledChoice(gold: string): string | undefined {
  const match = /^\s*(?:\(([A-E])\)\s*\S|\(?([A-E])[.)]\s+\S|([A-E])\s+[A-Z][a-z]+(?:\s|$))/.exec(gold);
  return match?.[1] ?? match?.[2] ?? match?.[3];
}

/** Numbers joined by colons that end where a last-number extraction ends: `3:4`, `2 : 3 : 5`. */
const RATIO_BEFORE = /(?<![\d.:])(?:\d+(?:\.\d+)?\s*:\s*)+$/;
/** A number, then "or", "and", a comma or a semicolon, right before a ratio: another candidate. */
const HEDGED_BEFORE = /\d\s*(?:,|;|\bor\b|\band\b|或)\s*$/;

/** A number and "to" right before a last-number extraction (`7 to 32`), not after "from" or "between". */
const RATIO_IN_WORDS_BEFORE = /(?<![\d.:])(\d+(?:\.\d+)?)\s+to\s+$/i;
/** A range's opening, or a chain of "to" (`16 to 17 to 19`): no ratio of two. */
const RANGE_OPENING = /\b(?:from|between|up|to)\s*$/i;
/** A word after the last number (`17 to 19 days`): a range of a quantity, not a ratio. */
const NOUN_AFTER = /^\s*[A-Za-z]/;

/** "The ratio is 7 to 32." against a ratio gold: `7:32` (stop 36's examiner pairs read 32). */
function ratioInWordsAround(extraction: Extraction, window: string, after: string): Extraction | undefined {
  const words = RATIO_IN_WORDS_BEFORE.exec(window);
  if (words === null || NOUN_AFTER.test(after)) return undefined;
  const opening = window.slice(0, words.index);
  if (RANGE_OPENING.test(opening) || HEDGED_BEFORE.test(opening)) return undefined;
  return { ...extraction, text: `${words[1]}:${extraction.text}` };
}

/**
 * Against a ratio gold (`3:4`), a last number read from prose ("So the ratio is 3:4.") is the
 * ratio's last part: the whole ratio is the answer.
 */
function ratioAround(extraction: Extraction | undefined, response: string): Extraction | undefined {
  if (extraction?.extractor !== 'last_number' || response.length > MAX_SCANNED_CHARS) return undefined;
  const start = extraction.end - extraction.text.length;
  if (response.slice(start, extraction.end) !== extraction.text) return undefined;
  const window = response.slice(Math.max(0, start - 80), start);
  const before = RATIO_BEFORE.exec(window);
  if (before === null)
    return ratioInWordsAround(extraction, window, response.slice(extraction.end, extraction.end + 20));
  // "1:2 or 3:4" names two ratios: a hedge, left as the last number (which does not score).
  if (HEDGED_BEFORE.test(window.slice(0, before.index))) return undefined;
  return { ...extraction, text: `${before[0]}${extraction.text}` };
}

/**
 * "The discriminant equals $0$ when $k = 4$." against a gold `k = 4`: the gold names the letter of
 * the condition, so the condition is the answer (the value before it, 0, answers another
 * question). A bare gold keeps the value (condition-span.ts); only the gold's own letter turns it.
 */
function conditionNamedByGold(
  gold: PreparedAnswer,
  extraction: Extraction | undefined,
): Extraction | undefined {
  const condition = extraction?.condition;
  if (condition === undefined || extraction === undefined) return undefined;
  const label = /^\s*([A-Za-z](?:_\{?\w+\}?)?)\s*=/.exec(gold.trace.normalized ?? '');
  const conditionLabel = /^([A-Za-z](?:_\{?\w+\}?)?)\s*=/.exec(condition);
  if (label === null || conditionLabel === null || label[1] !== conditionLabel[1]) return undefined;
  return { text: condition, extractor: extraction.extractor, end: extraction.coversTo ?? extraction.end };
}

/** Words, or an "expression" that is really words multiplied together (three or more letters). */
function isProse(value: MathValue | undefined): boolean {
  if (value?.kind === 'text' || isSentenceList(value)) return true;
  if (value?.kind !== 'expression') return false;
  const words = withoutFunctionCalls(value.text).replace(/\\[A-Za-z]+|\b(?:gcd|lcm|max|min|mod)\b/g, '');
  return /[A-Za-z]{3,}/.test(words);
}

/** An expression holding a word of another language ("18 долларов", "18 đô la"): prose around a number (foreign-prose.ts). */
function isForeignProse(value: MathValue | undefined): boolean {
  return value?.kind === 'expression' && holdsForeignWord(value.text);
}

function predExtractors(options: MathVerifyOptions): readonly ExtractorName[] {
  return options.lastNumberFallback
    ? options.extraction
    : options.extraction.filter((name) => name !== 'last_number');
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

/** The prediction as read against the gold, and what the comparison needs of the reading. */
interface ReadPrediction {
  pred: PreparedAnswer;
  /** The answer was read after a reasoning block (`</think>`): what the reason of no answer says. */
  afterReasoningBlock: boolean;
  /**
   * The text the answer was read from (visible, plain numbers) as the extractors read it
   * (cleanResponse): the extraction's positions refer to it.
   */
  read: string;
  /** The extraction the hedge rules look around. */
  extraction: Extraction | undefined;
  /** Why a prose phrase around the number does not commit to it, when it does not. */
  phraseHedged: string | undefined;
  /** The commands of a formula the parser could not read, whose last number was read (unread-formula.ts). */
  unreadFormula: string[] | undefined;
}

/**
 * Reads the response's answer, guided by the gold's kind: the extractors, a check after the
 * answer, a stated choice, the gold-guided rules, scale and number words, ratios and lists, a
 * number inside prose and a decimal comma.
 */
function readPrediction(gold: PreparedAnswer, response: string, options: MathVerifyOptions): ReadPrediction {
  // What a reader of the rendered response sees (no zero-width characters, phantoms, comments ...),
  // after the reasoning block when an answer text follows it (reasoning-block.ts), and
  // before a problem the model invented after its answer (new-problem.ts).
  const asked = beforeNewProblem(response);
  const reasoned = afterReasoning(asked);
  // A closing `<answer>` tag of worked prose is read as the response (answer-marker.ts).
  const answerText = (reasoned.includes('</answer>') ? closingWorkedTag(reasoned) : undefined) ?? reasoned;
  const visible = withoutCalculatorNotes(withoutInvisibleText(answerText));
  const whole = withPlainNumbers(visible);
  // A response cut off inside its last box states no answer (`\boxed{3` of `\boxed{35}`), unless
  // it is a loop of one boxed answer: then it reads without the cut box (cut-repeated-box.ts).
  const cutInBox = endsInsideBox(whole);
  const repeated = cutInBox ? beforeCutRepeatedBox(whole) : undefined;
  const text = repeated ?? whole;
  const cutInLastBox = cutInBox && repeated === undefined;
  const extractors = predExtractors(options);
  const extracted = cutInLastBox ? undefined : extractAnswer(text, extractors);
  // The text as the extractors read it, taken now while cleanResponse's memo holds it (the check
  // below extracts from a prefix, which replaces the memo): the hedge rules read it again.
  const read = cleanResponse(text);
  // A closing JSON object whose answer fields differ states no answer either (extractAnswer found
  // none): no fallback reads one of them (json-answer.ts; stop 37's red team was paid "Yes" for
  // `{"answer": "Yes", "answer": "No"}`). Looked for only when nothing was extracted.
  const cutOff =
    cutInLastBox ||
    (extracted === undefined && extractors.includes('json_answer') && jsonAnswer(read) === 'conflicting');
  const before = answerBeforeCheck(text, extracted, extractors) ?? extracted;
  // A closing statement of one option (`Solution: Choice_B`) against a choice gold (choice-answer.ts).
  const statement = cutOff ? undefined : statedChoiceAnswer(gold, text, before);
  const chosen =
    statement === undefined
      ? undefined
      : guided({ text: statement, extractor: 'last_number', end: text.length }, 'gold_guided_choice');
  const guidedAnswer =
    chosen ??
    (!cutOff &&
    (before === undefined ||
      namesOptionBeforeValue(gold, before, visible) ||
      namesOptionAfterValue(gold, visible))
      ? goldGuided(gold, visible)
      : undefined) ??
    (cutOff || before === undefined
      ? undefined
      : (truthPastWeakExtraction(gold, before, read) ?? optionsPastWeakExtraction(gold, before, read)));
  const stated = guidedAnswer ?? conditionNamedByGold(gold, before) ?? before;
  const extraction =
    twoSidedBound(stated, text) ??
    withScaleWordAfter(stated, text) ??
    withOperatorAfter(stated, text) ??
    closingNumberWords(stated, text) ??
    closingExpression(stated, text) ??
    stated;
  const goldKind = gold.value?.kind;
  // The gold's kind widens a last number to the whole answer around it (a ratio, a bracketed
  // pair: text of the response, which the hedge checks then read, so "not 3:4" is qualified;
  // numbers joined by "and", rewritten as a list the checks cannot find: they read the last number).
  const answer =
    (goldKind === 'ratio'
      ? ratioAround(extraction, text)
      : (goldKind === 'tuple' || goldKind === 'interval') && gold.trace.normalized?.startsWith('[')
        ? bracketedPairAround(extraction, text)
        : undefined) ?? extraction;
  let predAnswer = prepare(
    goldKind === 'list' || goldKind === 'set' ? (numbersJoinedByAnd(extraction, text) ?? answer) : answer,
  );
  // Report the gold-guided rule that found the answer, not the extractor it travels as.
  if (guidedAnswer !== undefined && predAnswer.trace.extractor === 'last_number')
    predAnswer.trace.extractor = guidedAnswer.guidedBy;
  // Prose around a number ("sixteen (16)") against a number gold: the phrase's last number,
  // unless the phrase names several values or qualifies it ("forty (50)", "at least 40").
  let phraseHedged: string | undefined;
  let unreadFormula: string[] | undefined;
  if (gold.value?.kind === 'number' && (isProse(predAnswer.value) || isForeignProse(predAnswer.value))) {
    // `\floor(\sqrt{100})` with a command not read: its number may show a hedge, never match.
    unreadFormula = unreadCommands(predAnswer.value) ?? unreadCall(predAnswer.value);
    const phrase = predAnswer.trace.extracted ?? '';
    // "220 dollars in 12 months": a number after "in", "after", "per" ... is a condition.
    const masked = withoutConditionNumbers(phrase);
    const maskedNumber = masked === undefined ? undefined : runExtractor('last_number', masked);
    const number = maskedNumber ?? runExtractor('last_number', phrase);
    if (number !== undefined) {
      const read = maskedNumber === undefined ? phrase : (masked as string);
      phraseHedged = phraseHedge(read, number) ?? foreignQualifier(read);
      // `\boxed{18!\text{ ways}}` is 18!; `e^{18} \text{ ways}` is no number (operated-number.ts).
      const operated = operatedNumber(read, number.end - number.text.length, number.end);
      if (operated !== undefined && 'argumentOf' in operated) unreadFormula ??= [operated.argumentOf];
      predAnswer = prepare(
        operated !== undefined && 'formula' in operated ? { ...number, text: operated.formula } : number,
      );
    }
  }
  // A decimal comma (`3,5` against a gold 3.5) reads as a decimal when it cannot be thousands.
  const predText = predAnswer.trace.extracted?.trim() ?? '';
  if (
    gold.value?.kind === 'number' &&
    predAnswer.value?.kind === 'list' &&
    /^-?\d+,\d{1,2}$/.test(predText)
  ) {
    predAnswer = prepare({
      text: predText.replace(',', '.'),
      extractor: predAnswer.trace.extractor ?? 'whole',
    } as Extraction);
  }
  // A short unit glued to a number (`12ft`) against a number gold: the number (glued-unit.ts).
  const unitless =
    gold.value?.kind === 'number' && predAnswer.value?.kind !== 'number'
      ? numberBeforeShortUnit(predText)
      : undefined;
  if (unitless !== undefined) {
    predAnswer = prepare({ text: unitless, extractor: predAnswer.trace.extractor ?? 'whole' } as Extraction);
  }
  // `9\text{ min}` against a gold of minutes written so: minutes too.
  if (gold.minutes === true) predAnswer = asMinutes(predAnswer) ?? predAnswer;
  // `3\mathbf{i} - \mathbf{j} + 2\mathbf{k}` against a gold vector: its components (unit-vectors.ts).
  const components =
    goldKind === 'matrix' || goldKind === 'tuple' ? unitVectorComponents(gold.value, predText) : undefined;
  if (components !== undefined) {
    predAnswer = prepare({
      text: components,
      extractor: predAnswer.trace.extractor ?? 'whole',
    } as Extraction);
  }
  return {
    pred: predAnswer,
    afterReasoningBlock: answerText !== asked,
    read,
    extraction: answer,
    phraseHedged,
    unreadFormula,
  };
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
    const reason = reading.afterReasoningBlock ? NO_ANSWER_AFTER_REASONING : NO_ANSWER;
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

/**
 * An equal verdict, unless the response does not commit to that answer (`hedged-answer.ts`): a
 * negation or bound qualifies it ("at least 40"), or it offers an alternative that is not the
 * gold too: "The answer is 5 (or possibly 6).", "\boxed{40}. Or maybe 50." name two answers, a
 * hedge, and are not equal; "1/2 (or 0.5)" restates the same value and stays equal.
 */
function unlessHedged(
  verdict: Verdict,
  gold: PreparedAnswer,
  extraction: Extraction | undefined,
  /** The response as the extractors read it (cleanResponse), where `extraction`'s positions are. */
  read: string,
  options: MathVerifyOptions,
  deadline: number,
  /** How an offered alternative is compared with the gold when the gold has no value (a congruence). */
  sameAsGold?: (offered: string) => boolean,
): Verdict {
  if (verdict.verdict !== 'equal' || extraction === undefined) return verdict;
  if (gold.choice !== undefined && optionRangeOf(gold.choice) === 'A-J') {
    // A weak reading (a math span, a closing letter) is checked against the response's last 300
    // characters, where it was found (`(H) $\text{or } J$`, "H\n\n(J) is the last option listed.").
    const from = WEAK_EXTRACTORS.has(extraction.extractor)
      ? Math.max(0, read.length - 300)
      : (extraction.start ?? Math.max(0, extraction.end - extraction.text.length));
    const other = anotherOptionNamed(gold.choice, read.slice(from));
    if (other !== undefined) return notEqual('hedge', `the answer also names option ${other}`);
  }
  const end = answerEnd(read, extraction);
  const words = wordHedge(gold.trace.normalized ?? '', gold.choice, extraction.text, read.slice(end));
  if (words !== undefined) return notEqual('hedge', words);
  if (gold.value === undefined && sameAsGold === undefined) return verdict;
  const qualified =
    qualifiedAnswer(read, extraction) ??
    disownedInAnswer(extraction.text) ??
    retractedAnswer(read, end, extraction.text);
  if (qualified !== undefined) return notEqual('hedge', qualified);
  const inParentheses = extraction.alternative !== undefined;
  let alternative = extraction.alternative ?? offeredAlternative(read, extraction);
  if (alternative === undefined) return verdict;
  // "2 hours (or 120 minutes)": the answer restated in other units is no second answer (unit-dimension.ts);
  // a value offered after it still is ("... (or 1020 minutes). Or maybe 19 hours.": stop 36's red team).
  if (restatesInOtherUnits(extraction.text, alternative)) {
    const later = inParentheses ? offeredAlternative(read, extraction) : undefined;
    if (later === undefined || alternative.startsWith(later)) return verdict;
    alternative = later;
  }
  const offered = prepare({ text: alternative, extractor: extraction?.extractor ?? 'whole', end: 0 });
  const sameChoice =
    gold.choice !== undefined &&
    choiceLetter(offered.trace.normalized ?? '', optionRangeOf(gold.choice)) === gold.choice;
  const same =
    sameChoice ||
    sameAsGold?.(alternative) === true ||
    (gold.value !== undefined &&
      offered.value !== undefined &&
      compareValues(gold.value, offered.value, { options, budget: new Budget(deadline) }).verdict ===
        'equal');
  if (same || labelsClosingValue(read, gold.choice, alternative)) return verdict;
  return notEqual(
    'hedge',
    `the answer offers another${inParentheses ? ' in parentheses' : ''}: ${alternative}`,
  );
}

/**
 * Whether the response ends on the gold's option letter labelling the value offered (`... is: B) 10`,
 * AQuA's options as GPT-4 closes on them: real outputs round 13): the option's text, no second answer.
 */
function labelsClosingValue(read: string, choice: string | undefined, value: string): boolean {
  if (choice === undefined) return false;
  const tail = read.trimEnd().replace(/[.!]$/, '').trimEnd();
  if (!tail.endsWith(value)) return false;
  return new RegExp(`(?<![A-Za-z])\\(?${choice}[).:]\\s*$`).test(tail.slice(0, -value.length));
}

/** A list gold `1,22` or `0,111` read as a decimal (against a number), prepared once per gold. */
function decimalCommaReading(gold: PreparedAnswer): PreparedAnswer | undefined {
  if (gold.decimalComma === undefined) {
    const text = gold.trace.extracted?.trim() ?? '';
    gold.decimalComma = /^-?\d+,\d{1,2}$|^-?0,\d+$/.test(text)
      ? prepare({ text: text.replace(',', '.'), extractor: 'whole' })
      : null;
  }
  return gold.decimalComma ?? undefined;
}

/** Comparisons of the extracted texts, tried in order before the parsed values are compared. */
const TEXT_RULES: readonly ((gold: string | undefined, pred: string | undefined) => Verdict | undefined)[] = [
  comparePiecewise,
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
