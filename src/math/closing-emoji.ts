/**
 * Emoji that close an answer: "**Answer:** 18 😊", "#### 18 🎉", "The answer is 18 ✔️" (a red team
 * of stop 41: each was read as the variable 😊 times 18 and refused). A pictograph, with its
 * variation selector, skin tone or joiner, is never mathematics; one that doubts or rejects the
 * value (❌, ✗, ✖️, ⚠️, 👎, 🤔, ❓, 🤷, 🤞, 🙄, 😐 ...) is kept, so that the answer stays unread rather than
 * paid, and so is every emoji after a question or exclamation mark ("18? 😊", "18?! 🎉").
 * Alternatives that share no character (✔ and ✅ are pictographs too: as alternatives of their own
 * in the repeated group they made the pattern try every way to split a run of them, 2^n steps on
 * "✅✅✅...!", a red team of stop 42).
 */
const CLOSING_EMOJI =
  /(?:\s*(?:[\p{Extended_Pictographic}\p{Emoji_Modifier}\u2713]|\uFE0F|\u200D|\u20E3))+[\s.!]*$/u;
const DOUBTING_EMOJI =
  /[\u274C\u274E\u2717\u2718\u{1F6AB}\u26D4\u{1F44E}\u{1F914}\u2753\u2754\u2049\u{1F937}\u{1F615}\u{1F641}\u2639\u{1F61F}\u{1F62C}\u{1F91E}\u{1F605}\u{1F928}\u{1F9D0}\u{1F62C}\u{1F625}\u{1F613}\u2716\u26A0\u{1F645}\u{1F6D1}\u{1F6A9}\u{1F61E}\u{1F622}\u{1F62D}\u{1F630}\u{1F635}\u{1F974}\u{1F925}\u{1F644}\u{1FAE4}\u{1F610}\u{1F643}\u{1F440}\u{1F921}\u{1F633}\u{1FAE3}\u{1F534}\u2757\u2755]/u;

/** The text without the emoji that close it, unless one of them doubts the value. */
export function withoutClosingEmoji(text: string): string {
  const closing = CLOSING_EMOJI.exec(text);
  if (closing === null || closing.index === 0 || DOUBTING_EMOJI.test(closing[0])) return text;
  // "18? 😊": the question stays with the value.
  const before = text[closing.index - 1];
  if (before === '?' || before === '!') return text;
  return text.slice(0, closing.index).trimEnd();
}
