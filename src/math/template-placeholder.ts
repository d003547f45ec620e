/**
 * A prompt template's placeholder echoed into the response: `#### [your final answer]`, `[answer]`,
 * `[number]`, `{final answer}`, `<your answer>` (real outputs round 22: a LangGraph ReAct agent that echoes its
 * prompt, whose `#### [your final answer]` line was read as the answer and its own final statement
 * never). A line that is only such a placeholder (its `####` with it) names the answer to give and
 * gives none: removed before the extractors read. An `<answer>` tag is no placeholder (its angle
 * brackets hold no other word).
 */
import { lastNonSpaceBefore } from '../core/text.js';

/** A placeholder's words in brackets: `[your final answer]`, `[number]`, `{answer}`, `<numerical answer>`. */
const WORDS = String.raw`(?:\[\s*(?:(?:your|the|final|numerical|numeric)\s+)*(?:answer|result|number|value)\s*\]|\{\s*(?:(?:your|the|final|numerical|numeric)\s+)*(?:answer|result|number|value)\s*\}|<\s*(?:(?:your|the|final|numerical|numeric)\s+)+(?:answer|result)\s*>)`;
/** A placeholder after `####` anywhere ("in this exact format: #### [number]"), or alone on its line. */
const PLACEHOLDER = new RegExp(String.raw`####[ \t]*${WORDS}|^[ \t]*${WORDS}[ \t]*$`, 'gim');

/** The words a placeholder's last word is, lower-cased. */
const LAST_WORDS: readonly string[] = ['answer', 'result', 'number', 'value'];

/**
 * Whether a closing bracket follows one of LAST_WORDS (spaces between): what every placeholder ends
 * in, looked for from the brackets with `indexOf` (a case-blind regex over every response cost
 * 0.66 µs of a GSM8K solution's 20; this walk 0.23).
 */
function hasPlaceholderEnd(text: string): boolean {
  for (const bracket of [']', '}', '>']) {
    for (let at = text.indexOf(bracket); at >= 0; at = text.indexOf(bracket, at + 1)) {
      const wordEnd = lastNonSpaceBefore(text, at) + 1;
      // Each word ends in `r`, `t` or `e` (any case): most brackets close something else.
      const last = text.charCodeAt(wordEnd - 1) | 32;
      if (last !== 114 && last !== 116 && last !== 101) continue;
      const tail = text.slice(Math.max(0, wordEnd - 6), wordEnd).toLowerCase();
      if (LAST_WORDS.some((word) => tail.endsWith(word))) return true;
    }
  }
  return false;
}

/**
 * The text without the placeholder lines of a prompt template it echoes, when a digit follows the
 * last of them (the reply after the echoed prompt); a placeholder that ends the response, or one
 * inside a sentence ("The final answer is [result], since 17 fails."), stays: it answers nothing,
 * and no trial value before it becomes the answer (red team of stop 44).
 */
export function withoutTemplatePlaceholders(text: string): string {
  if (!hasPlaceholderEnd(text)) return text;
  let lastEnd = -1;
  for (const match of text.matchAll(PLACEHOLDER)) lastEnd = match.index + match[0].length;
  if (lastEnd < 0 || !/\d/.test(text.slice(lastEnd))) return text;
  return text.replace(PLACEHOLDER, ' ');
}
