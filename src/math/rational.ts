/**
 * Exact rational numbers on BigInt, for the fast path of number answers: `0.1 + 0.2` style
 * rounding never decides a verdict when both sides are finite decimals or fractions.
 * Sizes are bounded by the caller (parse-number caps digits and exponents).
 */
export interface Rational {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

function gcd(left: bigint, right: bigint): bigint {
  let a = left < 0n ? -left : left;
  let b = right < 0n ? -right : right;
  while (b !== 0n) {
    const rest = a % b;
    a = b;
    b = rest;
  }
  return a;
}

/** Builds a reduced rational with a positive denominator; the denominator must not be zero. */
export function rational(numerator: bigint, denominator = 1n): Rational {
  if (denominator === 0n) throw new RangeError('zero denominator');
  const sign = denominator < 0n ? -1n : 1n;
  const divisor = gcd(numerator, denominator) || 1n;
  return { numerator: (sign * numerator) / divisor, denominator: (sign * denominator) / divisor };
}

export function addRational(left: Rational, right: Rational): Rational {
  return rational(
    left.numerator * right.denominator + right.numerator * left.denominator,
    left.denominator * right.denominator,
  );
}

export function multiplyRational(left: Rational, right: Rational): Rational {
  return rational(left.numerator * right.numerator, left.denominator * right.denominator);
}

/** left / right, or undefined when right is zero. */
export function divideRational(left: Rational, right: Rational): Rational | undefined {
  if (right.numerator === 0n) return undefined;
  return rational(left.numerator * right.denominator, left.denominator * right.numerator);
}

export function negateRational(value: Rational): Rational {
  return { numerator: -value.numerator, denominator: value.denominator };
}

/** -1, 0 or 1 as `left` is below, equal to or above `right`. */
export function compareRational(left: Rational, right: Rational): number {
  const difference = left.numerator * right.denominator - right.numerator * left.denominator;
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

export function rationalEquals(left: Rational, right: Rational): boolean {
  return left.numerator === right.numerator && left.denominator === right.denominator;
}

export function isInteger(value: Rational): boolean {
  return value.denominator === 1n;
}

/** Nearest double; keeps precision for huge numerators and denominators by scaling first. */
export function rationalToNumber(value: Rational): number {
  const { numerator, denominator } = value;
  const direct = Number(numerator) / Number(denominator);
  if (Number.isFinite(direct) && direct !== 0) return direct;
  if (numerator === 0n) return 0;
  const shift = BigInt(Math.max(0, denominator.toString().length - numerator.toString().length + 20));
  const scaled = Number((numerator * 10n ** shift) / denominator);
  return scaled / 10 ** Number(shift);
}

export function rationalToString(value: Rational): string {
  return value.denominator === 1n ? value.numerator.toString() : `${value.numerator}/${value.denominator}`;
}

/** 10^exponent as a rational (exponent may be negative); the caller bounds |exponent|. */
export function powerOfTen(exponent: number): Rational {
  return exponent >= 0 ? rational(10n ** BigInt(exponent)) : rational(1n, 10n ** BigInt(-exponent));
}

/** Greatest common divisor of two integers (non-negative). */
export function gcdInteger(left: bigint, right: bigint): bigint {
  return gcd(left, right);
}

/** Largest integer not above the value. */
export function floorRational(value: Rational): bigint {
  const quotient = value.numerator / value.denominator;
  return value.numerator < 0n && quotient * value.denominator !== value.numerator ? quotient - 1n : quotient;
}

/** Least integer not below the value. */
export function ceilRational(value: Rational): bigint {
  return -floorRational(negateRational(value));
}

/** Approximate number of decimal digits of numerator and denominator together (cheap bound). */
export function rationalDigits(value: Rational): number {
  const size = (part: bigint) => (part === 0n ? 1 : (part < 0n ? -part : part).toString(16).length * 1.21);
  return size(value.numerator) + size(value.denominator);
}
