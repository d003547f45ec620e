/** Escapes a literal string for use inside a regular expression. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const NON_SPACE = /\S/g;

/** Whether anything but white space follows `index` in the text (no copy of the rest is made). */
export function hasTextAfter(text: string, index: number): boolean {
  NON_SPACE.lastIndex = index;
  return NON_SPACE.test(text);
}
