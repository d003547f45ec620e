/**
 * A response that repeats a paragraph of its own until the token limit cuts the last copy short:
 * a number read from that copy stops where the cut did, before the value the paragraph went on to
 * (real outputs round 29: R1-Distill-Qwen-1.5B on MGSM looped through "或者，可能我应该用具体的数值来计算。
 * 比如，假设她每分钟做1颗，那么..." until the limit, and the last number, 1 of "suppose she makes 1 a
 * minute", was paid against a gold 1). The response states no answer. A loop of a whole answer
 * ("The answer is 18.\n\nThe answer is 18") still reads it: its earlier copy goes on to no other number.
 */
import { endsMidSentence } from './cut-off-passage.js';

/** Loops are long: shorter responses are not looked at (the search below costs a scan). */
const MIN_LOOP_RESPONSE_CHARS = 1000;
/** A cut copy this short may be a common phrase, not a copy. */
const MIN_COPY_CHARS = 20;

/** Earlier copies a loop shows before its cut one (a closing line that restates one earlier line is no loop). */
const MIN_EARLIER_COPIES = 2;

/**
 * Whether the number read (ending at `end`) lies in the text's last line, that line ends inside a
 * sentence (endsMidSentence), and at least MIN_EARLIER_COPIES earlier lines start with it and go on
 * to more digits: the last copy of a repeated paragraph, cut short. "Therefore the total is 18."
 * after "Therefore the total is 18. Check: 10 + 8 = 18." is a conclusion, not a loop (stop 47's red
 * team).
 */
export function isInCutRepeatedParagraph(text: string, end: number): boolean {
  if (text.length < MIN_LOOP_RESPONSE_CHARS) return false;
  const trimmedEnd = text.trimEnd().length;
  const start = text.lastIndexOf('\n', trimmedEnd - 1) + 1;
  if (end <= start || trimmedEnd - start < MIN_COPY_CHARS) return false;
  const copy = text.slice(start, trimmedEnd);
  if (!endsMidSentence(copy)) return false;
  let copies = 0;
  for (let at = text.indexOf(copy); at >= 0 && at < start; at = text.indexOf(copy, at + 1)) {
    if (at > 0 && text.charCodeAt(at - 1) !== 10) continue;
    // The earlier paragraph, from where the copy starts to its line's end.
    const lineEnd = text.indexOf('\n', at + copy.length);
    const rest = text.slice(at + copy.length, lineEnd < 0 ? start : Math.min(lineEnd, start));
    if (/\d/.test(rest) && ++copies >= MIN_EARLIER_COPIES) return true;
  }
  return false;
}
