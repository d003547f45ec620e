import { isAsciiDigitCode, isAsciiLetterCode } from '../core/text.js';

/**
 * The number of a step label at the start of a line (`Step 5:`, `Step 12.`) counts steps; it is
 * not a value the solution arrived at. Solutions written step by step (PRM data, Math-Shepherd and
 * MR-GSM8K formats) often end on a step with no number in it ("Step 5: print(total_days)", "Step
 * 6: Choice C matches this result."), and the last-number fallback then read the step's number:
 * against gold 5, "Step 5:" scored 1. The fallback skips such labels and reads the number before.
 *
 * Seen in MR-GSM8K (dvlab-research/MR-GSM8K eval_results/gpt4-grading, program-of-thought rows:
 * "Step 5: print(total_days)" against gold 5).
 */
const STEP_WORD = /(?:^|\n)[ \t*#>-]*step[ \t]*$/i;
const AFTER_LABEL = /^[ \t]*[:.)]/;

/** Whether the number at [start, end) of the text is a step label's number. */
export function isStepLabel(text: string, start: number, end: number): boolean {
  if (!AFTER_LABEL.test(text.slice(end, end + 4))) return false;
  return STEP_WORD.test(text.slice(Math.max(0, start - 12), start));
}

/**
 * A part label opening a line, `(2) Now we find the maximum`: it numbers a part of the problem,
 * as `Step 5:` numbers a step. Seen in KbsdJames/Omni-MATH GPT_eval/examples (Llama-3.1-70B), a
 * response cut off after `(2) Now, to find ...` whose last number read 2 against a gold 2.
 */
const PART_LABEL_OPENING = /(?:^|\n)[ \t*#>]*\($/;
const PART_LABEL_CLOSING = /^\)[ \t]+[A-Za-z]/;

/**
 * An index written as a subscript of a symbol (`a_{10}`, `x_5`, `\theta_1`): it names a term, it
 * is no value. A subscript after digits is a base (`1011_2`), left to the numeral rules.
 */
const SUBSCRIPT_OF_SYMBOL = /[A-Za-z}]_(?:\{\s*)?$/;

function isSubscriptIndex(text: string, start: number): boolean {
  const before = text.charCodeAt(start - 1);
  // `_5`, `_{10}`, `_{ 10}`
  if (before !== 95 && before !== 123 && before !== 32) return false;
  return SUBSCRIPT_OF_SYMBOL.test(text.slice(Math.max(0, start - 5), start));
}

/** An ordinal's suffix right after its digits, then a word of precision: `2nd decimal`, `3rd significant`. */
const ORDINAL_SUFFIX = /^(st|nd|rd|th)\s+(?:decimal|significant|digit)/i;

/**
 * Whether the digits at [start, end) are an ordinal of precision, the suffix the right one for them
 * ("correct up to the 2nd decimal digit" after "≈ 2.98 mol/L": real outputs round 21, GPT-4 on
 * JEEBench, read 2). It counts a place: the last-number fallback reads the number before it, if
 * any. Other ordinals may be the answer ("She finished 7th.", "the 7th one": red team of stop 44).
 */
export function isOrdinal(text: string, start: number, end: number): boolean {
  const suffix = ORDINAL_SUFFIX.exec(text.slice(end, end + 20));
  if (suffix === null) return false;
  const digits = text.slice(start, end);
  if (!/^\d+$/.test(digits)) return false;
  const lastTwo = Number(digits.slice(-2)) % 100;
  const last = lastTwo % 10;
  const expected =
    lastTwo >= 11 && lastTwo <= 13 ? 'th' : last === 1 ? 'st' : last === 2 ? 'nd' : last === 3 ? 'rd' : 'th';
  return (suffix[1] as string).toLowerCase() === expected;
}

/**
 * A step cited in a sentence (`see step 3 above`, `questions about steps 1-3`, `as computed in step
 * #2`): the number names the step, it is no value. Only after a word that cites (see, from, about,
 * per, cf., using, under, "computed in", "shown in" ...; not "of": "Minimum number of steps 7";
 * not a bare "in": "The earliest error is in step 3" answers a question about steps, as
 * ProcessBench's golds do): "exceeds 100 at step 4", "The answer is step 7" and "After 4
 * steps 12 remain" keep their numbers (stop 47's red team). A range only of plural "steps" and with
 * a dash or a word (`steps 1-3`, `steps 2 to 4`), never a comma ("From step 1, 15 is the total").
 * A range's second number is matched with its hyphen (`-3` of `1-3`), so the text before it ends
 * in the first number. Found by an examiner's hard pairs of stop 47: "The answer is 48 (see steps
 * 1-3 above)." read -3 against a gold 48.
 */
const CITING_WORD = String.raw`\b(?:see|from|about|per|cf\.?|using|under|(?:computed|shown|found|done|derived|given|explained)\s+in)\s+(?:the\s+)?`;
const STEP_RANGE_JOINER = String.raw`\s*(?:[-–&]|to|and|through)\s*`;
const STEP_NAMED_BEFORE = new RegExp(
  String.raw`${CITING_WORD}(?:step\s*#?\s*|steps\s*#?\s*(?:\d+${STEP_RANGE_JOINER})?)$`,
  'i',
);
const STEP_RANGE_START_BEFORE = new RegExp(String.raw`${CITING_WORD}steps\s*#?\s*\d+$`, 'i');

/** Steps cited in a phrase, their numbers and ranges with them (what withoutStepReferences removes). */
const STEP_REFERENCE = new RegExp(
  String.raw`(${CITING_WORD})(?:step\s*#?\s*\d+(?![\d.])|steps\s*#?\s*\d+(?:${STEP_RANGE_JOINER}\d+)?(?![\d.]))`,
  'gi',
);

/** The phrase without the steps it cites ("48 (see step 3 above)" names one value, 48). */
export function withoutStepReferences(phrase: string): string {
  return /step/i.test(phrase) ? phrase.replace(STEP_REFERENCE, '$1 ') : phrase;
}

/** Whether the word that ends at `last` is "step" or "steps", in any case (compared in place). */
function endsWithStepWord(text: string, last: number): boolean {
  let end = last;
  if ((text.charCodeAt(end) | 32) === 115 && (text.charCodeAt(end - 1) | 32) === 112) end--;
  return (
    (text.charCodeAt(end) | 32) === 112 &&
    (text.charCodeAt(end - 1) | 32) === 101 &&
    (text.charCodeAt(end - 2) | 32) === 116 &&
    (text.charCodeAt(end - 3) | 32) === 115 &&
    !isAsciiLetterCode(text.charCodeAt(end - 4))
  );
}

/** Last characters of the words and signs that join a range of steps (`to`, `and`, `through`, `&`, `–`). */
const RANGE_JOINER_ENDINGS: ReadonlySet<number> = new Set([111, 100, 104, 38, 8211, 45]);

/**
 * Whether the whole number at [start, end) is a cited step (STEP_NAMED_BEFORE): the word "step(s)"
 * right before it (`#` and spaces between), or a range's first number and joiner between. Read back
 * in place first: this runs on every last number, and a pattern over a slice cost about 40 ns more.
 */
function isStepReference(text: string, start: number, end: number): boolean {
  const after = text.charCodeAt(end);
  if (after === 46 && isAsciiDigitCode(text.charCodeAt(end + 1))) return false;
  let index = start - 1;
  // `-3` of `1-3`: the first number, then the word.
  const rangeEnd = text.charCodeAt(start) === 45;
  if (rangeEnd) {
    if (!isAsciiDigitCode(text.charCodeAt(index))) return false;
  } else {
    while (index >= 0 && (text.charCodeAt(index) === 32 || text.charCodeAt(index) === 35)) index--;
    const code = text.charCodeAt(index);
    if (!endsWithStepWord(text, index) && !RANGE_JOINER_ENDINGS.has(code < 128 ? code | 32 : code))
      return false;
  }
  const before = text.slice(Math.max(0, start - 40), start);
  return rangeEnd ? STEP_RANGE_START_BEFORE.test(before) : STEP_NAMED_BEFORE.test(before);
}

/**
 * Whether the number at [start, end) numbers something rather than states a value: a step label
 * (`Step 5:`) or a step named in a sentence (`see step 3`), a part label opening a line (`(2) Now ...`), or a subscript index (`a_{10}`, which a
 * response cut off inside `(a_1 + \cdots + a_{10}) +` ended on: it read 10 against a gold 10, same
 * source). The last-number fallback skips them and reads the number before.
 */
export function isLabelNumber(text: string, start: number, end: number): boolean {
  if (isSubscriptIndex(text, start)) return true;
  if (isStepLabel(text, start, end) || isStepReference(text, start, end)) return true;
  return (
    PART_LABEL_CLOSING.test(text.slice(end, end + 3)) &&
    PART_LABEL_OPENING.test(text.slice(Math.max(0, start - 8), start))
  );
}
