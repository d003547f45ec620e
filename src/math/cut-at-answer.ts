/**
 * A response that ends announcing its answer ("Therefore the answer is", "**Final Answer:**", "the
 * answer is $") was stopped before it: it states no answer, and the last number of the work
 * before the announcement is not one (real outputs round 26: cut-off responses read by the
 * fallback; "12. Therefore the answer is" was paid against 12). Only the weak readings (the last
 * number, the last formula) give way; a box or a marked answer before the announcement stands.
 */

import { lastIndexIn } from './last-index.js';

/**
 * An answer announced at the very end: "answer is", "answer:", "answer would be", its wrappers
 * opened. Sticky: tried once, at the text's last "answer".
 */
const ANNOUNCED_AT_END =
  /answers?\**\s*(?:(?:is|are|would\s+be|will\s+be|should\s+be)\s*[:=：]?|[:=：])\s*(?:(?:\*\*|\$|\\\(|\\\[|\\boxed\{|\\text\{)\s*)*$/iy;
/** A sentence's end between the value and the announcement. */
const SENTENCE_END = /[.!?。\n]/;
/** The characters ANNOUNCED_AT_END can end on. */
const ANNOUNCEMENT_ENDS = 'sSeE:=：*$([{';
/** The longest announcement with its wrappers and spaces that is looked for. */
const MAX_ANNOUNCEMENT = 80;

/**
 * Whether the text ends on an announcement of its answer, with nothing after it, in a sentence of
 * its own after `answerEnd` when given (the end of the value the weak reading found): "So, 18 dollars
 * is my final answer:" states 18 (the red team of stop 46).
 */
export function endsAnnouncingAnswer(text: string, answerEnd?: number): boolean {
  // The last character an announcement can end on (`is`, `be`, `:`, `=`, `$`, `{` ...): most texts end on another.
  let end = text.length - 1;
  while (end >= 0 && text.charCodeAt(end) <= 32) end--;
  if (!ANNOUNCEMENT_ENDS.includes(text[end] ?? '')) return false;
  // Its last "answer" (any case) in the tail, with no letter before it.
  const from = Math.max(0, text.length - MAX_ANNOUNCEMENT);
  const at = Math.max(lastIndexIn(text, 'nswer', from), lastIndexIn(text, 'NSWER', from)) - 1;
  if (at < 0 || /[A-Za-z]/.test(text[at - 1] ?? '')) return false;
  ANNOUNCED_AT_END.lastIndex = at;
  return (
    ANNOUNCED_AT_END.test(text) && (answerEnd === undefined || SENTENCE_END.test(text.slice(answerEnd, at)))
  );
}
