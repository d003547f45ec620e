import type { Extraction } from './extraction.js';
import { lastNumberStart } from './last-number-place.js';

/**
 * Against a gold written as a bracketed pair (`[0, 5]`, `[2, 4)`), a last number that closes a
 * pair in square brackets ending the response ("Therefore, the shortest path from node 0 to node 5
 * is [0, 5]."; TheoremQA's Claude 2 outputs) is the pair, not its last item. Without such a gold a
 * pair stays its last number (extract.ts `isBracketedList`): `[0, 5]` may be an interval as well
 * as a list, and read whole it paid golds of either kind (red teams of stop 29); here the gold
 * says which, and the comparison reads the pair as it reads the gold. An index (`A[0, 5]`) is no
 * pair.
 */
const PAIR_OPENING = /\[\s*-?\d+(?:\.\d+)?\s*,\s*$/;
/** A value offered or listed before the pair ("[0, 5] or [0, 6]", "maybe [0, 6]"): a hedge, left to the last number. */
const OFFERED_BEFORE = /(?:\bor|\band|\bmaybe|\bperhaps|\bpossibly|[,;/或])\s*$/i;
/** A number right before the bracket ("the value is 5 [1, 2]"): a citation or an index, not a pair. */
const NUMBER_BEFORE = /\d\s*$/;
/**
 * Roots or zeros named on the pair's line ("The roots are 0 and 5, i.e. [0, 5]."): two values,
 * which a gold interval `[0, 5]` is not (a red team of stop 29); left to the last number.
 */
const ROOTS_WORD = /\b(?:roots|zeros|zeroes)\b/i;
/**
 * What states the pair as the result right before it: "is", "are", "=" ("the shortest path ... is
 * [0, 5]."), and a membership stated ("x lies in", "is in", "belongs to"; not "for all t in", "does
 * not lie in"). A pair after anything else (a condition "on [0, 5]", "x ∈ [0, 5]", "outside", a
 * list's label "2.", an operator "10 + [0, 5]") is not read as the answer.
 */
const STATED_BEFORE =
  /(?:\b(?:is|are|was|were|be|becomes?|equals?|(?:lies|is|are)\s+in|belongs\s+to)|(?<![<>!≤≥])=)\s*$/i;
/** After the pair's closing bracket: only the end of the sentence. */
const SENTENCE_END = /^[\s.!。]*$/;

/** The two numbers of a pair written without a space (`[2,4]`), read as one number with a comma. */
const GLUED_PAIR = /^-?\d+(?:\.\d+)?,-?\d+(?:\.\d+)?$/;

/** Where the `[` of the pair whose last number the extraction read stands, if it closes one. */
function pairStart(extraction: Extraction, response: string): number | undefined {
  const start = lastNumberStart(extraction, response);
  if (start !== undefined) {
    const opening = PAIR_OPENING.exec(response.slice(Math.max(0, start - 40), start));
    return opening === null ? undefined : start - opening[0].length;
  }
  // `[2,4]`: the last number read was `2,4` (digits and a comma), right after the bracket.
  const at = extraction.end - extraction.text.length;
  return extraction.extractor === 'last_number' &&
    GLUED_PAIR.test(extraction.text) &&
    response.slice(at, extraction.end) === extraction.text &&
    response[at - 1] === '['
    ? at - 1
    : undefined;
}

export function bracketedPairAround(
  extraction: Extraction | undefined,
  response: string,
): Extraction | undefined {
  if (extraction === undefined) return undefined;
  const closer = response[extraction.end];
  if ((closer !== ']' && closer !== ')') || !SENTENCE_END.test(response.slice(extraction.end + 1)))
    return undefined;
  const from = pairStart(extraction, response);
  // A letter, digit or bracket against the `[`: an index (`A[0, 5]`, `M[1][2, 3]`), no pair.
  if (from === undefined || /[\w\])]/.test(response[from - 1] ?? '')) return undefined;
  const before = response.slice(Math.max(0, from - 120), from);
  const line = before.slice(before.lastIndexOf('\n') + 1);
  const lead = before.slice(-24);
  if (
    !STATED_BEFORE.test(lead) ||
    OFFERED_BEFORE.test(lead) ||
    NUMBER_BEFORE.test(before) ||
    ROOTS_WORD.test(line)
  )
    return undefined;
  return { ...extraction, text: response.slice(from, extraction.end + 1), end: extraction.end + 1 };
}
