/**
 * Emoji that close an answer: "**Answer:** 18 😊", "#### 18 🎉", "The answer is 18 ✔️" (a red team
 * of stop 41: each was read as the variable 😊 times 18 and refused). A pictograph, with its
 * variation selector, skin tone or joiner, is never mathematics; one that doubts or rejects the
 * value (❌, ✗, 👎, 🤔, ❓, 🤷, 🤞 ...) is kept, so that the answer stays unread rather than paid.
 */
const CLOSING_EMOJI =
  /(?:\s*(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|[\u2713\u2714\u2705]|\uFE0F|\u200D|\u20E3))+[\s.!]*$/u;
const DOUBTING_EMOJI =
  /[\u274C\u274E\u2717\u2718\u{1F6AB}\u26D4\u{1F44E}\u{1F914}\u2753\u2754\u2049\u{1F937}\u{1F615}\u{1F641}\u2639\u{1F61F}\u{1F62C}\u{1F91E}\u{1F605}\u{1F928}\u{1F9D0}\u{1F62C}\u{1F625}\u{1F613}]/u;

/** The text without the emoji that close it, unless one of them doubts the value. */
export function withoutClosingEmoji(text: string): string {
  const closing = CLOSING_EMOJI.exec(text);
  if (closing === null || closing.index === 0 || DOUBTING_EMOJI.test(closing[0])) return text;
  return text.slice(0, closing.index).trimEnd();
}
