/**
 * A trailing clause that compares the stated answer with something else: "The sofa costs
 * $\$125$, which is 25 more than the chair." The value in math is the answer; the later number in
 * prose (25) measures a difference from another quantity. Without an answer marker the last-math
 * and last-number fallbacks compete and the later one wins, which read 25 here. This rule keeps
 * the math span when the later number sits in a relative clause right after it (", which is",
 * ", that is", ", i.e.") and is followed by a comparative ("more", "less", "fewer", "times",
 * "older" ...): the clause says how the answer compares, not what it is.
 */

/** Between the math span and the number: `, which is`, `, that is`, `, i.e.`, an optional currency sign. */
const RELATIVE_OPENER =
  /^\s*\.?\s*,?\s*(?:which|that|this|it)\s+(?:is|was|are|were|comes\s+to|makes)\s+(?:about\s+|exactly\s+|only\s+|just\s+)?(?:\\?\$\s*)?$/i;
/** After the number: a comparative, possibly after a unit word or a percent sign. */
const COMPARATIVE =
  /^\s*(?:%|percent\b|\s*[A-Za-z]+\s+)?\s*(?:more|less|fewer|greater|smaller|larger|higher|lower|cheaper|dearer|older|younger|longer|shorter|taller|heavier|lighter|times)\b/i;

/**
 * Whether the number `numberText` ending at `numberEnd` in `text` is a comparison stated about the
 * math answer ending at `answerEnd`. Cheap: two anchored tests on short slices.
 */
export function comparesStatedAnswer(
  text: string,
  answerEnd: number,
  numberText: string,
  numberEnd: number,
): boolean {
  const numberStart = numberEnd - numberText.length;
  if (numberStart < answerEnd || numberStart - answerEnd > 40) return false;
  return (
    RELATIVE_OPENER.test(text.slice(answerEnd, numberStart)) &&
    COMPARATIVE.test(text.slice(numberEnd, numberEnd + 30))
  );
}
