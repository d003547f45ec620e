/**
 * A closing sentence that restates the result the working computed last, then repeats numbers of
 * the problem: "... = \$11,050\n\nTherefore, Bentley paid \$11,050 to fill 170 balloons after the
 * price increase." The last-number fallback read 170, a given; the sentence states 11,050, the
 * value after the working's last `=`. Real outputs rounds 22 and 24 (GSM8K solutions of
 * Qwen2.5-7B in StrictPRMBench's pools, SEA agents, Gemini Pro on MAWPS; JEEBench by GPT-4):
 * "6 pages per day in the remaining 4 days", "23 pounds of stuffing to make 4 chihuahua beds and 3
 * collie beds", "needs 2 tables to accommodate the 6 people". Math-Verify reads the last number too.
 *
 * The result is read in place of the last number only when all hold, none of them the gold's:
 * - the working's last `=` (before the closing line) is followed by one number, no operator after
 *   it, written there for the first time: the result R (a check, "Check: 170 × 65 = 11,050",
 *   repeats a number already written and is no result);
 * - the closing line (the value's sentence on it) states R before the last number, a preposition
 *   between them and no comma, semicolon or colon ("paid R to fill 170", "R pages per day in the
 *   remaining 4 days"; "R and 5" lists two answers);
 * - every number after R in the sentence, the last one too, differs from R and is a given: written
 *   before the sentence other than as a label ("Step 4"; a value the working computed on the way
 *   counts: "the 6 people who showed up", 18 - 12 = 6);
 * - no word in the sentence doubts, rejects, bounds, corrects or offers ("or", "not", "only",
 *   "instead", "too many", "exceeds", "capped", "however", "isn't", "slip", "from 50 to 40", a
 *   question mark ...), and no value the working computed is joined on after a comma or "and"
 *   ("18 girls among the 30 students, and 12 boys": two answers).
 * A question whose answer is the given ("How many balloons?" answered "paid \$11,050 to fill 170
 * balloons" after computing 170) keeps its last number: 170 was the result. A red team of stop 45
 * (559 probes) shaped the conditions on the result, the preposition, the givens and the words.
 */
import type { Extraction } from './extraction.js';

/** A number as the sentence writes it: digits, thousands commas, a decimal part; not a subscript, power or part of a name. */
const NUMBER =
  /(?<![\w^_{.]|\\[A-Za-z]*|\d[.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]*\d)|(?<![\w^_{.]|\d[.,])\d+(?:\.\d+)?/g;

/** The number right after an `=`, past money signs, math delimiters and bold marks. */
const RESULT_AFTER_EQUALS =
  /[ \t]*(?:\\?\$|\\\(|\\\[|\*\*|\\text\{\s*\\?\$\s*\}|\\,)*[ \t]*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d.,]*\d)/y;
/** An operator after the result, its unit words between: the right side goes on (`= 24 / 4`, `= 6 people / 3`), no result yet. */
const OPERATOR_AFTER =
  /[ \t]*(?:(?:[A-Za-z]+|\\text\{[^{}]*\})[ \t]*){0,3}(?:[-+*/×÷^]|\\times|\\cdot|\\div)[ \t]*[\d(\\$]/y;
/** Words that doubt, reject, correct or offer another value anywhere in the closing sentence. */
const OFFERS_OR_DOUBTS =
  /\b(?:or|not|no|nope|but|only|actually|instead|wait|maybe|perhaps|possibly|either|rather|(?:in)?correct(?:ed|ion|ly)?|mistakes?|wrong|slip|typo|scratch|however|although|though|approximately|about|around|nearly|almost|too|exceeds?|impossible|leaves?|left|minus|isn't|aren't|can't|cannot|doesn't|don't|won't|wasn't|if|unless|check(?:ed|ing)?|should|would|could|might|must|cap(?:ped)?|limit(?:ed)?|max(?:imum)?|min(?:imum)?|least|most)\b|\bfrom\b[^.]*\bto\b[^.]*\d|\?|\\neq?\b|≠|→|\\to\b/i;
/** A preposition between the result and the first given: "to fill", "in the remaining", "per", "for". */
const PREPOSITION =
  /\b(?:to|for|from|in|into|over|of|with|per|by|at|on|across|during|after|within|among|between|each|every|a)\b/i;
/** A label before a number: "Step 4", "Part 2", "#3", "No. 5", "Question 1". */
const LABEL_BEFORE = /(?:\b(?:step|part|question|problem|case|no\.?|item|line)|#)\s*$/i;

/** The value of a number as written (thousands commas dropped). */
function writtenValue(written: string): number {
  return Number(written.includes(',') ? written.replace(/,/g, '') : written);
}

/** Where the sentence holding `at` starts on its line (from `lineStart`): after the last full stop followed by a space. */
function sentenceStart(text: string, at: number, lineStart: number): number {
  for (let index = at - 1; index > lineStart; index--) {
    const code = text.charCodeAt(index);
    if ((code === 46 || code === 33 || code === 63) && /\s/.test(text[index + 1] ?? '')) return index + 1;
  }
  return lineStart;
}

/** The number right after the `=` at `equals`, ending at or before `before`, as its match (sticky: no copy of the text). */
function numberAfter(text: string, equals: number, before: number): RegExpExecArray | undefined {
  RESULT_AFTER_EQUALS.lastIndex = equals + 1;
  const number = RESULT_AFTER_EQUALS.exec(text);
  return number === null || number.index + number[0].length > before ? undefined : number;
}

/** Whether the right side goes on after that number (an operator, unit words between). */
function goesOn(text: string, number: RegExpExecArray): boolean {
  OPERATOR_AFTER.lastIndex = number.index + number[0].length;
  return OPERATOR_AFTER.test(text);
}

/** The result after the `=` at `equals` (read up to `before`), as written, or undefined. */
function resultAfter(text: string, equals: number, before: number): string | undefined {
  const number = numberAfter(text, equals, before);
  return number === undefined || goesOn(text, number) ? undefined : number[1];
}

/**
 * The result the closing sentence restates before the problem's numbers it repeats (see the module
 * comment), in place of the last number `last`; undefined when the sentence does not.
 */
export function restatedResultBeforeGivens(text: string, last: Extraction): Extraction | undefined {
  const lastStart = last.end - last.text.length;
  const lineStart = text.lastIndexOf('\n', lastStart - 1) + 1;
  if (lineStart === 0) return undefined;
  // The common case ends here: the closing line's last number is the working's last result.
  const equals = text.lastIndexOf('=', lineStart - 1);
  const number = equals < 0 ? undefined : numberAfter(text, equals, lineStart);
  if (number === undefined) return undefined;
  const result = number[1] as string;
  const resultValue = writtenValue(result);
  if (writtenValue(last.text) === resultValue || goesOn(text, number)) return undefined;
  const start = sentenceStart(text, lastStart, lineStart);
  // The result's whole part as written (`10` of `10.00`), in the sentence before the last number:
  // a search before any pattern (this runs on every answer the last-number fallback reads).
  const point = result.indexOf('.');
  const stated = text.indexOf(point < 0 ? result : result.slice(0, point), start);
  if (stated < 0 || stated >= lastStart) return undefined;
  const sentence = text.slice(start, last.end);
  if (OFFERS_OR_DOUBTS.test(sentence)) return undefined;
  // The result is first written at the last `=` (a check repeats it).
  const working = text.slice(0, equals);
  if (numbersOf(working).some((written) => writtenValue(written) === resultValue)) return undefined;
  const before = text.slice(0, start);
  let restated: RegExpExecArray | undefined;
  let firstGiven: RegExpExecArray | undefined;
  let previousEnd = 0;
  let computed: Set<number> | undefined;
  NUMBER.lastIndex = 0;
  for (let match = NUMBER.exec(sentence); match !== null; match = NUMBER.exec(sentence)) {
    if (restated === undefined) {
      if (writtenValue(match[0]) === resultValue) restated = match;
      previousEnd = match.index + match[0].length;
      continue;
    }
    firstGiven ??= match;
    if (writtenValue(match[0]) === resultValue || !isGiven(before, match[0])) return undefined;
    // "18 girls among the 30 students, and 12 boys": a value the working computed, joined on as a
    // second answer ("the 6 people who showed up", 18 - 12 = 6, is no such join).
    if (JOINED_ON.test(sentence.slice(previousEnd, match.index))) {
      computed ??= computedValues(before);
      if (computed.has(writtenValue(match[0]))) return undefined;
    }
    previousEnd = match.index + match[0].length;
  }
  // The last number itself (`4` of `\mathrm{KMnO}_{4}`, which NUMBER leaves) is a given too.
  if (restated === undefined || !isGiven(before, last.text)) return undefined;
  const restatedEnd = restated.index + restated[0].length;
  const between = sentence.slice(
    restatedEnd,
    firstGiven === undefined ? lastStart - start : firstGiven.index,
  );
  if (/[,;:]/.test(between) || !PREPOSITION.test(between)) return undefined;
  return { text: restated[0], extractor: last.extractor, end: start + restatedEnd };
}

/** The numbers a text writes, as written. */
function numbersOf(text: string): string[] {
  return text.match(NUMBER) ?? [];
}

/** A comma or "and" joining a number on: a second value listed. */
const JOINED_ON = /,|\band\b/;

/** The values the working computed: each number right after an `=`, no operator after it. */
function computedValues(text: string): Set<number> {
  const values = new Set<number>();
  for (let at = text.indexOf('='); at >= 0; at = text.indexOf('=', at + 1)) {
    const result = resultAfter(text, at, text.length);
    if (result !== undefined) values.add(writtenValue(result));
  }
  return values;
}

/** Whether `written` is a given of the text before the sentence: written there, not as a label. */
function isGiven(before: string, written: string): boolean {
  for (let at = before.indexOf(written); at >= 0; at = before.indexOf(written, at + 1)) {
    const end = at + written.length;
    // A whole number (not the 4 of 24 or 4.5) that no label names.
    if (/[\d.,]/.test(before[at - 1] ?? '') || /\d|[.,]\d/.test(before.slice(end, end + 2))) continue;
    if (!LABEL_BEFORE.test(before.slice(Math.max(0, at - 12), at))) return true;
  }
  return false;
}
