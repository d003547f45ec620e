import { DeadlineExceeded } from './budget.js';
import {
  addRational,
  divideRational,
  floorRational,
  gcdInteger,
  isInteger,
  multiplyRational,
  negateRational,
  type Rational,
  rational,
  rationalDigits,
} from './rational.js';
import type { MathJson } from './value.js';

const isLimits = (json: MathJson | undefined): json is MathJson[] =>
  Array.isArray(json) && (json[0] === 'Limits' || json[0] === 'Tuple') && typeof json[1] === 'string';

/** Results with more digits than this are not computed exactly (the double path takes over). */
const MAX_DIGITS = 5_000;
const MAX_FACTORIAL = 1_000;
/** Terms of a finite sum or product added one by one; longer polynomial sums use a closed form. */
export const MAX_EXACT_TERMS = 1_000;
/** Operations of one exact evaluation, all loops included. */
const MAX_STEPS = 50_000;
/** Highest polynomial degree summed in closed form. */
const MAX_SUM_DEGREE = 30;

type Environment = ReadonlyMap<string, Rational>;
const EMPTY: Environment = new Map();

interface Work {
  steps: number;
  /** performance.now() deadline, checked every 256 steps. */
  deadline: number;
}

function bounded(value: Rational | undefined): Rational | undefined {
  return value !== undefined && rationalDigits(value) <= MAX_DIGITS ? value : undefined;
}

function power(base: Rational, exponent: Rational): Rational | undefined {
  if (!isInteger(exponent)) return undefined;
  const count = exponent.numerator < 0n ? -exponent.numerator : exponent.numerator;
  const baseDigits = Math.max(1, rationalDigits(base));
  if (count > 100_000n || baseDigits * Number(count) > MAX_DIGITS * 2) return undefined;
  const raised = rational(base.numerator ** count, base.denominator ** count);
  return exponent.numerator < 0n ? divideRational(rational(1n), raised) : raised;
}

function factorial(value: Rational, step: bigint): Rational | undefined {
  if (!isInteger(value) || value.numerator < 0n || value.numerator > BigInt(MAX_FACTORIAL)) return undefined;
  let result = 1n;
  for (let factor = value.numerator; factor > 1n; factor -= step) result *= factor;
  return rational(result);
}

function binomial(n: Rational, k: Rational): Rational | undefined {
  if (!isInteger(n) || !isInteger(k) || n.numerator < 0n) return undefined;
  if (k.numerator < 0n || k.numerator > n.numerator) return rational(0n);
  // biome-ignore lint/complexity/useMathMinMax: Math.min does not take bigints
  const smaller = k.numerator < n.numerator - k.numerator ? k.numerator : n.numerator - k.numerator;
  if (smaller > BigInt(MAX_FACTORIAL)) return undefined;
  let result = 1n;
  for (let index = 1n; index <= smaller; index++) result = (result * (n.numerator - smaller + index)) / index;
  return rational(result);
}

function integerFold(
  values: readonly Rational[],
  fold: (left: bigint, right: bigint) => bigint,
): Rational | undefined {
  if (values.length === 0 || values.some((value) => !isInteger(value))) return undefined;
  let result = (values[0] as Rational).numerator;
  for (const value of values.slice(1)) result = fold(result, value.numerator);
  return rational(result < 0n ? -result : result);
}

const leastCommonMultiple = (left: bigint, right: bigint): bigint =>
  left === 0n || right === 0n ? 0n : (left * right) / gcdInteger(left, right);

/**
 * The degree of `json` as a polynomial in `variable` (other symbols must be bound constants), or
 * undefined when it is not a polynomial (powers with the variable in the exponent, functions).
 */
export function polynomialDegree(json: MathJson, variable: string, depth = 0): number | undefined {
  if (depth > 100) return undefined;
  if (typeof json === 'number') return 0;
  if (typeof json === 'string') return json === variable ? 1 : 0;
  if (!Array.isArray(json)) return 'num' in json ? 0 : undefined;
  const [head, ...args] = json;
  const degrees = args.map((arg) => polynomialDegree(arg as MathJson, variable, depth + 1));
  if (!mentionsSymbol(json, variable)) return 0;
  if (degrees.some((degree) => degree === undefined)) return undefined;
  const known = degrees as number[];
  switch (head) {
    case 'Add':
    case 'Subtract':
    case 'Negate':
    case 'Delimiter':
      return Math.max(...known);
    case 'Multiply':
    case 'InvisibleOperator':
      return known.reduce((total, degree) => total + degree, 0);
    case 'Divide':
      return known[1] === 0 ? known[0] : undefined;
    case 'Square':
      return 2 * (known[0] ?? 0);
    case 'Power': {
      const exponent = args[1];
      if (typeof exponent !== 'number' || !Number.isInteger(exponent) || exponent < 0 || known[1] !== 0)
        return undefined;
      return (known[0] ?? 0) * exponent;
    }
    default:
      return undefined;
  }
}

/** True when the symbol occurs in the expression (bound or free). */
export function mentionsSymbol(json: MathJson, symbol: string): boolean {
  if (typeof json === 'string') return json === symbol;
  if (!Array.isArray(json)) return false;
  for (let index = 1; index < json.length; index++)
    if (mentionsSymbol(json[index] as MathJson, symbol)) return true;
  return false;
}

/** The `["Limits", k, lower, upper]` of a big operator, with integer bounds. */
function integerLimits(
  limits: MathJson | undefined,
  environment: Environment,
  work: Work,
  depth: number,
): { index: string; lower: bigint; upper: bigint } | undefined {
  if (!Array.isArray(limits) || !isLimits(limits) || typeof limits[1] !== 'string') return undefined;
  const lower = evaluateIn(limits[2] as MathJson, environment, work, depth + 1);
  const upper = evaluateIn(limits[3] as MathJson, environment, work, depth + 1);
  if (lower === undefined || upper === undefined || !isInteger(lower) || !isInteger(upper)) return undefined;
  return { index: limits[1], lower: lower.numerator, upper: upper.numerator };
}

/**
 * Σ or Π of `body` for the index from lower to upper. Up to MAX_EXACT_TERMS terms one by one; a
 * longer sum whose body is a polynomial of degree d in the index is a polynomial of degree d + 1 in
 * the upper bound, so d + 2 partial sums and Lagrange interpolation give it exactly (Faulhaber).
 */
function bigOperator(
  head: 'Sum' | 'Product',
  body: MathJson,
  limits: { index: string; lower: bigint; upper: bigint },
  environment: Environment,
  work: Work,
  depth: number,
): Rational | undefined {
  const { index, lower, upper } = limits;
  const count = upper - lower + 1n;
  const identity = rational(head === 'Sum' ? 1n - 1n : 1n);
  if (count <= 0n) return identity;
  const scope = new Map(environment);
  const term = (at: bigint): Rational | undefined => {
    scope.set(index, rational(at));
    return evaluateIn(body, scope, work, depth + 1);
  };
  const combine = head === 'Sum' ? addRational : multiplyRational;
  if (count <= BigInt(MAX_EXACT_TERMS)) {
    let total = identity;
    for (let at = lower; at <= upper; at++) {
      const value = term(at);
      if (value === undefined) return undefined;
      total = combine(total, value);
      // Big numbers cost more than one step: long exact sums give way to the double path.
      const size = rationalDigits(total);
      work.steps += size >> 5;
      if (size > MAX_DIGITS || work.steps > MAX_STEPS) return undefined;
    }
    return total;
  }
  if (head !== 'Sum') return undefined;
  const degree = polynomialDegree(body, index);
  if (degree === undefined || degree > MAX_SUM_DEGREE) return undefined;
  const nodes: bigint[] = [];
  const partialSums: Rational[] = [];
  let total = identity;
  for (let at = lower; nodes.length < degree + 2; at++) {
    const value = term(at);
    if (value === undefined) return undefined;
    total = addRational(total, value);
    nodes.push(at);
    partialSums.push(total);
  }
  return bounded(lagrangeAt(nodes, partialSums, upper));
}

/** The polynomial through (nodes[j], values[j]) evaluated at `at`, exactly. */
function lagrangeAt(nodes: readonly bigint[], values: readonly Rational[], at: bigint): Rational {
  let result = rational(0n);
  for (let j = 0; j < nodes.length; j++) {
    let numerator = 1n;
    let denominator = 1n;
    for (let i = 0; i < nodes.length; i++) {
      if (i === j) continue;
      numerator *= at - (nodes[i] as bigint);
      denominator *= (nodes[j] as bigint) - (nodes[i] as bigint);
    }
    result = addRational(result, multiplyRational(values[j] as Rational, rational(numerator, denominator)));
  }
  return result;
}

function literal(json: MathJson): Rational | undefined {
  if (typeof json === 'number') {
    if (!Number.isFinite(json)) return undefined;
    if (Number.isInteger(json)) return Number.isSafeInteger(json) ? rational(BigInt(json)) : undefined;
    return decimal(String(json));
  }
  if (typeof json === 'object' && !Array.isArray(json) && 'num' in json) return decimal(json.num);
  return undefined;
}

function decimal(text: string): Rational | undefined {
  const match = /^(-?)(\d{1,5000})(?:\.(\d{1,5000}))?$/.exec(text);
  if (match === null) return undefined;
  const [, sign, whole = '0', fraction = ''] = match;
  const magnitude = rational(BigInt(`${whole}${fraction}`), 10n ** BigInt(fraction.length));
  return sign === '-' ? negateRational(magnitude) : magnitude;
}

function evaluateIn(
  json: MathJson,
  environment: Environment,
  work: Work,
  depth: number,
): Rational | undefined {
  if (depth > 100 || ++work.steps > MAX_STEPS) return undefined;
  if ((work.steps & 255) === 0 && performance.now() > work.deadline) throw new DeadlineExceeded();
  if (typeof json === 'string') return environment.get(json);
  const number = literal(json);
  if (number !== undefined || !Array.isArray(json) || typeof json[0] !== 'string') return number;
  const head = json[0];
  if (head === 'Sum' || head === 'Product') {
    const limits = integerLimits(json[2] as MathJson, environment, work, depth);
    return limits === undefined
      ? undefined
      : bigOperator(head, json[1] as MathJson, limits, environment, work, depth);
  }
  const values: Rational[] = [];
  for (let index = 1; index < json.length; index++) {
    const value = evaluateIn(json[index] as MathJson, environment, work, depth + 1);
    if (value === undefined) return undefined;
    values.push(value);
  }
  return bounded(applyExact(head, values));
}

function applyExact(head: string, values: readonly Rational[]): Rational | undefined {
  const [first, second] = values;
  switch (head) {
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
      return first === undefined ? undefined : factorial(first, 1n);
    case 'Factorial2':
      return first === undefined ? undefined : factorial(first, 2n);
    case 'Binomial':
    case 'Choose':
      return first === undefined || second === undefined ? undefined : binomial(first, second);
    case 'GCD':
      return integerFold(values, gcdInteger);
    case 'LCM':
      return integerFold(values, leastCommonMultiple);
    case 'Floor':
      return first === undefined ? undefined : rational(floorRational(first));
    case 'Ceil':
    case 'Ceiling':
      return first === undefined ? undefined : negateRational(rational(floorRational(negateRational(first))));
    case 'Abs':
      return first === undefined ? undefined : first.numerator < 0n ? negateRational(first) : first;
    case 'Mod': {
      if (first === undefined || second === undefined || second.numerator === 0n) return undefined;
      const quotient = divideRational(first, second) as Rational;
      return addRational(first, negateRational(multiplyRational(second, rational(floorRational(quotient)))));
    }
    case 'Max':
    case 'Min': {
      if (values.length === 0) return undefined;
      const sign = head === 'Max' ? 1n : -1n;
      return values.reduce((best, value) =>
        sign * (value.numerator * best.denominator - best.numerator * value.denominator) > 0n ? value : best,
      );
    }
    case 'Delimiter':
      return values.length === 1 ? first : undefined;
    default:
      return undefined;
  }
}

/**
 * Exact value of a constant arithmetic expression (integers, decimals, fractions, + - * /, integer
 * powers, factorials, binomials, gcd/lcm, floor/ceil, mod, finite sums and products), or undefined
 * when it holds anything else or would exceed the digit and step budgets. Lets `2^{64}` and
 * `18446744073709551615` differ although doubles cannot tell them apart.
 */
export function evaluateExact(
  json: MathJson,
  environment: Environment = EMPTY,
  deadline = Number.POSITIVE_INFINITY,
): Rational | undefined {
  return evaluateIn(json, environment, { steps: 0, deadline }, 0);
}
