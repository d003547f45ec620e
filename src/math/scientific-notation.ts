/**
 * A number written in scientific notation in plain text (`4.65 x 10^-34`, `3 × 10^{5}`,
 * `1.2 \cdot 10^(-3)`, `1,500 x 10^-1`): the last-number fallback found its exponent (`-34`), and
 * read the power of ten alone or the exponent ("the momentum uncertainty is approximately 1.5 x
 * 10^-35 kg m/s" read 10^-35; TheoremQA's ChatGPT and Alpaca rationales). The whole number is the
 * value, read in place as `3e8` is: the fallback's own checks (a condition, a value ruled out, a
 * list or a hedge before it, a qualifier) then see where the number starts, at its mantissa.
 *
 * After an operator ("2 - 3 x 10^5", "2 /\n3 x 10^5", "3-4 x 10^5") the mantissa is an operand of
 * a larger expression, not the value: the power of ten stays alone, which pays no gold of the
 * mantissa's value (red teams of stops 29 and 31).
 */

/** `10^`, `10^{`, `10^(` right before the exponent (no digit, point or comma before the 10). */
const POWER_OF_TEN_BEFORE = /(?<![\d.,])10\^([({]?)$/;
/**
 * A whole number and a times sign right before `10^` (`4.65 x `, `3×`, `1.2 \cdot `, `1,500 x `):
 * no digit, letter, point, comma or caret against its start.
 */
const MANTISSA_TIMES = /(?<![\w.^,])-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:[x×*·]|\\times|\\cdot)\s*$/;
/**
 * An operator, a root sign or a function name before the mantissa, across spaces and line breaks
 * (`**`, bold, is none), or a ratio's colon (`3:5 x 10^3`).
 */
const OPERATOR_BEFORE =
  /(?:[-+−–—/×·÷^√∛]|(?<!\*)\*|\\(?:times|cdot|div|sqrt)|\b(?:sqrt|cbrt|log|ln|exp)|\d\s*:)\s*$/;

/** Where a number in scientific notation whose exponent was read at `index` stands, and its text. */
export function scientificNotationAround(
  text: string,
  index: number,
  exponent: string,
): { text: string; start: number; end: number } | undefined {
  const before = text.charCodeAt(index - 1);
  // `^`, `{`, `(`: the only characters a power of ten's exponent follows.
  if (before !== 94 && before !== 123 && before !== 40) return undefined;
  const power = POWER_OF_TEN_BEFORE.exec(text.slice(Math.max(0, index - 6), index));
  if (power === null) return undefined;
  let end = index + exponent.length;
  if (power[1] === '{' || power[1] === '(') {
    if (text[end] !== (power[1] === '{' ? '}' : ')')) return undefined;
    end++;
  }
  const powerStart = index - power[0].length;
  const mantissa = MANTISSA_TIMES.exec(text.slice(Math.max(0, powerStart - 40), powerStart));
  if (mantissa === null) return undefined;
  const start = powerStart - mantissa[0].length;
  if (OPERATOR_BEFORE.test(text.slice(Math.max(0, start - 16), start))) return undefined;
  return { text: text.slice(start, end), start, end };
}
