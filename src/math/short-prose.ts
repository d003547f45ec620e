/**
 * A sentence made of short words (`It is 4.`, `So x is 12`, `We get 5`) is prose, not a product
 * of variables: the whole-response reader took `It is 4` for the expression I·t·i·s·4 and compared
 * it as a polynomial. Prose was told by a word of three letters or more; this adds the English
 * function words of two letters, when another word follows them. Single letters and letter pairs
 * that are no such word (`ab`, `AB`, `xy`) stay mathematics.
 */
const SHORT_FUNCTION_WORD =
  /(?:^|[\s,;:])(?:it|is|so|be|we|to|of|as|at|by|an|am|if|do|us|my|he|me)\s+[A-Za-z\d]/i;

/** Whether the text holds a two-letter function word followed by another word or a number. */
export function hasShortProseWords(text: string): boolean {
  return SHORT_FUNCTION_WORD.test(text);
}
