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

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether the text holds a letter or a digit of any script: it says something (not only marks and spaces). */
export function hasLetterOrDigit(text: string): boolean {
  return LETTER_OR_DIGIT.test(text);
}

/** Whether a UTF-16 code unit is an ASCII letter (A-Z, a-z). */
/** Whether a UTF-16 code unit is an ASCII digit, 0-9. */
export function isAsciiDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isAsciiLetterCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/** Whether a UTF-16 code unit is white space or a line terminator: what `\s` matches and `trim` removes. */
export function isWhiteSpaceCode(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** The index of the last character before `end`, at `from` or after, that is not white space; `from - 1` when none. */
export function lastNonSpaceBefore(text: string, end: number, from = 0): number {
  let index = end - 1;
  while (index >= from && isWhiteSpaceCode(text.charCodeAt(index))) index--;
  return index;
}
