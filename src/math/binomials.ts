/**
 * Binomial coefficients as the rest of the verifier reads them: TeX's `{n \choose k}` as
 * `\binom{n}{k}`; of two numerals, the value itself (`\binom{2021}{3}` is 1373734330: as factorials,
 * `(2021)!` is beyond exact factorials and double range, and `\binom{2021}{3} - 2021\binom{1010}{2}`
 * was given up: real outputs round 23); of anything else, factorials compute-engine reads (it lacks
 * `\binom`), which the evaluator reads for a symbol too (gamma.ts).
 */
import { readArgument } from './braces.js';

/** TeX's `{n \choose k}` (or a whole answer `n \choose k`) as `\binom{n}{k}`. */
function chooseAsBinomial(text: string): string {
  if (!text.includes('\\choose')) return text;
  return text
    .replace(/\{([^{}]*?)\s*\\choose(?![A-Za-z])\s*([^{}]*?)\}/g, '\\binom{$1}{$2}')
    .replace(/^\s*([^{}\s]+)\s*\\choose(?![A-Za-z])\s*([^{}\s]+)\s*$/, '\\binom{$1}{$2}');
}

/** Largest binomial written out as its value (digits). */
const MAX_BINOMIAL_DIGITS = 40;

/** `\\binom{n}{k}` of two numerals as its value's digits, when it has at most MAX_BINOMIAL_DIGITS; else undefined. */
function binomialOfNumerals(top: string, bottom: string): string | undefined {
  if (!/^\s*\d{1,7}\s*$/.test(top) || !/^\s*\d{1,7}\s*$/.test(bottom)) return undefined;
  const n = BigInt(top.trim());
  const k = BigInt(bottom.trim());
  if (k > n) return '0';
  const smaller = k < n - k ? k : n - k;
  // Each factor multiplies the value by 2 at least: past 140 factors it has over 40 digits.
  if (smaller > 140n) return undefined;
  let value = 1n;
  for (let index = 1n; index <= smaller; index++) value = (value * (n - smaller + index)) / index;
  const digits = value.toString();
  return digits.length > MAX_BINOMIAL_DIGITS ? undefined : digits;
}

/** `\binom{n}{k}` as `\frac{n!}{k!(n-k)!}`, which compute-engine reads (it lacks \binom). */
function expandBinomials(text: string): string {
  let result = text;
  for (let count = 0; count < 8; count++) {
    const match = /\\[dt]?binom(?![A-Za-z])/.exec(result);
    if (match === null) break;
    const top = readArgument(result, match.index + match[0].length);
    const bottom = top === undefined ? undefined : readArgument(result, top.end);
    if (top === undefined || bottom === undefined) break;
    const [n, k] = [top.content, bottom.content];
    // Of two whole numbers, the value itself (in parentheses beside other terms): `(2021)!` is
    // beyond exact factorials and double range, `\binom{2021}{3}` is 1373734330 (real outputs
    // round 23: `\binom{2021}{3} - 2021\binom{1010}{2}` was given up as too large).
    const value = binomialOfNumerals(n, k);
    const before = result.slice(0, match.index);
    const after = result.slice(bottom.end);
    const expanded =
      value === undefined
        ? `\\frac{(${n})!}{(${k})!((${n})-(${k}))!}`
        : /[\w)}]\s*$/.test(before) || /^\s*[\w(\\{]/.test(after)
          ? `(${value})`
          : value;
    result = before + expanded + after;
  }
  return result;
}

/** Every binomial of the text as its value or its factorials (see the module comment). */
export function binomialsAsValues(text: string): string {
  return expandBinomials(chooseAsBinomial(text));
}
