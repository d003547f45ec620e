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
 *   it: the result R;
 * - the closing line (the value's sentence on it) states R before the last number, with a word
 *   between them ("paid R to fill"; "R and 5" lists two answers);
 * - every number after R in the sentence, the last one too, differs from R and was written before
 *   the sentence (a given repeated, not a new value);
 * - nothing in the sentence after R doubts, corrects or offers ("or", "not", "but", "actually",
 *   "instead", "wait", "maybe", a question mark).
 * A question whose answer is the given ("How many balloons?" answered "paid \$11,050 to fill 170
 * balloons" after computing 170) keeps its last number: 170 was the result.
 */
import type { Extraction } from './extraction.js';

/** A number as the sentence writes it: digits, thousands commas, a decimal part; not a subscript, power or part of a name. */
const NUMBER =
  /(?<![\w^_{.]|\\[A-Za-z]*|\d[.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]*\d)|(?<![\w^_{.]|\d[.,])\d+(?:\.\d+)?/g;

/** The number right after an `=`, past money signs, math delimiters and bold marks. */
const RESULT_AFTER_EQUALS =
  /^[ \t]*(?:\\?\$|\\\(|\\\[|\*\*|\\text\{\s*\\?\$\s*\}|\\,)*[ \t]*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d.,]*\d)/;
/** An operator after the result: the right side goes on (`= 24 / 4`), no result yet. */
const OPERATOR_AFTER = /^[ \t]*(?:[-+*/×÷^]|\\times|\\cdot|\\div)[ \t]*[\d(\\$]/;
/** Words that doubt, correct or offer another value in the sentence after the result. */
const OFFERS_OR_DOUBTS =
  /\b(?:or|not|but|actually|instead|wait|maybe|perhaps|possibly|either|rather|correct(?:ed|ion)?|mistake|wrong|approximately|about|around)\b|\?/i;
/** Joining words only: two values listed ("18 and 5", "18, 5"), not a result and a given. */
const ONLY_JOINERS = /^[\s$\\(){}*,;:&]*(?:and|&)?[\s$\\(){}*,;:&]*$/i;

/** The value of a number as written (thousands commas dropped). */
function writtenValue(written: string): number {
  return Number(written.replace(/,/g, ''));
}

/** Where the sentence holding `at` starts on its line: after the line break or the last full stop followed by a space. */
function sentenceStart(text: string, at: number): number {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  for (let index = at - 1; index > lineStart; index--) {
    const code = text.charCodeAt(index);
    if ((code === 46 || code === 33 || code === 63) && /\s/.test(text[index + 1] ?? '')) return index + 1;
  }
  return lineStart;
}

/** The result after the working's last `=` before `before`, as written, or undefined. */
function lastResult(text: string, before: number): string | undefined {
  const equals = text.lastIndexOf('=', before - 1);
  if (equals < 0) return undefined;
  const after = text.slice(equals + 1, Math.min(before, equals + 80));
  const result = RESULT_AFTER_EQUALS.exec(after);
  if (result === null || OPERATOR_AFTER.test(after.slice(result[0].length))) return undefined;
  return result[1];
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
  const result = lastResult(text, lineStart);
  if (result === undefined) return undefined;
  const resultValue = writtenValue(result);
  if (writtenValue(last.text) === resultValue) return undefined;
  const start = sentenceStart(text, lastStart);
  const sentence = text.slice(start, last.end);
  const givens = numbersIn(text.slice(0, start));
  let restated: RegExpExecArray | undefined;
  NUMBER.lastIndex = 0;
  for (let match = NUMBER.exec(sentence); match !== null; match = NUMBER.exec(sentence)) {
    if (restated === undefined) {
      if (writtenValue(match[0]) === resultValue) restated = match;
      continue;
    }
    // A later number is a given: not the result again, written before the sentence.
    if (writtenValue(match[0]) === resultValue || !givens.has(match[0])) return undefined;
  }
  // The last number itself (`4` of `\mathrm{KMnO}_{4}`, which NUMBER leaves) was written before too.
  if (restated === undefined || !text.slice(0, start).includes(last.text)) return undefined;
  const restatedEnd = restated.index + restated[0].length;
  if (OFFERS_OR_DOUBTS.test(sentence.slice(restatedEnd))) return undefined;
  // A word between the result and the next number: "paid R to fill 170", not "R and 5".
  NUMBER.lastIndex = restatedEnd;
  const next = NUMBER.exec(sentence);
  const between = sentence.slice(restatedEnd, next === null ? lastStart - start : next.index);
  if (ONLY_JOINERS.test(between)) return undefined;
  return { text: restated[0], extractor: last.extractor, end: start + restatedEnd };
}

/** The numbers a text writes, as written. */
function numbersIn(text: string): Set<string> {
  return new Set(text.match(NUMBER) ?? []);
}
