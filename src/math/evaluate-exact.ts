import {
  addRational,
  divideRational,
  isInteger,
  multiplyRational,
  negateRational,
  type Rational,
  rational,
} from './rational.js';
import type { MathJson } from './value.js';

/** Results with more digits than this are not computed exactly (the double path takes over). */
const MAX_DIGITS = 5_000;
const MAX_FACTORIAL = 1_000;

function digits(value: Rational): number {
  const size = (part: bigint) => (part < 0n ? -part : part).toString(16).length * 1.21;
  return size(value.numerator) + size(value.denominator);
}

function power(base: Rational, exponent: Rational): Rational | undefined {
  if (!isInteger(exponent)) return undefined;
  const count = exponent.numerator < 0n ? -exponent.numerator : exponent.numerator;
  const baseDigits = Math.max(1, digits(base));
  if (count > 100_000n || baseDigits * Number(count) > MAX_DIGITS) return undefined;
  const raised = rational(base.numerator ** count, base.denominator ** count);
  return exponent.numerator < 0n ? divideRational(rational(1n), raised) : raised;
}

function factorial(value: Rational): Rational | undefined {
  if (!isInteger(value) || value.numerator < 0n || value.numerator > BigInt(MAX_FACTORIAL)) return undefined;
  let result = 1n;
  for (let factor = 2n; factor <= value.numerator; factor++) result *= factor;
  return rational(result);
}

/**
 * Exact value of a constant arithmetic expression (integers, fractions, + - * /, integer powers,
 * factorials), or undefined when it holds anything else or would grow too large. Lets
 * `2^{64}` and `18446744073709551615` differ although doubles cannot tell them apart.
 */
export function evaluateExact(json: MathJson, depth = 0): Rational | undefined {
  if (depth > 100) return undefined;
  if (typeof json === 'number') {
    if (!Number.isFinite(json)) return undefined;
    if (Number.isInteger(json)) return Number.isSafeInteger(json) ? rational(BigInt(json)) : undefined;
    const text = String(json);
    if (/e/i.test(text)) return undefined;
    const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
    const magnitude = rational(BigInt(`${whole}${fraction}`), 10n ** BigInt(fraction.length));
    return json < 0 ? negateRational(magnitude) : magnitude;
  }
  if (typeof json === 'object' && !Array.isArray(json) && 'num' in json) {
    return /^-?\d{1,400}$/.test(json.num) ? rational(BigInt(json.num)) : undefined;
  }
  if (!Array.isArray(json) || typeof json[0] !== 'string') return undefined;
  const values: Rational[] = [];
  for (let index = 1; index < json.length; index++) {
    const value = evaluateExact(json[index] as MathJson, depth + 1);
    if (value === undefined) return undefined;
    values.push(value);
  }
  const [first, second] = values;
  switch (json[0]) {
    case 'Add':
      return values.reduce(addRational, rational(0n));
    case 'Subtract':
      if (first === undefined) return undefined;
      return values.length === 1
        ? negateRational(first)
        : values.slice(1).reduce((left, right) => addRational(left, negateRational(right)), first);
    case 'Negate':
      return first === undefined ? undefined : negateRational(first);
    case 'Multiply':
    case 'InvisibleOperator':
      return values.reduce(multiplyRational, rational(1n));
    case 'Divide':
    case 'Rational':
      return first === undefined || second === undefined ? undefined : divideRational(first, second);
    case 'Power':
      return first === undefined || second === undefined ? undefined : power(first, second);
    case 'Square':
      return first === undefined ? undefined : multiplyRational(first, first);
    case 'Factorial':
      return first === undefined ? undefined : factorial(first);
    case 'Delimiter':
      return values.length === 1 ? first : undefined;
    default:
      return undefined;
  }
}
