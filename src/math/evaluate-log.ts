import { evaluate } from './evaluate.js';
import type { MathJson } from './value.js';

/** |x| = e^log, with its sign: a real value held on a log scale, far beyond double range. */
export interface LogMagnitude {
  log: number;
  negative: boolean;
}

const MAX_DEPTH = 40;
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
/** Largest n whose n! a double holds exactly enough to take its log directly. */
const DIRECT_FACTORIAL = 20;

/**
 * ln(n!) = ln Gamma(n + 1) by Stirling's series, ln Gamma(z) = (z - 1/2) ln z - z + ln(2 pi)/2
 * + 1/(12 z) - 1/(360 z^3) + 1/(1260 z^5) (z = n + 1 > 21: error below 1e-16 relative).
 */
export function logFactorial(n: number): number {
  if (n <= DIRECT_FACTORIAL) {
    let product = 1;
    for (let k = 2; k <= n; k++) product *= k;
    return Math.log(product);
  }
  const z = n + 1;
  return (
    (z - 0.5) * Math.log(z) - z + HALF_LOG_TWO_PI + 1 / (12 * z) - 1 / (360 * z ** 3) + 1 / (1260 * z ** 5)
  );
}

/** A real constant in double range, or undefined. */
function realValue(json: MathJson, deadline: number): number | undefined {
  try {
    const value = evaluate(json, new Map(), deadline);
    return value.im === 0 && Number.isFinite(value.re) ? value.re : undefined;
  } catch {
    return undefined;
  }
}

function fromNumber(value: number): LogMagnitude | undefined {
  return value === 0 || !Number.isFinite(value)
    ? undefined
    : { log: Math.log(Math.abs(value)), negative: value < 0 };
}

/**
 * The log-magnitude and sign of a real constant built by products, quotients, powers, roots and
 * factorials (`\frac{1}{2004!}`, `2^{-3000}`, `3000!`), where doubles underflow to 0 or overflow to
 * infinity. Other nodes (sums, functions) are evaluated in doubles and must be nonzero and finite.
 * Undefined when the value is zero, not real, or not of that form.
 */
export function logMagnitude(
  json: MathJson,
  deadline = Number.POSITIVE_INFINITY,
  depth = 0,
): LogMagnitude | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (typeof json === 'number') return fromNumber(json);
  if (!Array.isArray(json)) {
    if (typeof json === 'object' && 'num' in json && /^-?\d+$/.test(json.num)) {
      const digits = json.num.replace('-', '');
      const lead = Number(`0.${digits.slice(0, 17)}`);
      return lead === 0
        ? undefined
        : { log: Math.log(lead) + digits.length * Math.LN10, negative: json.num.startsWith('-') };
    }
    return fromNumber(realValue(json, deadline) ?? 0);
  }
  const [head, ...args] = json as [string, ...MathJson[]];
  const part = (arg: MathJson | undefined) =>
    arg === undefined ? undefined : logMagnitude(arg, deadline, depth + 1);
  switch (head) {
    case 'Negate':
    case 'Delimiter': {
      const inner = part(args[0]);
      if (inner === undefined || args.length !== 1) return undefined;
      return head === 'Negate' ? { log: inner.log, negative: !inner.negative } : inner;
    }
    case 'Multiply':
    case 'InvisibleOperator': {
      let log = 0;
      let negative = false;
      for (const arg of args) {
        const factor = part(arg);
        if (factor === undefined) return undefined;
        log += factor.log;
        negative = negative !== factor.negative;
      }
      return { log, negative };
    }
    case 'Divide':
    case 'Rational': {
      const numerator = part(args[0]);
      const denominator = part(args[1]);
      if (numerator === undefined || denominator === undefined || args.length !== 2) return undefined;
      return { log: numerator.log - denominator.log, negative: numerator.negative !== denominator.negative };
    }
    case 'Power':
    case 'Sqrt':
    case 'Root': {
      const base = part(args[0]);
      const exponent =
        head === 'Sqrt'
          ? 0.5
          : head === 'Root'
            ? 1 / (realValue(args[1] ?? 0, deadline) ?? Number.NaN)
            : realValue(args[1] ?? 0, deadline);
      if (base === undefined || exponent === undefined || !Number.isFinite(exponent)) return undefined;
      if (base.negative && !Number.isInteger(exponent)) return undefined;
      return { log: exponent * base.log, negative: base.negative && Math.abs(exponent) % 2 === 1 };
    }
    case 'Exp': {
      const exponent = realValue(args[0] ?? 0, deadline);
      return exponent === undefined ? undefined : { log: exponent, negative: false };
    }
    case 'Factorial': {
      const n = realValue(args[0] ?? 0, deadline);
      if (n === undefined || !Number.isInteger(n) || n < 0 || n > Number.MAX_SAFE_INTEGER) return undefined;
      return { log: logFactorial(n), negative: false };
    }
    default:
      return fromNumber(realValue(json, deadline) ?? 0);
  }
}
