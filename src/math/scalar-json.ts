import type { MathJson, MathValue } from './value.js';

/** MathJSON of a scalar value (number or expression), or undefined for structured values. */
export function scalarJson(value: MathValue, percentAsFraction = false): MathJson | undefined {
  if (value.kind === 'expression') return value.json;
  if (value.kind !== 'number') return undefined;
  let json: MathJson = value.approx;
  const exact = value.exact;
  if (exact !== undefined && exact.denominator === 1n && !Number.isSafeInteger(value.approx)) {
    json = { num: exact.numerator.toString() };
  }
  if (
    exact !== undefined &&
    exact.denominator !== 1n &&
    exact.numerator <= BigInt(Number.MAX_SAFE_INTEGER) &&
    -exact.numerator <= BigInt(Number.MAX_SAFE_INTEGER) &&
    exact.denominator <= BigInt(Number.MAX_SAFE_INTEGER)
  ) {
    json = ['Rational', Number(exact.numerator), Number(exact.denominator)];
  }
  return percentAsFraction ? ['Divide', json, 100] : json;
}
