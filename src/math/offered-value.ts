import { isAsciiLetterCode, lastNonSpaceBefore } from '../core/text.js';
import { statedValueEnd } from './stated-value.js';
import { restatesQuantity } from './unit-dimension.js';

/**
 * A value, then another offered beside it: "So 17 (or 19) apples.", "17 (or maybe 19)", "She has
 * 17 apples, unless it is 19." The last number in the text is the one offered; the response states
 * the number before it and keeps the other open. Read as the last number alone, "17 (or 19)" paid
 * a gold of 19 (a leftover of stop 31's red teams). The fallback now reads the stated value with
 * the offered one as its alternative, which the verifier wants equal to the gold too: "17 (or 19)"
 * is a hedge against either gold, "1/2 (or 0.5)" restates one value and stays equal. The answer
 * phrase does the same with its own ALTERNATIVE ("The answer is 5 (or possibly 6)."); "40 (not 50)"
 * rules a value out instead (ruled-out-value.ts). The words: "(or", "(maybe", "(perhaps",
 * "(possibly", "(unless" with the parenthesis closing after the value; "unless (it is)", "or else",
 * "otherwise", "alternatively". Either value may be a math span ("$17$ (or $19$)", "\(17\) (or
 * \(19\))"), in bold ("**17** (or **19**)") or a tuple ("(3, 2), unless it is (2, 3)"). A bare
 * "unless 2" reads 2 as offered: the fallback read it as the answer before, and either way the
 * response does not commit to one value.
 */
// Groups: 1 the stated value's percent sign, 2 the words after it (a unit), 3 the opening
// parenthesis of the offer (its parenthesis must close after the value).
const OFFERED_BEFORE =
  /(?<![\d.])-?\d[\d,]*(?:\.\d+)?(\s*(?:\\?%|percent))?(?:\s*[)\]])?(?:\s*(?:\$|\\\)|\*{1,2}|_{1,2}))?((?:\s+[A-Za-z]{1,12}){0,2})\s*(?:(\(\s*(?:or|maybe|perhaps|possibly|unless))|,?\s*(?:unless|or\s+else|otherwise|alternatively)(?:\s+(?:it(?:'s|’s|\s+is|\s+was)|(?:that\s+)?(?:the\s+)?(?:answer|result|total|number)\s+is))?)\s+(?:(?:possibly|maybe|perhaps|rather|even|just|else)\s+)*(?:\$|\\\(|\*{1,2}|_{1,2}|[([])?\s*$/i;
/** What may follow a value offered in parentheses before the parenthesis closes: its math span's end, a unit, a percent sign. */
const CLOSES_PARENTHESIS = /^\s*(?:\$|\\\)|\*{1,2}|_{1,2})?\s*(?:%|[A-Za-z]{1,12})?\s*\)/;
/** The unit or percent sign right after the offered value (through its span's end or its bold). */
const UNIT_AFTER = /^\s*(?:\$|\\\)|\*{1,2}|_{1,2})?\s*(\\?%|[A-Za-z]{1,12})?/;
/** A mixed number's whole part and numerator right before a fraction's denominator: `2 1/` of `2 1/2`. */
const MIXED_NUMBER_HEAD = /\d\s+\d+\/$/;

/**
 * Words that may end an OFFERED_BEFORE match, lower case, by length; "is", "was" and the `s` of
 * "it's" only with "unless" in the window.
 */
const OFFERING_ENDINGS: readonly (readonly string[])[] = [
  [],
  [],
  ['or'],
  [],
  ['else', 'even', 'just'],
  ['maybe'],
  ['unless', 'rather'],
  ['perhaps'],
  ['possibly'],
  ['otherwise'],
  [],
  [],
  [],
  ['alternatively'],
];
const COPULA_ENDINGS: readonly string[] = ['s', 'is', 'was'];

/** Whether `text` holds `word` (lower case) at `at`, in any letter case, read in place. */
function holdsWordAt(text: string, at: number, word: string): boolean {
  for (let index = 0; index < word.length; index++)
    if ((text.charCodeAt(at + index) | 32) !== word.charCodeAt(index)) return false;
  return true;
}

/**
 * Whether the text before `start` may end as OFFERED_BEFORE does, read in place before the window
 * is cut and searched (this runs for every last number): after spaces and the value's own opening
 * (`$`, `\(`, `**`, `_`, a tuple's `(`), a `(` or one of the offering words.
 */
function mayEndOffering(text: string, from: number, start: number): boolean {
  let last = lastNonSpaceBefore(text, start, from);
  // The offered value's own opening: `$`, `**`, `_`, `\(`, `(`, `[`.
  for (let code = text.charCodeAt(last); last >= from; code = text.charCodeAt(last)) {
    if (code !== 36 && code !== 42 && code !== 95 && code !== 40 && code !== 91 && code !== 92) break;
    // A `(` after a word ("(or (19))", "unless it is (19)") opens the offered value: the pattern decides.
    if (code === 40 && isAsciiLetterCode(text.charCodeAt(lastNonSpaceBefore(text, last, from)))) break;
    last = lastNonSpaceBefore(text, last, from);
  }
  if (last < from) return false;
  if (text.charCodeAt(last) === 40) return true;
  let first = last;
  while (first > from && first > last - 13 && isAsciiLetterCode(text.charCodeAt(first - 1))) first--;
  const length = last + 1 - first;
  for (const word of OFFERING_ENDINGS[length] ?? []) if (holdsWordAt(text, first, word)) return true;
  if (length > 3 || !COPULA_ENDINGS.some((word) => word.length === length && holdsWordAt(text, first, word)))
    return false;
  const window = text.slice(from, start);
  return window.includes('nless') || window.includes('NLESS');
}

/**
 * When the number at `start` (ending at `end`) is offered beside a number stated before it, where
 * that stated number ends (the text to read the answer from), else undefined.
 */
export function endBeforeOfferedValue(text: string, start: number, end: number): number | undefined {
  const from = Math.max(0, start - 48);
  if (!mayEndOffering(text, from, start)) return undefined;
  const window = text.slice(from, start);
  const match = OFFERED_BEFORE.exec(window);
  if (match === null) return undefined;
  const after = text.slice(end, end + 16);
  if (match[3] !== undefined && !CLOSES_PARENTHESIS.test(after)) return undefined;
  const statedAt = from + match.index;
  // `2 1/2 (or 2.5)`: the fallback reads a mixed number's fraction alone; the old reading stays.
  if (text[statedAt - 1] === '/' && MIXED_NUMBER_HEAD.test(text.slice(Math.max(0, statedAt - 12), statedAt)))
    return undefined;
  if (restatesInOtherUnits(text, statedAt, match, text.slice(start, end), after)) return undefined;
  return statedValueEnd(match[0], statedAt);
}

/**
 * Whether the offered value restates the stated one in other units: a percent after a plain number
 * ("0.5 (or 50%)", "3/4 (or 75%) full"), or another unit of the same dimension ("2 hours (or 120
 * minutes)", "$1.50 (or 150 cents)"). Those are one value written twice, which the fallback read as
 * the offered value before this rule (a red team of stop 33 found the rule refusing them); two
 * values of one unit or of counted nouns ("17 apples (or 19 apples)") stay a hedge, and so do two
 * values the conversion does not join ("17 hours (or 18 minutes)", "0.5 (or 18%)": a red team of
 * stop 35 was paid the offered value).
 */
function restatesInOtherUnits(
  text: string,
  statedAt: number,
  match: RegExpExecArray,
  offered: string,
  after: string,
): boolean {
  const unitAfter = UNIT_AFTER.exec(after)?.[1];
  const offeredPercent =
    /%|percent/i.test(offered) || (unitAfter !== undefined && /%|percent/i.test(unitAfter));
  // A percent is compared with the stated value whatever words follow it; a stated percent sign is a unit.
  const statedUnit =
    match[1] !== undefined
      ? '%'
      : offeredPercent
        ? undefined
        : (/([A-Za-z]+)\s*$/.exec(match[2] ?? '')?.[1] ?? (text[statedAt - 1] === '$' ? '$' : undefined));
  return restatesQuantity(
    { value: statedNumber(text, statedAt, match[0]), unit: statedUnit },
    {
      value: Number.parseFloat(offered.replace(/,/g, '')),
      unit: offeredPercent ? '%' : unitAfter,
      written: offered,
    },
  );
}

/** A fraction's numerator and slash right before its denominator: `3/` of `3/4`. */
const NUMERATOR_BEFORE = /(-?\d+)\s*\/\s*$/;

/** The stated number that opens `stated` at `statedAt`: a fraction when a numerator and a slash stand before it. */
function statedNumber(text: string, statedAt: number, stated: string): number {
  const value = Number.parseFloat((/^-?\d[\d,]*(?:\.\d+)?/.exec(stated)?.[0] ?? '').replace(/,/g, ''));
  if (text[statedAt - 1] !== '/') return value;
  const numerator = NUMERATOR_BEFORE.exec(text.slice(Math.max(0, statedAt - 12), statedAt))?.[1];
  return numerator === undefined ? value : Number(numerator) / value;
}
