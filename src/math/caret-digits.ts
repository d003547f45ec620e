/**
 * A power written without braces over a run of digits, as plain text writes it: `2^10` is
 * `2^{10}` (1024), `10^-12` is `10^{-12}`. TeX would raise only the first digit (`2^10` renders
 * as 2¹0), a reading nobody means: the run of digits after the caret is the exponent. A braced
 * exponent, a single digit (`x^2`), a decimal (`2^1.5`) or a letter (`e^x`) is left as written.
 */
const UNBRACED_DIGIT_RUN = /\^\s*(-?\d{2,})(?![\d.])/g;

/** The text with each unbraced exponent of two digits or more in braces. */
export function bracedCaretDigits(text: string): string {
  return text.replace(UNBRACED_DIGIT_RUN, '^{$1}');
}
