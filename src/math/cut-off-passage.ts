/**
 * What the two cut-off rules (cut-off-summary.ts: a summary after `</think>`; cut-off-method.ts: a
 * second method after the boxed answer) ask of a passage a token limit stopped: it states no
 * answer, it is cut off, it doubts or revises nothing, and its numbers restate the work before it.
 * A passage that fails any of these may offer a value, and is read as the hedge checks read any
 * text (review round: both rules had their own copies of these tests).
 */
const STATES_ANSWER = /\\boxed|\\fbox|answer/i;
/** A sentence end, or the end of a formula (`\]`, `$`, `\)`) or of bold text. */
const COMPLETE_END = /(?:[.!?…。]|\\\]|\$|\\\)|\*\*)["'”’)\s]*$/;
/** Doubt or a revision ("maybe", "Wait, it should be 80", "Correction: ..."). */
const DOUBT =
  /\b(?:maybe|perhaps|probably|possibly|might|guess|unsure|not sure|wait|actually|correction|should|instead|mistake|wrong|error|oops|hmm|however|reconsider|recheck|recalculat\w*)\b/i;
const WORD = /\b[A-Za-z]{2,}\b/g;
const NUMBER = /\d+(?:\.\d+)?/g;

/** Whether `passage` states no answer, is cut off mid-sentence and carries no doubt or revision. */
export function isUncommittedCutOff(passage: string): boolean {
  return !STATES_ANSWER.test(passage) && !COMPLETE_END.test(passage.trimEnd()) && !DOUBT.test(passage);
}

/** A word, a comma, a colon, a semicolon or an opening bracket last: a sentence a token limit stopped. */
const MID_SENTENCE_END = /[\p{L},;:([]$/u;

/** Whether `passage` ends inside a sentence: on a word or a comma, no sentence or formula closed. */
export function endsMidSentence(passage: string): boolean {
  const trimmed = passage.trimEnd();
  return !COMPLETE_END.test(trimmed) && MID_SENTENCE_END.test(trimmed);
}

/** The numbers of `passage`, in order. */
export function numbersIn(passage: string): string[] {
  return passage.match(NUMBER) ?? [];
}

/** Whether every number of `passage` appears in `before` (a restatement of the work). */
export function restatesNumbers(passage: string, before: string): boolean {
  return numbersIn(passage).every((number) => before.includes(number));
}

/** How many words of letters `passage` holds. */
export function wordCount(passage: string): number {
  return passage.match(WORD)?.length ?? 0;
}
