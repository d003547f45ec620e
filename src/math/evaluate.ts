import { boundIndex } from './bound-index.js';
import { DeadlineExceeded } from './budget.js';
import * as C from './complex.js';
import { conjugateOfConstant } from './complex-conjugate.js';
import { evaluateExact } from './evaluate-exact.js';
import { gamma } from './gamma.js';
import { geometricSeries, geometricSumAt } from './geometric-sum.js';
import { lambdaParameters } from './lambda-binding.js';
import { rationalToNumber } from './rational.js';
import { polynomialSumAt } from './symbolic-sum.js';
import { tanhSinhIntegral } from './tanh-sinh.js';
import type { MathJson } from './value.js';

type Complex = C.Complex;

/** Thrown when an expression holds something the evaluator does not know (a function, a set ...). */
export class NotEvaluable extends Error {}

/**
 * Thrown when evaluating would exceed the work budget (a sum of a billion terms that has no closed
 * form, nested loops): the comparison is undecidable, and nothing else (no CAS) may try it.
 */
export class BeyondBudget extends Error {}

/** Terms of a sum or product evaluated one by one in double precision. */
const MAX_FLOAT_TERMS = 100_000;
/** Operations of one evaluation, loops included. */
const MAX_STEPS = 300_000;

interface Work {
  steps: number;
  /** performance.now() deadline, checked every 256 steps. */
  deadline: number;
}

const CONSTANTS: Record<string, Complex> = {
  Pi: C.complex(Math.PI),
  pi: C.complex(Math.PI),
  ExponentialE: C.complex(Math.E),
  e: C.complex(Math.E),
  ImaginaryUnit: C.complex(0, 1),
  i: C.complex(0, 1),
  PositiveInfinity: C.complex(Number.POSITIVE_INFINITY),
  NegativeInfinity: C.complex(Number.NEGATIVE_INFINITY),
  Half: C.complex(0.5),
};

/** Heads whose subtree names one variable (`x_1` parses as ["At", "x", 1] or ["Subscript", ...]). */
const VARIABLE_HEADS = new Set(['At', 'Subscript']);

/** The key of a variable node, or undefined when the node is not a variable. */
export function variableKey(json: MathJson): string | undefined {
  if (typeof json === 'string') {
    if (json.startsWith("'") || json in CONSTANTS) return undefined;
    return json;
  }
  if (Array.isArray(json) && typeof json[0] === 'string' && VARIABLE_HEADS.has(json[0]))
    return JSON.stringify(json);
  if (typeof json === 'object' && !Array.isArray(json) && 'sym' in json) return variableKey(json.sym);
  return undefined;
}

/** The bounds of a big operator: `["Limits", k, lower, upper]` (compute-engine writes `Tuple`). */
export function isLimits(json: MathJson | undefined): json is MathJson[] {
  return boundIndex(json) !== undefined;
}

/** Heads that bind their index: `["Sum", body, ["Limits", k, lower, upper]]`. */
const BINDING_HEADS = new Set(['Sum', 'Product', 'Integrate']);

/** Free variables of an expression (constants such as pi, e and i, and bound indices, excluded). */
export function freeVariables(json: MathJson, into: Set<string> = new Set()): Set<string> {
  const key = variableKey(json);
  if (key !== undefined) into.add(key);
  else if (Array.isArray(json)) {
    const limits = json[2];
    if (BINDING_HEADS.has(json[0] as string) && Array.isArray(limits) && isLimits(limits)) {
      const body = freeVariables(json[1] as MathJson);
      body.delete(boundIndex(limits) as string);
      for (const name of body) into.add(name);
      for (let index = 2; index < limits.length; index++) freeVariables(limits[index] as MathJson, into);
      return into;
    }
    const parameters = lambdaParameters(json);
    if (parameters !== undefined) {
      const body = freeVariables(json[1] as MathJson);
      for (const name of body) if (!parameters.includes(name)) into.add(name);
      return into;
    }
    // `["Apply", ["InverseFunction", "Tan"], x]`: the function is not a variable.
    const first = json[0] === 'Apply' ? 2 : 1;
    for (let index = first; index < json.length; index++) freeVariables(json[index] as MathJson, into);
  }
  return into;
}

function factorial(value: number, step = 1): number {
  // A symbol's factorial at a non-integer point: Γ(x + 1) (see gamma.ts).
  if (!Number.isInteger(value)) return step === 1 && Number.isFinite(value) ? gamma(value + 1) : Number.NaN;
  if (value < 0) return Number.NaN;
  if (value > 400) return Number.POSITIVE_INFINITY;
  let result = 1;
  for (let factor = value; factor > 1; factor -= step) result *= factor;
  return result;
}

function integerGcd(left: number, right: number): number {
  let a = Math.abs(left);
  let b = Math.abs(right);
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function integerArguments(values: readonly Complex[]): number[] {
  const numbers = values.map((_, index) => real(values, index));
  if (numbers.some((value) => !Number.isSafeInteger(value))) throw new NotEvaluable('gcd of non-integers');
  return numbers;
}

function binomial(n: number, k: number): number {
  if (!Number.isInteger(n) || !Number.isInteger(k) || k < 0 || n < 0 || k > n) return Number.NaN;
  const smaller = Math.min(k, n - k);
  if (smaller > 1000) return Number.POSITIVE_INFINITY;
  let result = 1;
  for (let index = 1; index <= smaller; index++) result = (result * (n - smaller + index)) / index;
  return Math.round(result);
}

/**
 * A function of real numbers only (floor, arcsine ...). A complex argument is NotEvaluable for a
 * constant; at a point of a comparison (evaluateOnRealDomain) it is a point outside the function's
 * domain, NaN there (`\lceil \ln n \rceil` at n < 0), so that the other points still decide: the
 * whole comparison used to give up and ask compute-engine, which called `\lceil \ln n \rceil` and
 * `\lceil \ln 2n \rceil` equal (Omni-MATH InternLM2 output, found by a held-out suite of real outputs).
 */
function realOnly(value: Complex, operation: (re: number) => number): Complex {
  if (Math.abs(value.im) > 1e-12 * Math.max(1, Math.abs(value.re))) {
    if (!atPoint) throw new NotEvaluable('complex argument');
    outsideRealOnly = true;
    return C.complex(Number.NaN);
  }
  return C.complex(operation(value.re));
}

function trig(head: string, value: Complex): Complex | undefined {
  switch (head) {
    case 'Sin':
      return C.sin(value);
    case 'Cos':
      return C.cos(value);
    case 'Tan':
      return C.divide(C.sin(value), C.cos(value));
    case 'Cot':
      return C.divide(C.cos(value), C.sin(value));
    case 'Sec':
      return C.divide(C.complex(1), C.cos(value));
    case 'Csc':
      return C.divide(C.complex(1), C.sin(value));
    case 'Arcsin':
      return realOnly(value, Math.asin);
    case 'Arccos':
      return realOnly(value, Math.acos);
    case 'Arctan':
      return realOnly(value, Math.atan);
    case 'Arccot':
      return realOnly(value, (re) => Math.atan(1 / re));
    case 'Arcsec':
      return realOnly(value, (re) => Math.acos(1 / re));
    case 'Arccsc':
      return realOnly(value, (re) => Math.asin(1 / re));
    case 'Sinh':
      return realOnly(value, Math.sinh);
    case 'Cosh':
      return realOnly(value, Math.cosh);
    case 'Tanh':
      return realOnly(value, Math.tanh);
    case 'Sign':
      return realOnly(value, Math.sign);
    case 'Coth':
      return realOnly(value, (re) => 1 / Math.tanh(re));
    case 'Sech':
      return realOnly(value, (re) => 1 / Math.cosh(re));
    case 'Csch':
      return realOnly(value, (re) => 1 / Math.sinh(re));
    case 'Arsinh':
      return realOnly(value, Math.asinh);
    case 'Arcosh':
      return realOnly(value, Math.acosh);
    case 'Artanh':
      return realOnly(value, Math.atanh);
    default:
      return undefined;
  }
}

const INVERSE: Record<string, string> = {
  Sin: 'Arcsin',
  Cos: 'Arccos',
  Tan: 'Arctan',
  Cot: 'Arccot',
  Sec: 'Arcsec',
  Csc: 'Arccsc',
};

const MAX_DEPTH = 200;

/**
 * Evaluates MathJSON (raw, non-canonical compute-engine output) to a complex number with the
 * given variable values. Undefined points give NaN; unknown constructs throw NotEvaluable; work
 * beyond the budget (huge sums) throws BeyondBudget.
 */
export function evaluate(
  json: MathJson,
  variables: ReadonlyMap<string, number>,
  deadline = Number.POSITIVE_INFINITY,
): Complex {
  realDomainLeft = false;
  outsideRealOnly = false;
  return evaluateNode(json, variables, { steps: 0, deadline }, 0);
}

/**
 * `evaluate`, and whether it took a square root, a fractional power or a logarithm of a negative
 * number on the way: a real result then came through complex intermediates (`\sqrt{x}\sqrt{x+1}`
 * at x = -2.5 is -\sqrt{3.75}), at a point outside the expression's real domain. Comparisons of
 * functions skip such points instead of counting them as a difference (issue 9 class 7: functions
 * are compared where both sides are defined).
 */
export function evaluateOnRealDomain(
  json: MathJson,
  variables: ReadonlyMap<string, number>,
  deadline = Number.POSITIVE_INFINITY,
): { value: Complex; leftRealDomain: boolean; outsideRealOnly: boolean } {
  atPoint = true;
  try {
    const value = evaluate(json, variables, deadline);
    return { value, leftRealDomain: realDomainLeft, outsideRealOnly };
  } finally {
    atPoint = false;
  }
}
/** Set while `evaluate` runs (it does not nest); read right after it by evaluateOnRealDomain only. */
let realDomainLeft = false;
/** Set when a real-only function got a complex argument at a point (its value is NaN). */
let outsideRealOnly = false;
/** Set while evaluateOnRealDomain runs: a real-only function of a complex value is NaN, not NotEvaluable. */
let atPoint = false;

/** A negative real number (a branch point argument outside the real domain). */
function negativeReal(value: Complex): boolean {
  return value.re < 0 && Math.abs(value.im) <= 1e-12 * -value.re;
}

/** Marks an argument outside the real domain of a root, a fractional power or a logarithm. */
function noteDomain(base: Complex, exponent?: Complex): void {
  if (!negativeReal(base)) return;
  if (exponent === undefined || exponent.im !== 0 || !Number.isInteger(exponent.re)) realDomainLeft = true;
}

function evaluateNode(
  json: MathJson,
  variables: ReadonlyMap<string, number>,
  work: Work,
  depth: number,
): Complex {
  if (depth > MAX_DEPTH) throw new NotEvaluable('too deep');
  if (++work.steps > MAX_STEPS) throw new BeyondBudget('the expression needs too many operations');
  if ((work.steps & 255) === 0 && performance.now() > work.deadline) throw new DeadlineExceeded();
  if (typeof json === 'number') return C.complex(json);
  if (typeof json === 'string') {
    const value = variables.get(json);
    if (value !== undefined) return C.complex(value);
    const constant = CONSTANTS[json];
    if (constant !== undefined) return constant;
    throw new NotEvaluable(`unknown symbol ${json}`);
  }
  if (!Array.isArray(json)) {
    if ('num' in json)
      return C.complex(Number.parseFloat(json.num.replace(/\.\.\.$/, '').replace(/[()]/g, '')));
    if ('sym' in json) return evaluateNode(json.sym, variables, work, depth + 1);
    throw new NotEvaluable('string');
  }
  const head = json[0];
  if (typeof head !== 'string') throw new NotEvaluable('compound head');
  const key = variableKey(json);
  if (key !== undefined) {
    const value = variables.get(key);
    if (value === undefined) throw new NotEvaluable(`unknown symbol ${key}`);
    return C.complex(value);
  }
  if (head === 'Apply' && Array.isArray(json[1]) && json[1][0] === 'InverseFunction') {
    const inverse = INVERSE[String(json[1][1])];
    if (inverse === undefined || json.length !== 3) throw new NotEvaluable('inverse');
    return evaluateNode([inverse, json[2] as MathJson], variables, work, depth + 1);
  }
  if (head === 'Sum' || head === 'Product' || head === 'Integrate') {
    return bigOperator(head, json, variables, work, depth);
  }
  if (head === 'OverBar' && json.length === 2) {
    const conjugate = conjugateOfConstant(
      json[1],
      (argument) => freeVariables(argument).size > 0,
      (argument) => evaluateNode(argument, variables, work, depth + 1),
    );
    if (conjugate === undefined) throw new NotEvaluable('a bar over a variable');
    return conjugate;
  }
  const values: Complex[] = [];
  for (let index = 1; index < json.length; index++)
    values.push(evaluateNode(json[index] as MathJson, variables, work, depth + 1));
  return applyHead(head, values);
}

/** Gauss-Legendre nodes and weights on [-1, 1], 5 points (exact for polynomials up to degree 9). */
const GAUSS_NODES = [0, 0.5384693101056831, -0.5384693101056831, 0.906179845938664, -0.906179845938664];
const GAUSS_WEIGHTS = [
  0.5688888888888889, 0.47862867049936647, 0.47862867049936647, 0.23692688505618908, 0.23692688505618908,
];

/**
 * Σ, Π (integer bounds, up to MAX_FLOAT_TERMS terms, else the exact closed form when the
 * expression is constant) and ∫ over finite bounds (composite Gauss-Legendre on 32 and 64 panels;
 * when the two disagree beyond 1e-9 the integral is not trusted).
 */
function bigOperator(
  head: 'Sum' | 'Product' | 'Integrate',
  json: MathJson[],
  variables: ReadonlyMap<string, number>,
  work: Work,
  depth: number,
): Complex {
  const limits = json[2];
  const index = boundIndex(limits);
  // `\sum_{k} k`, `\int_{D} f`: a limit missing is no bound to evaluate at.
  if (!Array.isArray(limits) || index === undefined || limits[2] === undefined || limits[3] === undefined)
    throw new NotEvaluable('big operator without bounds');
  const lower = real([evaluateNode(limits[2] as MathJson, variables, work, depth + 1)], 0);
  const upper = real([evaluateNode(limits[3] as MathJson, variables, work, depth + 1)], 0);
  const scope = new Map(variables);
  const body = json[1] as MathJson;
  const at = (value: number): Complex => {
    scope.set(index, value);
    return evaluateNode(body, scope, work, depth + 1);
  };
  if (head === 'Integrate') {
    if (!Number.isFinite(lower) || !Number.isFinite(upper)) throw new NotEvaluable('improper integral');
    const integrate = (panels: number): Complex => {
      const width = (upper - lower) / panels;
      let total = C.complex(0);
      for (let panel = 0; panel < panels; panel++) {
        const middle = lower + (panel + 0.5) * width;
        for (let node = 0; node < GAUSS_NODES.length; node++) {
          const value = at(middle + ((GAUSS_NODES[node] as number) * width) / 2);
          total = C.add(total, C.multiply(value, C.complex(((GAUSS_WEIGHTS[node] as number) * width) / 2)));
        }
      }
      return total;
    };
    const coarse = integrate(32);
    const fine = integrate(64);
    if (C.isClose(coarse, fine, 1e-9, 1e-12)) return fine;
    // An end singularity (`\sqrt{1-x^2}`, `\ln x`) slows Gauss-Legendre: tanh-sinh.ts.
    const singular = lower < upper ? tanhSinhIntegral(at, lower, upper) : undefined;
    if (singular === undefined) throw new BeyondBudget('the integral does not settle numerically');
    return singular;
  }
  if (
    head === 'Sum' &&
    !Number.isInteger(upper) &&
    freeVariables(limits[3] as MathJson).size > 0 &&
    !indexedSymbolIn(body, index)
  ) {
    // `\sum_{k=1}^{n} k` at a non-integer n: the closed form of a polynomial summand (symbolic-sum.ts)
    // or of a geometric one (geometric-sum.ts).
    const term = (index: number) => realOrUndefined(at(index));
    const value = polynomialSumAt(term, lower, upper) ?? geometricSumAt(term, lower, upper);
    if (value === undefined)
      throw new NotEvaluable('a symbolic sum whose summand is neither a polynomial nor geometric');
    return C.complex(value);
  }
  if (head === 'Sum' && upper === Number.POSITIVE_INFINITY && !indexedSymbolIn(body, index)) {
    // `\sum_{n=0}^{\infty} \frac{1}{2^n}`: a geometric series (geometric-sum.ts); no other is summed.
    const value = geometricSeries((index) => realOrUndefined(at(index)), lower);
    if (value === undefined)
      throw new NotEvaluable('an infinite sum that is not a convergent geometric series');
    return C.complex(value);
  }
  if (!Number.isSafeInteger(lower) || !Number.isSafeInteger(upper))
    throw new NotEvaluable('non-integer bounds');
  if (upper - lower + 1 > MAX_FLOAT_TERMS) {
    const exact = freeVariables(json).size === 0 ? evaluateExact(json, undefined, work.deadline) : undefined;
    if (exact === undefined)
      throw new BeyondBudget(`a ${head.toLowerCase()} of ${upper - lower + 1} terms has no closed form here`);
    return C.complex(rationalToNumber(exact));
  }
  let total = C.complex(head === 'Sum' ? 0 : 1);
  for (let value = lower; value <= upper; value++) {
    total = head === 'Sum' ? C.add(total, at(value)) : C.multiply(total, at(value));
  }
  return total;
}

/**
 * Whether the summand holds a symbol subscripted by the index (`F_k`, `a_{n-k}`): a term of a
 * sequence the parser reads as an unknown constant, so the sum is no polynomial in the index.
 */
function indexedSymbolIn(body: MathJson, index: string): boolean {
  for (const name of freeVariables(body)) {
    // The name's words after its base letter: `F_{n-1-k}` gives n, k; `["At","F","k"]` gives F, k.
    const words = name.split(/[^A-Za-z]+/).filter((word) => word !== '');
    if (words.slice(1).includes(index)) return true;
  }
  return false;
}

function realOrUndefined(value: Complex): number | undefined {
  return value.im === 0 ? value.re : undefined;
}

function argument(values: readonly Complex[], index: number): Complex {
  const value = values[index];
  if (value === undefined) throw new NotEvaluable('missing argument');
  return value;
}

function real(values: readonly Complex[], index: number): number {
  return realOnly(argument(values, index), identity).re;
}

function identity(re: number): number {
  return re;
}

function applyHead(head: string, values: Complex[]): Complex {
  switch (head) {
    case 'Add':
      return values.reduce(C.add, C.complex(0));
    case 'Subtract':
      return values.length === 1 ? C.negate(argument(values, 0)) : values.reduce(C.subtract);
    case 'Negate':
      return C.negate(argument(values, 0));
    case 'Multiply':
    case 'InvisibleOperator':
      return values.reduce(C.multiply, C.complex(1));
    case 'Divide':
    case 'Rational':
      return C.divide(argument(values, 0), argument(values, 1));
    case 'Power':
      noteDomain(argument(values, 0), argument(values, 1));
      return C.power(argument(values, 0), argument(values, 1));
    case 'Square':
      return C.multiply(argument(values, 0), argument(values, 0));
    case 'Sqrt':
      noteDomain(argument(values, 0));
      return C.sqrt(argument(values, 0));
    case 'Root':
      noteDomain(argument(values, 0));
      return C.power(argument(values, 0), C.divide(C.complex(1), argument(values, 1)));
    case 'Exp':
      return C.exp(argument(values, 0));
    case 'Ln':
      noteDomain(argument(values, 0));
      return C.log(argument(values, 0));
    case 'Log':
      noteDomain(argument(values, 0));
      return C.divide(
        C.log(argument(values, 0)),
        values.length > 1 ? C.log(argument(values, 1)) : C.complex(Math.LN10),
      );
    case 'Lb':
      return C.divide(C.log(argument(values, 0)), C.complex(Math.LN2));
    case 'Lg':
      return C.divide(C.log(argument(values, 0)), C.complex(Math.LN10));
    case 'Abs':
      return C.complex(C.magnitude(argument(values, 0)));
    case 'Floor':
      return C.complex(Math.floor(real(values, 0)));
    case 'Ceil':
    case 'Ceiling':
      return C.complex(Math.ceil(real(values, 0)));
    case 'Factorial':
      return C.complex(factorial(real(values, 0)));
    case 'Factorial2':
      return C.complex(factorial(real(values, 0), 2));
    case 'GCD':
      return C.complex(integerArguments(values).reduce(integerGcd));
    case 'LCM':
      return C.complex(
        integerArguments(values).reduce((left, right) =>
          left === 0 || right === 0 ? 0 : Math.abs(left * right) / integerGcd(left, right),
        ),
      );
    case 'Binomial':
    case 'Choose':
      return C.complex(binomial(real(values, 0), real(values, 1)));
    case 'Max':
      return C.complex(Math.max(...values.map((_, index) => real(values, index))));
    case 'Min':
      return C.complex(Math.min(...values.map((_, index) => real(values, index))));
    case 'Mod': {
      const divisor = real(values, 1);
      return C.complex(((real(values, 0) % divisor) + divisor) % divisor);
    }
    case 'Complex':
      return C.complex(real(values, 0), real(values, 1));
    case 'Delimiter':
    case 'Sequence':
    case 'Hold':
      if (values.length !== 1) throw new NotEvaluable('sequence');
      return argument(values, 0);
    default: {
      if (values.length === 1) {
        const value = trig(head, argument(values, 0));
        if (value !== undefined) return value;
      }
      throw new NotEvaluable(`unknown function ${head}`);
    }
  }
}
