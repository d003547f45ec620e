import { isAsciiDigitCode, isWhiteSpaceCode, lastNonSpaceBefore } from '../core/text.js';
import { endOfStatedFirstSentence } from './answer-first.js';
import { endBeforeCondition } from './condition-clause.js';
import { endsInDanglingOperator } from './dangling-operator.js';
import type { Extraction } from './extraction.js';
import { isIdentifierAfterQuantity } from './identifier-number.js';
import { endBeforeOfferedValue } from './offered-value.js';
import { isPrecisionNote } from './precision-note.js';
import { restatedResultBeforeGivens } from './restated-result.js';
import { endBeforeRejectedValue, endBeforeRuledOut, isDiscardedValue } from './ruled-out-value.js';
import { scientificNotationAround } from './scientific-notation.js';
import { isLabelNumber, isOrdinal } from './step-label.js';
import { breakerTable, lastMatchInTail } from './tail-scan.js';
import { statesComputedResult, trailingCodeStart } from './trailing-code.js';
import { isUnitWord } from './unit-words.js';

/**
 * Digits glued to a word (`AZYUK2A`, `H2O`) are not a number; after a command (`\cdot5`) they are.
 * Digits glued to a fraction of digits are a mixed number (`1\frac{7}{20}`, as the parser reads it),
 * never the fraction alone (real outputs round 20: GPT-4 on Ape210K, `\boxed{1\frac{7}{20} \text{米}}`);
 * not after an operator (`2\times1\frac{7}{20}`, `7 + 1\frac{7}{20}`: a term of an expression).
 * The lookahead first: the lookbehinds then run only where a number can start.
 */
export const NUMBER =
  /(?=[-\d.√\\])(?:(?:(?<![A-Za-z])|(?<=\\[A-Za-z]+))(?:(?<![-+*/×·^]\s*|\\(?:times|cdot|div)\s*)-?\d+\\[dt]?frac\{\d+\}\{\d+\}|-?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d\w-])|√?-?\d[\d,]*(?:\.\d+)?(?:\s*\/\s*\d+)?(?:\s*(?:\\?%|percent|pct(?![A-Za-z]))|\s?π)?|-?\.\d+)|-?\\[dt]?frac\{-?\d+(?:\.\d+)?\}\{\d+(?:\.\d+)?\})/g;

/**
 * A number that joins the last one: "x = 2 or x = 5", "-3 or 2", "1/4 or 1/2", "17或18", "120 ou
 * 130", "120 km hoặc 130 km" (not
 * "between 3 and 5"); a whole number, never the tail of one (`4` of `1/4`, `5` of `2.5`); a
 * currency sign before the last one still joins (`$3 or $5` is a hedge, not 5), and so does a
 * unit word (or two, accented letters too: `51 đô la or 71`; with a power, `3 cm^2 or 9 cm^2`) after the earlier one when they are
 * joined by "or" (`50 dollars or 40 dollars`, `2 hours or 120 minutes`: two values offered, never
 * the last one alone);
 * a comma list ends the response ("We get 17, 18, 19."): several answers, not the last one; "as
 * well as" lists like "and"; "to" joins only a range ("ranges from 2 to 3", RANGE_LEAD). An
 * earlier number may be written in scientific notation (`x = 2 x 10^5 or x = 3 x 10^5`,
 * scientific-notation.ts). A joiner is a word of its own: "neither 2 nor 3" is no unit `n` and "or".
 */
const JOINED_NUMBER =
  /(?:([A-Za-z])\s*=\s*)?(?<![\d./])(-?\d+(?:\.\d+)?(?:\/\d+)?(?:\s*(?:[x×*·]|\\times|\\cdot)\s*10\^(?:-?\d+|\{-?\d+\}|\(-?\d+\)))?)(\s+[A-Za-zÀ-ɏḀ-ỿ]{1,12}(?:\s+[A-Za-zÀ-ɏḀ-ỿ]{1,12})?(?:\^\{?\d\}?|[²³])?|\s*\(\s*[A-Za-z]{1,12}(?:\/[A-Za-z]{1,12})?(?:\^\{?\d\}?)?\s*\))?\s*,?\s*(?<![A-Za-zÀ-ɏḀ-ỿ])(or|and|as\s+well\s+as|to|ou|oder|hoặc|или|,|或者|或|、)\s*(?:([A-Za-z])\s*=\s*)?(?:\\?[$€£])?$/;
/** "or" in the languages whose prose the fallback reads (French, German, Vietnamese, Russian, Chinese). */
const OR_WORDS: ReadonlySet<string | undefined> = new Set(['or', 'ou', 'oder', 'hoặc', 'или', '或', '或者']);

/**
 * Characters no NUMBER match contains (see tail-scan.ts): a scan for the last number may start
 * right after one. Keep in step with NUMBER: its matches hold digits, signs, `.,/%\{}`, spaces,
 * `√`, `π` and the letters of `percent`, `pct` and `\dfrac`/`\tfrac`, never one of these.
 */
export const NUMBER_BREAKERS = breakerTable(
  '!"#$&\'()*+:;<=>?@[]^_`|~bghijklmoqsuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
);
/** An e-notation exponent right after a number's digits: `e8`, `E-19`, not a word (`3eggs`). */
const E_EXPONENT = /^[eE][-+]?\d+(?!\w|\.\d)/;
/** A mantissa and its `e`, right before an exponent's digits (`1.6e-` of `1.6e-19`). */
const E_MANTISSA = /(?<![\w.])-?\d+(?:\.\d+)?[eE][-+]?$/;

/**
 * `3e8`, `1.6e-19` read whole: NUMBER takes no digits right after a letter, so it matched the
 * mantissa (`3` of `3e8`) or, after a sign, the exponent (`19` of `1.6e-19`).
 */
function eNotationAround(
  text: string,
  match: RegExpExecArray,
): { text: string; start: number; end: number } | undefined {
  const end = match.index + match[0].length;
  if (end < text.length && (text.charCodeAt(end) | 32) === 101) {
    const exponent = E_EXPONENT.exec(text.slice(end, end + 12));
    if (exponent !== null)
      return { text: `${match[0]}${exponent[0]}`, start: match.index, end: end + exponent[0].length };
  }
  const before = match.index > 0 ? text[match.index - 1] : '';
  if ((before === '-' || before === '+' || before === 'e' || before === 'E') && /^\d+$/.test(match[0])) {
    const mantissa = E_MANTISSA.exec(text.slice(Math.max(0, match.index - 24), match.index));
    if (mantissa !== null && !/^(?:\w|\.\d)/.test(text.slice(end, end + 2)))
      return { text: `${mantissa[0]}${match[0]}`, start: match.index - mantissa[0].length, end };
  }
  return undefined;
}
/** The last number is looked for in this tail first (answers sit at the end), then further back. */
const NUMBER_TAIL_CHARS = 16;

function lastNumberMatch(text: string): RegExpExecArray | undefined {
  return lastMatchInTail(text, NUMBER, NUMBER_BREAKERS, NUMBER_TAIL_CHARS);
}

/**
 * Words before the first of two numbers joined by "to" that make them a range ("ranges from 2 to
 * 3", "anywhere from 40 to 45", "between 3 to 5", "roughly 3 to 5"): neither end is the answer.
 * "It went from 2 to 3" keeps 3, and "The ratio is 2 to 3" is left to the ratio rules.
 */
const RANGE_LEAD =
  /\b(?:range[sd]?|ranging|var(?:y|ies|ied|ying)|anywhere|somewhere|between|roughly|about|approximately|around)\s+(?:from\s+|between\s+)?$/i;
/** A joiner JOINED_NUMBER knows that ends in a letter JOINER_ENDINGS leaves out ("as well as", "to"): read in place. */
function endsInWordJoiner(text: string, last: number): boolean {
  const code = text.charCodeAt(last) | 32;
  if (code === 111) {
    const before = text.charCodeAt(last - 2) | 32;
    return (text.charCodeAt(last - 1) | 32) === 116 && !(before >= 97 && before <= 122);
  }
  // "as" after a space ("is", "was" end in `s` too: rejected by their letters, no slice).
  return (
    code === 115 &&
    (text.charCodeAt(last - 1) | 32) === 97 &&
    isWhiteSpaceCode(text.charCodeAt(last - 2)) &&
    /\bas\s+well\s+as$/i.test(text.slice(Math.max(0, last - 16), last + 1))
  );
}
/** Last characters (after trailing spaces) of a window JOINED_NUMBER can match: its joiner, a label's `=` or a currency sign. */
const JOINER_ENDINGS: ReadonlySet<string> = new Set([
  'r',
  'd',
  'u',
  'c',
  'и',
  ',',
  '者',
  '或',
  '、',
  '=',
  '$',
  '€',
  '£',
]);

/**
 * A word of doubt between two numbers, with "or", "but" or a comma before it or alone ("3, or
 * maybe 9", "3, perhaps 9", "3 but possibly 9"): the earlier number is offered as much as the
 * later one. "probably" commits ("3 apples each, probably 12 in total" states 12). `DOUBT_ENDINGS` holds the last letters of those words (`e`, `s`, `y`), lower case.
 */
const DOUBT_WORDS = 'maybe|perhaps|possibly';
const DOUBTED_JOINER = new RegExp(String.raw`(?:(?:,|\bor\b|\bbut\b)\s*)?\b(?:${DOUBT_WORDS})\s*$`, 'i');
const DOUBT_ENDINGS: ReadonlySet<number> = new Set([101, 115, 121]);
const DOUBT_WORD_END = new RegExp(`(?:${DOUBT_WORDS})$`, 'i');

/** An ASCII digit (core/text.ts's isAsciiDigitCode, under the name this module's callers import). */
export const isDigitCode = isAsciiDigitCode;

/** A number, at most one space, a unit (or a rate of two; in parentheses too) and a caret: what stands before a unit's exponent. */
const NUMBER_UNIT_CARET = /\d\s?(?:\(\s*)?([A-Za-z]{1,12})(?:\/([A-Za-z]{1,12}))?\^\{?$/;

/**
 * The number before a unit when the number at `exponentAt` is that unit's power in plain text
 * (`25 cm^2`, `5 m^3`, `9.8 m/s^2`, `1,250 ft^{2}`): the value, where the last number was the 2.
 * Only units (`unit-words.ts`): `5 x^2` keeps its power.
 */
function unitExponentValue(text: string, exponentAt: number): RegExpExecArray | undefined {
  const before = text.charCodeAt(exponentAt - 1);
  if (before !== 94 && before !== 123) return undefined; // `^`, `{`
  const unit = NUMBER_UNIT_CARET.exec(text.slice(Math.max(0, exponentAt - 30), exponentAt));
  if (unit === null || !isUnitWord(unit[1] as string) || (unit[2] !== undefined && !isUnitWord(unit[2])))
    return undefined;
  const valueEnd = exponentAt - unit[0].length + 1;
  const value = lastNumberMatch(text.slice(0, valueEnd));
  return value !== undefined && value.index + value[0].length === valueEnd ? value : undefined;
}

/**
 * The last-number fallback: "There are 10 objects. Here is the breakdown: ..." reads the first
 * sentence (answer-first.ts); a response that ends in code without its result, the text before it.
 */
export function lastNumberAnswer(text: string): Extraction | undefined {
  const stated = endOfStatedFirstSentence(text);
  if (stated !== undefined) {
    const first = lastNumber(text.slice(0, stated));
    if (first !== undefined) return first;
  }
  // Code the response ends in, its result never shown: the result the text computed before it (trailing-code.ts).
  const code = trailingCodeStart(text);
  if (code !== undefined) {
    const prose = text.slice(0, code);
    const result = lastNumber(prose);
    if (result !== undefined && statesComputedResult(prose, result.end, result.text)) return result;
  }
  // "= \$11,050\nTherefore, Bentley paid \$11,050 to fill 170 balloons.": the result, not the given (restated-result.ts).
  const last = lastNumber(text);
  return last === undefined ? undefined : (restatedResultBeforeGivens(text, last) ?? last);
}

/** How many ruled-out, conditioned or offered values the last-number fallback reads back through ("40, not 50"). */
const MAX_RULED_OUT_DEPTH = 8;

export function lastNumber(text: string, depth = 0): Extraction | undefined {
  let match = lastNumberMatch(text);
  if (match === undefined) return undefined;
  // "16 people think that horse #12 will win.": the identifier names, the quantity answers.
  if (match.index > 0 && text.charCodeAt(match.index - 1) === 35) {
    const earlier = lastNumberMatch(text.slice(0, match.index - 1));
    if (
      earlier !== undefined &&
      isIdentifierAfterQuantity(text, match.index, earlier.index + earlier[0].length)
    )
      match = earlier;
  }
  // "Step 4: days = 6\nStep 5: print(total_days)", "(2) Now ...", `a_{10}`: numbering, not a value;
  // "5.9 (3 sig. fig.)": a count of places (precision-note.ts).
  for (
    let skipped = 0;
    skipped < 4 && isLabelNumber(text, match.index, match.index + match[0].length);
    skipped++
  ) {
    const earlier = lastNumberMatch(text.slice(0, match.index));
    if (earlier === undefined) return undefined;
    match = earlier;
  }
  // "≈ 2.98 mol/L, correct up to the 2nd decimal digit": an ordinal, the value before it (step-label.ts).
  if (isOrdinal(text, match.index, match.index + match[0].length)) {
    match = lastNumberMatch(text.slice(0, match.index)) ?? match;
  }
  if (isPrecisionNote(text, match.index, match.index + match[0].length)) {
    // ("Rounded to 3 dp." with no value before it: the count is all there is.)
    match = lastNumberMatch(text.slice(0, match.index)) ?? match;
  }
  // "The area is 25 cm^2.": the last number is the unit's exponent; the value stands before the unit.
  const beforeUnit = unitExponentValue(text, match.index);
  if (beforeUnit !== undefined) match = beforeUnit;
  // A match that starts inside a digit run is the tail of digits glued to a word (`AZYUK999999`
  // would read 99999): no number.
  if (match.index > 0 && isDigitCode(text.charCodeAt(match.index - 1)) && isDigitCode(match[0].charCodeAt(0)))
    return undefined;
  // A response cut off inside an expression (`... + 1/71 + 1/`) arrived at no value.
  if (endsInDanglingOperator(text, match.index + match[0].length)) return undefined;
  const numbers = [match[0].endsWith(',') ? match[0].replace(/,+$/, '') : match[0]];
  // `3e8`, `1.6e-19`: the exponent is part of the number.
  // `4.65 x 10^-34`: the exponent's number in scientific notation (scientific-notation.ts).
  const whole = eNotationAround(text, match) ?? scientificNotationAround(text, match.index, match[0]);
  if (whole !== undefined) numbers[0] = whole.text;
  let start = whole?.start ?? match.index;
  let endsList: boolean | undefined;
  for (let count = 0; count < 8; count++) {
    const from = Math.max(0, start - 60);
    // The window's last character before trailing spaces, read in place (no slice, no trimEnd).
    const last = lastNonSpaceBefore(text, start, from);
    if (last < from) break;
    let window = text.slice(from, start);
    // "3, or maybe 9", "3, perhaps 9", "3 but maybe 9": a value offered with a word of doubt.
    const doubt =
      DOUBT_ENDINGS.has(text.charCodeAt(last) | 32) &&
      DOUBT_WORD_END.test(text.slice(Math.max(0, last - 7), last + 1))
        ? DOUBTED_JOINER.exec(window)
        : null;
    if (doubt !== null) window = `${window.slice(0, doubt.index)} or`;
    else if (!JOINER_ENDINGS.has(text[last] as string) && !endsInWordJoiner(text, last)) break;
    const joined = JOINED_NUMBER.exec(window);
    if (joined === null) break;
    const [, label, , unit, joinerWords, lastLabel] = joined;
    const joiner = joinerWords?.startsWith('as') ? 'and' : joinerWords;
    // "ranges from 2 to 3": a range, neither end an answer; any other "2 to 3" keeps the last.
    if (joiner === 'to') {
      if (numbers.length > 1 || unit !== undefined || !RANGE_LEAD.test(window.slice(0, joined.index))) break;
      const end = whole?.end ?? match.index + match[0].length;
      return { text: `from ${joined[2]} to ${numbers[0]}`, extractor: 'last_number', end };
    }
    const offered = OR_WORDS.has(joiner);
    // A word after the earlier number ("5 apples and 3") joins only as an alternative offered.
    if (unit !== undefined && !offered) break;
    const labelled = label !== undefined && lastLabel !== undefined;
    endsList ??= /^[)\]]?[\s.!。]*$/.test(text.slice(match.index + match[0].length));
    // "We get 17, 18, 19.", "Possible values: 42 and 43.", "between 42 and 43": several values end the response.
    // "Both 3 and 5 work": "both" opens a list wherever it ends.
    const listed =
      (endsList || (joiner === 'and' && /\bboth\s*$/i.test(window.slice(0, joined.index)))) &&
      (joiner === ',' || joiner === '、' || joiner === 'and');
    // A comma list's items are all labelled or none: "x > 2, x = 3" is a condition, then the answer.
    if (!offered && !labelled && !(listed && lastLabel === undefined)) break;
    numbers.unshift(joined[2] ?? '');
    start = from + joined.index;
    // "The root lies between 1 and 2.": a range, neither end nor both ends an answer.
    if (joiner === 'and' && numbers.length === 2 && /\bbetween\s*$/i.test(window.slice(0, joined.index))) {
      const end = whole?.end ?? match.index + match[0].length;
      return { text: `between ${numbers[0]} and ${numbers[1]}`, extractor: 'last_number', end };
    }
  }
  // "40, not 50", "40, not 50 or 60": the value stated before the ones ruled out (ruled-out-value.ts).
  const statedEnd =
    endBeforeRuledOut(text, start) ??
    endBeforeCondition(text, start) ??
    (numbers.length === 1
      ? endBeforeRejectedValue(text, start, whole?.end ?? match.index + match[0].length)
      : undefined);
  if (statedEnd !== undefined)
    return depth < MAX_RULED_OUT_DEPTH ? lastNumber(text.slice(0, statedEnd), depth + 1) : undefined;
  const end = whole?.end ?? match.index + match[0].length;
  // "x = 3 or x = 5. Checking, x = 3 is extraneous.": the discarded value is no answer.
  if (numbers.length === 1 && isDiscardedValue(text, end)) {
    const before = depth < MAX_RULED_OUT_DEPTH ? lastNumber(text.slice(0, start), depth + 1) : undefined;
    // A list before it ("x = 3 or x = 5. x = 3 is extraneous.") is no answer either (stop 36's red
    // team: a tuple gold was paid when both roots were discarded).
    return before === undefined || before.text.includes(',') ? undefined : before;
  }
  // "So 17 (or 19) apples.", "17, unless it is 19": the stated value, the other offered beside it.
  const offeredEnd = numbers.length === 1 ? endBeforeOfferedValue(text, start, end) : undefined;
  if (offeredEnd !== undefined) return statedBeside(text, offeredEnd, numbers[0] as string, depth);
  const closer = text[end];
  if (numbers.length > 1 && (closer === ')' || closer === ']')) {
    // `M[0][1] = (3, 6).`, "the shortest path is [0, 3, 5]": a tuple or a bracketed list that ends
    // the response is one answer, not its last item; a comma list that only closes some other
    // bracket keeps its last number alone.
    const opener = closer === ')' ? '(' : '[';
    if (text[start - 1] === opener && (opener === '(' || isBracketedList(text, start - 1, numbers.length))) {
      const tuple = `${opener}${numbers.join(', ')}${closer}`;
      // "(3, 2), unless it is (2, 3)": the tuple offered beside the one stated.
      const tupleOfferedEnd = endBeforeOfferedValue(text, start - 1, end + 1);
      if (tupleOfferedEnd !== undefined) return statedBeside(text, tupleOfferedEnd, tuple, depth);
      return { text: tuple, extractor: 'last_number', end: end + 1, valueStart: start - 1 };
    }
    return { text: numbers[numbers.length - 1] as string, extractor: 'last_number', end };
  }
  if (numbers.length === 1) return { text: numbers[0] as string, extractor: 'last_number', end };
  return { text: numbers.join(', '), extractor: 'last_number', end, valueStart: start };
}

/** The value stated before `statedEnd`, with the value offered beside it as its alternative (offered-value.ts). */
function statedBeside(
  text: string,
  statedEnd: number,
  offered: string,
  depth: number,
): Extraction | undefined {
  if (depth >= MAX_RULED_OUT_DEPTH) return undefined;
  const stated = lastNumber(text.slice(0, statedEnd), depth + 1);
  if (stated !== undefined && stated.alternative === undefined) stated.alternative = offered;
  return stated;
}

/**
 * Whether the `[` at `open` opens a list answer (`[0, 3, 5]`): three items or more, not an index
 * (`A[0, 5]`). A pair stays its last number: `[0, 5]` may be an interval as well as a list, and
 * read as either it paid a list gold and an interval gold alike (red teams of stop 29).
 */
function isBracketedList(text: string, open: number, items: number): boolean {
  return items > 2 && !/[A-Za-z]/.test(text[open - 1] ?? '');
}
