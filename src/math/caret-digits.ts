/**
 * A power written without braces over a number, as plain text writes it: `2^10` is `2^{10}`
 * (1024), `10^-12` is `10^{-12}`, `2^1.5` is `2^{1.5}`. TeX would raise only the first digit
 * (`2^10` renders as 2¹0, `2^1.5` as 2¹.5), a reading nobody means: the number after the caret is
 * the exponent. A full stop after it ends the sentence (`is 2^10.`). A braced exponent, a single
 * digit (`x^2`) or a letter (`e^x`) is left as written.
 */
const UNBRACED_NUMBER = /\^\s*(-?(?:\d+\.\d+|\d{2,}))(?!\d|\.\d)/g;

/** The text with each unbraced exponent of two digits or more, or with decimals, in braces. */
export function bracedCaretDigits(text: string): string {
  return text.replace(UNBRACED_NUMBER, '^{$1}');
}
