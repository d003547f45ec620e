const FENCE = /```[^\n`]*\n([\s\S]*?)```/g;

/**
 * The program in a model's response: the last fenced code block, or the whole response when it
 * has no fence. A response cut off inside its last block (an opening fence never closed after the
 * last closed block) yields the text after that opening fence.
 */
export function extractProgram(response: string): string {
  let last: string | undefined;
  let lastEnd = 0;
  for (const match of response.matchAll(FENCE)) {
    last = match[1];
    lastEnd = (match.index ?? 0) + match[0].length;
  }
  const unclosed = /```[^\n`]*\n([\s\S]*)$/.exec(response.slice(lastEnd));
  if (unclosed !== null) return unclosed[1]!;
  return last ?? response;
}
