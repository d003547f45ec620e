/**
 * The response's answer as read against a gold: the extractors, a check after the answer, a stated
 * choice, the gold-guided rules, and the widenings and rewritings the gold's kind asks for.
 */
import { closingWorkedTag } from './answer-marker.js';
import { withoutConditionNumbers } from './answer-phrase.js';
import { endsInsideBox } from './boxed-answer.js';
import { bracketedPairAround } from './bracketed-pair.js';
import { withoutCalculatorNotes } from './calculator-note.js';
import { replyAfterEchoedPrompt } from './chat-tokens.js';
import { namesOptionAfterValue, namesOptionBeforeValue, statedChoiceAnswer } from './choice-answer.js';
import { cleanResponse } from './clean-response.js';
import { closingExpression } from './closing-expression.js';
import { closingNumberWords } from './closing-number-words.js';
import { endsAnnouncingAnswer } from './cut-at-answer.js';
import { isCutLoopNumber } from './cut-loop.js';
import { beforeCutRepeatedBox } from './cut-repeated-box.js';
import { isInCutRepeatedParagraph } from './cut-repeated-paragraph.js';
import { derivedResult } from './derived-result.js';
import { dspyAnswerText } from './dspy-fields.js';
import { extractAnswer, runExtractor } from './extract.js';
import { type Extraction, type ExtractorName, WEAK_EXTRACTORS } from './extraction.js';
import { foreignQualifier, holdsForeignWord } from './foreign-prose.js';
import { fullWidthSpanList } from './full-width-spans.js';
import { numberBeforeShortUnit } from './glued-unit.js';
import { mixedNumberInParentheses } from './gold-answer.js';
import {
  goldGuided,
  guided,
  noSolutionPastWeakExtraction,
  optionsPastWeakExtraction,
  truthPastWeakExtraction,
} from './gold-guided.js';
import { harmonyAnswerText } from './harmony-messages.js';
import { phraseHedge } from './hedged-answer.js';
import { withoutInvisibleText } from './invisible-text.js';
import { numbersJoinedByAnd } from './joined-numbers.js';
import { jsonAnswer } from './json-answer.js';
import { beforeNewProblem } from './new-problem.js';
import { withPlainNumbers } from './number-spellings.js';
import { operatedNumber, withOperatorAfter } from './operated-number.js';
import type { MathVerifyOptions } from './options.js';
import { withoutFunctionCalls } from './plain-text-math.js';
import { asMinutes, type PreparedAnswer, prepare } from './prepared-answer.js';
import { ratioAround } from './ratio-around.js';
import { afterReasoning } from './reasoning-block.js';
import { withScaleWordAfter } from './scale-words.js';
import { isSentenceList } from './sentence-list.js';
import { solutionTagsAsAnswerTags } from './solution-tag.js';
import { withoutTemplatePlaceholders } from './template-placeholder.js';
import { twoSidedBound } from './two-sided-bound.js';
import { unitVectorComponents } from './unit-vectors.js';
import { unreadCall, unreadCommands } from './unread-formula.js';
import type { MathValue } from './value.js';
import { answerBeforeCheck } from './verification-tail.js';

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

/** The prediction as read against the gold, and what the comparison needs of the reading. */
export interface ReadPrediction {
  pred: PreparedAnswer;
  /** The answer was read after a reasoning block (`</think>`): what the reason of no answer says. */
  afterReasoningBlock: boolean;
  /** Why a response cut off states no answer (its last box left open, its answer announced last). */
  cutOff: string | undefined;
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

const CUT_IN_BOX =
  'it ends inside its last \\boxed{ (cut off while writing it; a stop string that ends generation at "}" removes the closing brace: keep stop strings in the output)';
const CUT_AT_ANSWER = 'it ends announcing its answer ("the answer is"), cut off before stating it';
const CUT_IN_LOOP = 'it repeats its own text until the cut, which stopped the last copy before its value';

/**
 * Reads the response's answer, guided by the gold's kind: the extractors, a check after the
 * answer, a stated choice, the gold-guided rules, scale and number words, ratios and lists, a
 * number inside prose and a decimal comma.
 */
export function readPrediction(
  gold: PreparedAnswer,
  response: string,
  options: MathVerifyOptions,
): ReadPrediction {
  // What a reader of the rendered response sees (no zero-width characters, phantoms, comments ...),
  // after the reasoning block when an answer text follows it (reasoning-block.ts), and
  // before a problem the model invented after its answer (new-problem.ts).
  // A harmony reply (gpt-oss) is read as its final message, else its analysis (harmony-messages.ts);
  // a DSPy completion as its answer field (dspy-fields.ts).
  // A prompt echoed before the reply is no part of it (chat-tokens.ts).
  const asked = beforeNewProblem(dspyAnswerText(harmonyAnswerText(replyAfterEchoedPrompt(response))));
  // An agent's `<solution>` tag is its answer tag (solution-tag.ts).
  const reasoned = solutionTagsAsAnswerTags(afterReasoning(asked));
  // A closing `<answer>` tag of worked prose is read as the response (answer-marker.ts).
  const answerText = (reasoned.includes('</answer>') ? closingWorkedTag(reasoned) : undefined) ?? reasoned;
  // A prompt's `#### [your final answer]` echoed into it names no answer (template-placeholder.ts).
  const visible = withoutTemplatePlaceholders(withoutCalculatorNotes(withoutInvisibleText(answerText)));
  const whole = withPlainNumbers(visible);
  // A response cut off inside its last box states no answer (`\boxed{3` of `\boxed{35}`), unless
  // it is a loop of one boxed answer: then it reads without the cut box (cut-repeated-box.ts).
  const cutInBox = endsInsideBox(whole);
  const repeated = cutInBox ? beforeCutRepeatedBox(whole) : undefined;
  const text = repeated ?? whole;
  const cutInLastBox = cutInBox && repeated === undefined;
  const extractors = predExtractors(options);
  const found = cutInLastBox ? undefined : extractAnswer(text, extractors);
  // The text as the extractors read it, taken now while cleanResponse's memo holds it (the check
  // below extracts from a prefix, which replaces the memo): the hedge rules read it again.
  const read = cleanResponse(text);
  // A loop cut by the token limit inside a number (`- 1/2 - 1/2 - 1`) states none (cut-loop.ts).
  // So does the last copy of a paragraph repeated until the cut (cut-repeated-paragraph.ts).
  const cutInLoop =
    found !== undefined &&
    (isCutLoopNumber(read, found) ||
      (WEAK_EXTRACTORS.has(found.extractor) && isInCutRepeatedParagraph(read, found.end)));
  // A response cut off right after announcing its answer states none (cut-at-answer.ts).
  const cutAtAnswer =
    found !== undefined && WEAK_EXTRACTORS.has(found.extractor) && endsAnnouncingAnswer(read, found.end);
  const extracted = cutInLoop || cutAtAnswer ? undefined : found;
  // A closing JSON object whose answer fields differ states no answer either (extractAnswer found
  // none): no fallback reads one of them (json-answer.ts; stop 37's red team was paid "Yes" for
  // `{"answer": "Yes", "answer": "No"}`). Looked for only when nothing was extracted.
  const cutOff =
    cutInLastBox ||
    cutInLoop ||
    cutAtAnswer ||
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
      : (truthPastWeakExtraction(gold, before, read) ??
        optionsPastWeakExtraction(gold, before, read) ??
        noSolutionPastWeakExtraction(gold, before, read)));
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
  const predAnswer = prepare(
    goldKind === 'list' || goldKind === 'set'
      ? (numbersJoinedByAnd(extraction, text) ?? fullWidthSpanList(extraction, text) ?? answer)
      : answer,
  );
  // Report the gold-guided rule that found the answer, not the extractor it travels as.
  if (guidedAnswer !== undefined && predAnswer.trace.extractor === 'last_number')
    predAnswer.trace.extractor = guidedAnswer.guidedBy;
  const rewritten = rewrittenForGold(gold, predAnswer);
  return {
    pred: rewritten.pred,
    afterReasoningBlock: answerText !== asked,
    cutOff: cutInLastBox ? CUT_IN_BOX : cutAtAnswer ? CUT_AT_ANSWER : cutInLoop ? CUT_IN_LOOP : undefined,
    read,
    extraction: answer,
    phraseHedged: rewritten.phraseHedged,
    unreadFormula: rewritten.unreadFormula,
  };
}

/** The prediction prepared again from another text, its extractor kept. */
function reread(pred: PreparedAnswer, text: string): PreparedAnswer {
  return prepare({ text, extractor: pred.trace.extractor ?? 'whole' } as Extraction);
}

/** A prediction rewritten for its gold, and what its prose phrase says of it. */
interface RewrittenPrediction {
  pred: PreparedAnswer;
  phraseHedged: string | undefined;
  unreadFormula: string[] | undefined;
}

/**
 * Prose around a number ("sixteen (16)") against a number gold: the phrase's last number, unless
 * the phrase names several values or qualifies it ("forty (50)", "at least 40").
 */
function numberOfPhrase(pred: PreparedAnswer): RewrittenPrediction {
  // `\floor(\sqrt{100})` with a command not read: its number may show a hedge, never match.
  let unreadFormula = unreadCommands(pred.value) ?? unreadCall(pred.value);
  const phrase = pred.trace.extracted ?? '';
  // "220 dollars in 12 months": a number after "in", "after", "per" ... is a condition.
  const masked = withoutConditionNumbers(phrase);
  const maskedNumber = masked === undefined ? undefined : runExtractor('last_number', masked);
  const number = maskedNumber ?? runExtractor('last_number', phrase);
  if (number === undefined) return { pred, phraseHedged: undefined, unreadFormula };
  const read = maskedNumber === undefined ? phrase : (masked as string);
  const phraseHedged = phraseHedge(read, number) ?? foreignQualifier(read);
  // `\boxed{18!\text{ ways}}` is 18!; `e^{18} \text{ ways}` is no number (operated-number.ts).
  const operated = operatedNumber(read, number.end - number.text.length, number.end);
  if (operated !== undefined && 'argumentOf' in operated) unreadFormula ??= [operated.argumentOf];
  const numberRead = prepare(
    operated !== undefined && 'formula' in operated ? { ...number, text: operated.formula } : number,
  );
  return { pred: numberRead, phraseHedged, unreadFormula };
}

/**
 * The rewritings of a prediction its gold asks for: the result a derivation reaches, the number of
 * a prose phrase, a decimal comma, a glued unit, a mixed number or minutes written as the gold
 * writes them, a vector's components.
 */
function rewrittenForGold(gold: PreparedAnswer, prepared: PreparedAnswer): RewrittenPrediction {
  const goldKind = gold.value?.kind;
  let predAnswer = prepared;
  // An answer written as its derivation (`... \implies x = 175`, `30 - 6 = 24, \frac{24}{2} = 12`):
  // the result it reaches (derived-result.ts), unless the gold is written so too.
  const derived = predAnswer.trace.extracted?.includes('=')
    ? derivedResult(
        predAnswer.trace.extracted,
        gold.trace.normalized ?? '',
        goldKind === 'number' || goldKind === 'expression',
      )
    : undefined;
  if (derived !== undefined) predAnswer = reread(predAnswer, derived);
  let phraseHedged: string | undefined;
  let unreadFormula: string[] | undefined;
  if (goldKind === 'number' && (isProse(predAnswer.value) || isForeignProse(predAnswer.value))) {
    ({ pred: predAnswer, phraseHedged, unreadFormula } = numberOfPhrase(predAnswer));
  }
  // A decimal comma (`3,5` against a gold 3.5) reads as a decimal when it cannot be thousands.
  const predText = predAnswer.trace.extracted?.trim() ?? '';
  if (goldKind === 'number' && predAnswer.value?.kind === 'list' && /^-?\d+,\d{1,2}$/.test(predText)) {
    predAnswer = reread(predAnswer, predText.replace(',', '.'));
  }
  // A short unit glued to a number (`12ft`) against a number gold: the number (glued-unit.ts).
  const unitless =
    goldKind === 'number' && predAnswer.value?.kind !== 'number'
      ? numberBeforeShortUnit(predText)
      : undefined;
  if (unitless !== undefined) predAnswer = reread(predAnswer, unitless);
  // `1(1/3)` against a gold written so: the same mixed number (gold-answer.ts).
  const mixed = gold.mixedInParentheses === true ? mixedNumberInParentheses(predText) : undefined;
  if (mixed !== undefined) predAnswer = reread(predAnswer, mixed);
  // `9\text{ min}` against a gold of minutes written so: minutes too.
  if (gold.minutes === true) predAnswer = asMinutes(predAnswer) ?? predAnswer;
  // `3\mathbf{i} - \mathbf{j} + 2\mathbf{k}` against a gold vector: its components (unit-vectors.ts).
  const components =
    goldKind === 'matrix' || goldKind === 'tuple' ? unitVectorComponents(gold.value, predText) : undefined;
  if (components !== undefined) predAnswer = reread(predAnswer, components);
  return { pred: predAnswer, phraseHedged, unreadFormula };
}
