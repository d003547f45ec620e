/**
 * `####` alone on its line, followed by a paragraph of prose, divides the response; it does not
 * mark GSM8K's final answer (`#### 18`). Base models trained on GSM8K-style data write a solution,
 * a `####` line, then a second, restated solution ("####\nTo find the total number of gems, we
 * ..."); the GSM8K extractor then read that paragraph's first sentence as the answer and the
 * response scored 0. When the marker is a divider, the other extractors read the response (its
 * answer phrase or its last number), so hedges are judged as anywhere else.
 *
 * Seen in thaotnguyen/thinking-llms-interp (hybrid/results/benchmark_results_qwen2.5-math-1.5b_gsm8k.json,
 * hybrid and base columns: "Therefore, there are 595 gems in the treasure chest.\n####\nTo find the
 * total number of gems ...").
 */
import { hasTextAfter } from '../core/text.js';
import { wordCount } from './cut-off-passage.js';

/** A line that is an answer marker ("Answer", "Final Answer: 36"), not a value. */
const ANSWER_MARKER_LINE = /^[\s*_:}]*(?:final\s+)?answers?[\s*_]*(?:[:：]|[\s*_.;,]*$)/i;

/** A line that starts with a word (not a value). */
const STARTS_WITH_WORD = /^[*_>\s]*[A-Za-z]{2}/;

/**
 * Whether the `####` at `index` is a divider: its line, or the next non-empty line when nothing but
 * markdown or spaces follows it, is a sentence; or its line opens with a word and text follows it
 * (a markdown heading: "#### Final Answer\nThe answer is 18." read the words "Final Answer", a red
 * team of stop 26), or it is an answer marker (`#### Answer`, `#### Final Answer: 36`), which the
 * answer extractors read. A word alone on the last line (`#### Tuesday`) is an answer.
 */
export function isDividerMarker(text: string, index: number): boolean {
  const lineEnd = text.indexOf('\n', index + 4);
  const sameLine = text.slice(index + 4, lineEnd < 0 ? text.length : lineEnd);
  let line = sameLine;
  if (sameLine.replace(/[#*_\s]/g, '') === '') {
    if (lineEnd < 0) return false;
    const rest = text.slice(lineEnd + 1).replace(/^\s+/, '');
    line = rest.slice(0, Math.max(0, rest.indexOf('\n')) || rest.length);
  }
  // Words of letters: a sentence has at least four ("The answer is 18" has three).
  if (STARTS_WITH_WORD.test(line) && wordCount(line) >= 4) return true;
  // `#### Answer`, `#### Final Answer: 36`: a heading the answer markers read.
  if (ANSWER_MARKER_LINE.test(line)) return true;
  // A markdown heading over more text: "#### Final Answer\nThe answer is 18.", "#### Step 2: Money\n...".
  return lineEnd >= 0 && line === sameLine && STARTS_WITH_WORD.test(sameLine) && hasTextAfter(text, lineEnd);
}
