/**
 * Textbook notations for binomial coefficients and permutations, read as their values when both
 * arguments are integer literals (n >= k >= 0, n at most MAX_COUNTING_N):
 *
 * - combinations C(n, k) = n! / (k! (n-k)!): `C(10, 3)`, `C_{10}^{3}` and `C^{3}_{10}` (the
 *   convention of Chinese and Russian textbooks: n below, k above), `{}^{10}C_{3}` and
 *   `{}_{10}C_{3}` (British and Indian), `\mathrm{C}_{10}^{3}`;
 * - permutations P(n, k) = n! / (n-k)!: `P(10, 3)`, `A_{10}^{3}`, `P_{10}^{3}`, `{}^{10}P_{3}`,
 *   `{}_{10}P_{3}`.
 *
 * With a symbol or an expression as argument (`C(n, 2)`, `C_{n}^{2}`) nothing is rewritten: a
 * letter with a subscript and a power stays what it is written as. A point `C(10, 3)` of
 * a geometry answer is not an answer a number gold can equal either way.
 */
const MAX_COUNTING_N = 1_000n;

const INTEGER = String.raw`\{?\s*(\d{1,4})\s*\}?`;
const NAME = String.raw`(?:\\(?:mathrm|operatorname|text|mathbf)\s*\{\s*([CPA])\s*\}|([CPA]))\s*`;

/** `C(10, 3)`, `P(10,3)` (not `A(...)`: a point A is far more common than that notation). */
const FUNCTION_FORM = new RegExp(String.raw`(?<![A-Za-z\\])${NAME}\(\s*(\d{1,4})\s*,\s*(\d{1,4})\s*\)`, 'g');
/** `C_{10}^{3}`, `C^{3}_{10}`, `A_{10}^{3}`. */
const SUB_SUP_FORM = new RegExp(
  String.raw`(?<![A-Za-z\\])${NAME}(?:_\s*${INTEGER}\s*\^\s*${INTEGER}|\^\s*${INTEGER}\s*_\s*${INTEGER})`,
  'g',
);
/** `{}^{10}C_{3}`, `{}_{10}C_3`, `^{10}P_{3}` (the empty group is optional). */
const PRESCRIPT_FORM = new RegExp(String.raw`(?:\{\s*\}\s*)?[_^]\s*${INTEGER}\s*${NAME}_\s*${INTEGER}`, 'g');

function factorialRange(from: bigint, to: bigint): bigint {
  let product = 1n;
  for (let factor = from; factor <= to; factor++) product *= factor;
  return product;
}

/** The count as an integer literal, or undefined when the arguments are out of range. */
function countValue(name: string, nText: string, kText: string): string | undefined {
  const n = BigInt(nText);
  const k = BigInt(kText);
  if (k > n || n > MAX_COUNTING_N) return undefined;
  const permutations = factorialRange(n - k + 1n, n);
  if (name !== 'C') return permutations.toString();
  return (permutations / factorialRange(1n, k)).toString();
}

function replaceCount(
  whole: string,
  name: string | undefined,
  nText: string | undefined,
  kText: string | undefined,
): string {
  if (name === undefined || nText === undefined || kText === undefined) return whole;
  const value = countValue(name, nText, kText);
  if (value === undefined || (name === 'A' && whole.includes('('))) return whole;
  return `(${value})`;
}

/** Whether the text may hold one of the notations (a cheap gate before the regexes). */
export function mayHoldCountingNotation(text: string): boolean {
  return /[CPA]/.test(text) && /\d/.test(text);
}

/** The text with every counting notation on integer literals replaced by its value in parentheses. */
export function rewriteCountingNotation(text: string): string {
  return text
    .replace(FUNCTION_FORM, (whole, boxedName, name, n, k) =>
      (boxedName ?? name) === 'A' ? whole : replaceCount(whole, boxedName ?? name, n, k),
    )
    .replace(SUB_SUP_FORM, (whole, boxedName, name, nBelow, kAbove, kAbove2, nBelow2) =>
      replaceCount(whole, boxedName ?? name, nBelow ?? nBelow2, kAbove ?? kAbove2),
    )
    .replace(PRESCRIPT_FORM, (whole, n, boxedName, name, k) => replaceCount(whole, boxedName ?? name, n, k));
}
