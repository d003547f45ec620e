/**
 * A response that ends announcing its answer ("Therefore the answer is", "**Final Answer:**", "the
 * answer is $") was stopped before it: it states no answer, and the last number of the work
 * before the announcement is not one (real outputs round 26: cut-off responses read by the
 * fallback; "12. Therefore the answer is" was paid against 12). Only the weak readings (the last
 * number, the last formula) give way; a box or a marked answer before the announcement stands.
 */

/** An answer announced at the very end: "answer is", "answer:", "answer would be", its wrappers opened. */
const ANNOUNCED_AT_END =
  /\banswers?\**\s*(?:(?:is|are|would\s+be|will\s+be|should\s+be)\s*[:=：]?|[:=：])\s*(?:\*\*|\$\$?|\\\(|\\\[|\\boxed\{|\\text\{)*\s*$/i;

/** Whether the text ends on an announcement of its answer, with nothing after it. */
export function endsAnnouncingAnswer(text: string): boolean {
  // The pattern is anchored at the end: look at the tail only.
  return text.includes('nswer') && ANNOUNCED_AT_END.test(text.slice(-80));
}
