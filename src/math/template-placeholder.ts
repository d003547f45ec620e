/**
 * A prompt template's placeholder echoed into the response: `#### [your final answer]`, `[answer]`,
 * `[number]`, `{final answer}`, `<your answer>` (real outputs round 22: a LangGraph ReAct agent that echoes its
 * prompt, whose `#### [your final answer]` line was read as the answer and its own final statement
 * never). It names the answer to give and gives none: removed before the extractors read, with the
 * `####` before it. An `<answer>` tag is no placeholder (its angle brackets hold no other word).
 */
const PLACEHOLDER =
  /(?:####[ \t]*)?(?:\[\s*(?:(?:your|the|final|numerical|numeric)\s+)*(?:answer|result|number|value)\s*\]|\{\s*(?:(?:your|the|final|numerical|numeric)\s+)*(?:answer|result|number|value)\s*\}|<\s*(?:(?:your|the|final|numerical|numeric)\s+)+(?:answer|result)\s*>)/gi;

/** What a placeholder ends in: a quick test before the replacement. */
const PLACEHOLDER_END = /(?:answer|result|number|value)\s*[\]}>]/i;

/** The text without the placeholders of a prompt template it echoes. */
export function withoutTemplatePlaceholders(text: string): string {
  if (!PLACEHOLDER_END.test(text)) return text;
  return text.replace(PLACEHOLDER, ' ');
}
