import {
  addRational,
  divideRational,
  multiplyRational,
  negateRational,
  powerOfTen,
  type Rational,
  rational,
  rationalToNumber,
} from './rational.js';
import { type NumberValue, numberValue } from './value.js';

/**
 * Literals with more digits, or exponents larger than this, are kept as doubles only (and a double
 * that overflows is no value at all: a 2,100-digit number must never equal ten times itself).
 * Answers are at most 2,000 characters, so every literal an answer can hold is exact.
 */
const MAX_EXACT_DIGITS = 2_100;
const MAX_EXACT_EXPONENT = 2_100;

/** A plain integer or decimal (`-12`, `3.50`): the common answer, read without the general passes. */
export const PLAIN_NUMBER = /^-?\d{1,30}(?:\.\d{1,30})?$/;

const PLAIN_INTEGER = /^-?\d{1,30}$/;

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,6}))?$/;
const TIMES_TEN = /^(.+?)\s*(?:\\times|\\cdot|\*|×)\s*10\s*\^\s*\{?\s*([+-]?\d{1,6})\s*\}?$/;

/** A decimal of at most 15 digits (`18.00`, `-2.5`): its digits are an exact double. */
const SHORT_DECIMAL = /^-?\d+\.\d+$/;

/**
 * `18.00` -> 18/1 with the arithmetic of doubles (every integer below 10^15 is exact, and so is
 * their greatest common divisor): the same reduced rational as the general reading below, without
 * its two regular expressions, a BigInt parse and a BigInt Euclid loop.
 */
function shortDecimal(text: string): Rational | undefined {
  if (text.length > 17 || !SHORT_DECIMAL.test(text)) return undefined;
  const negative = text.charCodeAt(0) === 45; // '-'
  const point = text.indexOf('.');
  if (point - (negative ? 1 : 0) + (text.length - point - 1) > 15) return undefined;
  const digits = Number(text.slice(negative ? 1 : 0, point) + text.slice(point + 1));
  const scale = 10 ** (text.length - point - 1);
  let a = digits;
  let b = scale;
  while (b !== 0) {
    const rest = a % b;
    a = b;
    b = rest;
  }
  // `-0.0`: 0/1 (BigInt has no negative zero, as the general reading gives it).
  const numerator = BigInt(digits / a);
  return { numerator: negative ? -numerator : numerator, denominator: BigInt(scale / a) };
}

/** `-12.50`, `.5`, `3e-4`, `1.5\times10^{3}`: exact when small enough. */
export function parseDecimal(text: string): Rational | number | undefined {
  const short = shortDecimal(text);
  if (short !== undefined) return short;
  const scientific = TIMES_TEN.exec(text);
  if (scientific !== null) {
    const mantissa = parseDecimal(scientific[1] ?? '');
    if (mantissa === undefined) return undefined;
    return scale(mantissa, Number(scientific[2]));
  }
  const match = DECIMAL.exec(text);
  if (match === null) return undefined;
  const [, sign = '', whole = '', fraction = '', exponentText] = match;
  if (whole === '' && fraction === '') return undefined;
  if (whole.length + fraction.length > MAX_EXACT_DIGITS) return Number(text);
  const digits = BigInt(`${whole}${fraction}` || '0');
  let value = rational(sign === '-' ? -digits : digits, powerOfTenBig(fraction.length));
  if (exponentText !== undefined) {
    const scaled = scale(value, Number(exponentText));
    if (typeof scaled === 'number') return scaled;
    value = scaled;
  }
  return value;
}

/** 10^0 .. 10^30 made once: most literals have few decimals. */
const SMALL_POWERS_OF_TEN: readonly bigint[] = Array.from({ length: 31 }, (_, power) => 10n ** BigInt(power));

function powerOfTenBig(power: number): bigint {
  return SMALL_POWERS_OF_TEN[power] ?? 10n ** BigInt(power);
}

function scale(value: Rational | number, exponent: number): Rational | number {
  if (typeof value === 'number' || Math.abs(exponent) > MAX_EXACT_EXPONENT) {
    const base = typeof value === 'number' ? value : rationalToNumber(value);
    return base * 10 ** exponent;
  }
  return multiplyRational(value, powerOfTen(exponent));
}

function divide(numerator: Rational | number, denominator: Rational | number): Rational | number | undefined {
  if (typeof numerator === 'number' || typeof denominator === 'number') {
    const bottom = typeof denominator === 'number' ? denominator : rationalToNumber(denominator);
    if (bottom === 0) return undefined;
    return (typeof numerator === 'number' ? numerator : rationalToNumber(numerator)) / bottom;
  }
  return divideRational(numerator, denominator);
}

/** `\frac{a}{b}`, `\frac12`, `a/b` with decimal a and b. */
function parseFraction(text: string): Rational | number | undefined {
  const latex = /^\\frac\s*(?:\{\s*([^{}]+?)\s*\}|(\d))\s*(?:\{\s*([^{}]+?)\s*\}|(\d))$/.exec(text);
  const slash = latex === null ? /^([^/]+?)\s*\/\s*([^/]+)$/.exec(text) : null;
  const numeratorText = latex !== null ? (latex[1] ?? latex[2]) : slash?.[1];
  const denominatorText = latex !== null ? (latex[3] ?? latex[4]) : slash?.[2];
  if (numeratorText === undefined || denominatorText === undefined) return undefined;
  const numerator = parseDecimal(numeratorText.trim());
  const denominator = parseDecimal(denominatorText.trim());
  if (numerator === undefined || denominator === undefined) return undefined;
  return divide(numerator, denominator);
}

function negate(value: Rational | number): Rational | number {
  return typeof value === 'number' ? -value : negateRational(value);
}

/** A mixed number as written in MATH answers: `2\frac{1}{2}` is 5/2. */
function parseMixed(text: string): Rational | number | undefined {
  const plain = /^(\d+)\s+(\d+)\s*\/\s*(\d+)$/.exec(text);
  const match =
    plain !== null
      ? [plain[0], plain[1], `\\frac{${plain[2]}}{${plain[3]}}`]
      : /^(\d+)\s*(\\frac.*)$/.exec(text);
  if (match === null) return undefined;
  const fraction = parseFraction(match[2] ?? '');
  if (fraction === undefined || typeof fraction === 'number') return undefined;
  if (fraction.numerator < 0n || fraction.numerator >= fraction.denominator) return undefined;
  return addRational(rational(BigInt(match[1] ?? '0')), fraction);
}

/**
 * Reads a plain number literal (integer, decimal, scientific, fraction, mixed number, with an
 * optional sign). Returns undefined for anything else; the symbolic parser handles the rest.
 */
export function parseNumberLiteral(text: string, percent: boolean): NumberValue | undefined {
  // A plain integer (most answers): what the general reading below makes of it, without its regexes.
  if (PLAIN_INTEGER.test(text)) {
    const numerator = BigInt(text);
    // `-0` reads as 0 (BigInt has no negative zero), as rationalToNumber gives it below.
    return numberValue(
      { numerator, denominator: 1n },
      numerator === 0n ? 0 : Number(numerator),
      percent,
      text,
    );
  }
  const compact = text.trim();
  if (compact === '' || compact.length > MAX_EXACT_DIGITS + 40) return undefined;
  let body = compact;
  let negative = false;
  const sign = /^([+-])\s*/.exec(body);
  // `-\frac{1}{2}`, and a negative mixed number `-2\frac{1}{2}` or `-1 1/2` (= -5/2, -3/2; the plain
  // one read as -1 times 1/2 before stop 36's examiner pairs).
  if (sign !== null && /^[+-]\s*(?:(?:\d+\s*)?\\frac|\d+\s+\d+\s*\/\s*\d+$)/.test(body)) {
    negative = sign[1] === '-';
    body = body.slice(sign[0].length);
  }
  const value = parseDecimal(body) ?? parseMixed(body) ?? parseFraction(body);
  if (value === undefined) return undefined;
  const signed = negative ? negate(value) : value;
  const exact = typeof signed === 'number' ? undefined : signed;
  const approx = typeof signed === 'number' ? signed : rationalToNumber(signed);
  if (Number.isNaN(approx) || (exact === undefined && !Number.isFinite(approx))) return undefined;
  return numberValue(exact, approx, percent, compact);
}
