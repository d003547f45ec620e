import type { MathJson, MathValue } from './value.js';

/**
 * Exact rationals compared exactly. The relative tolerance stands for the rounding of a decimal
 * (`0.333333` for 1/3); a value written without a decimal point (an integer, a fraction, a power:
 * `99999999/10^8`, `\frac{99999998}{99999999}`) was not rounded, so two such values are equal only
 * when they are the same rational. A decimal on either side keeps the tolerance and the
 * decimal-rounding rule (`0.3333` against 1/3 is decided there, not here).
 */
export function writtenUnrounded(text: string): boolean {
  return !DECIMAL_POINT.test(text);
}

/** A decimal point next to a digit: `0.5`, `.5`, `5.`; not a sentence's full stop after a word. */
const DECIMAL_POINT = /\d[.,]\d|(?:^|[^\d])\.\d/;

/** True when a MathJSON expression holds no decimal literal (`["Divide", 1, 3]`, not `0.25`). */
export function jsonUnrounded(json: MathJson): boolean {
  if (typeof json === 'number') return Number.isInteger(json);
  if (Array.isArray(json)) return json.every(jsonUnrounded);
  if (typeof json === 'object' && 'num' in json) return writtenUnrounded(json.num);
  return true;
}

/**
 * True when a number or expression was written with no decimal point: a number by its own text (its
 * JSON is a `Rational` either way), an expression by its literals.
 */
export function writtenUnroundedScalar(value: MathValue): boolean {
  if (value.kind === 'number') return writtenUnrounded(value.text);
  return value.kind === 'expression' && jsonUnrounded(value.json);
}
