import { seededRandom } from '../core/seeded-random.js';
import type { Budget } from './budget.js';
import { compareReadings, DEFAULT_RELATIVE_TOLERANCE } from './compare-number.js';
import { type Complex, formatComplex, isClose, isFiniteComplex, magnitudeOf } from './complex.js';
import { BeyondBudget, evaluate, evaluateOnRealDomain, freeVariables, NotEvaluable } from './evaluate.js';
import { evaluateExact } from './evaluate-exact.js';
import { type LogMagnitude, logMagnitude } from './evaluate-log.js';
import { jsonUnrounded } from './exact-rationals.js';
import { type CasAnswer, type CasRequest, runGuardedCas } from './guarded-cas.js';
import { compareIntegerPowers } from './power-bases.js';
import { rationalToNumber, rationalToString } from './rational.js';
import { type MathJson, numberReading } from './value.js';
import { incrementsDiffer } from './value-increments.js';
import { isExactZero, isVanishing } from './vanishing-values.js';
import { type CompareContext, equal, notEqual, undecidable, type Verdict } from './verdict.js';

/** Tolerance for random-point identity checks: floating noise, not answer precision. */
const IDENTITY_TOLERANCE = 1e-8;
/** Expressions larger than this (nodes) skip the compute-engine confirmation. */
const MAX_CAS_NODES = 60;
/** Only ask compute-engine when this much of the budget is left (ms). */
const MIN_CAS_BUDGET_MS = 50;

function nodeCount(json: MathJson, limit: number): number {
  if (!Array.isArray(json)) return 1;
  let count = 1;
  for (const child of json) {
    count += nodeCount(child, limit - count);
    if (count > limit) return count;
  }
  return count;
}

/** |gold - pred| within the relative tolerance, or the absolute one when a side is exactly 0. */
export function valuesClose(gold: Complex, pred: Complex, relative: number, absolute: number): boolean {
  const zero = (value: Complex) => value.re === 0 && value.im === 0;
  return isClose(gold, pred, relative, zero(gold) || zero(pred) ? absolute : 0);
}

/** Evaluates `json` at every point; undefined entries mark points where it is not defined. */
export function evaluateAtPoints(
  json: MathJson,
  points: readonly ReadonlyMap<string, number>[],
  deadline = Number.POSITIVE_INFINITY,
  outside?: boolean[],
): (Complex | undefined)[] {
  return points.map((point, index) => {
    const { value, leftRealDomain, outsideRealOnly } = evaluateOnRealDomain(json, point, deadline);
    // A floor, ceiling or arcsine of a complex value: outside that function's domain (noted for the caller).
    if (outsideRealOnly && outside !== undefined) outside[index] = true;
    // A real value reached through a root or a log of a negative number: the point is outside the
    // expression's real domain, skipped (`\sqrt{x}\sqrt{x+1}` against `\sqrt{x^2+x}` at x < -1).
    if (leftRealDomain && isReal(value)) return undefined;
    return isFiniteComplex(value) ? value : undefined;
  });
}

/**
 * Random values for each variable: the first half of the points positive (roots and logs stay on
 * their real branch), the rest with random signs (so |x| and x differ).
 */
export function randomPoints(variables: Iterable<string>, count: number): Map<string, number>[] {
  const names = [...variables].sort();
  const next = seededRandom(0x5eed + names.length);
  return Array.from({ length: count }, (_, index) => {
    const signed = index >= Math.ceil(count / 2);
    return new Map(names.map((name) => [name, (signed && next() < 0.5 ? -1 : 1) * (0.5 + 3 * next())]));
  });
}

/** Functions that are constant between jumps: a few points in (0.5, 3.5) may fall between the same jumps. */
const STEP_FUNCTIONS = new Set(['Floor', 'Ceil', 'Ceiling', 'Round', 'Mod']);

/**
 * Functions whose form changes at a kink that may lie outside (0.5, 3.5): `|x + 10| - 10` is x on
 * the sample points and -x - 20 below -10 (Doenet's math-expressions spec, graders' round 10),
 * `\max(x^2, 0.25)` is x^2 there and 0.25 below 0.5 (stop 37's red team).
 */
const KINKED_FUNCTIONS = new Set(['Abs', 'Max', 'Min', 'Sign']);
const SIGN_FUNCTION = new Set(['Sign']);

/**
 * Functions real only on [-1, 1]: most random points in (0.5, 3.5) lie outside, and
 * `\arcsin x + \arccos x + \tan x + 1` against the same with `\sin^2 x + \cos^2 x` was "too few
 * points" (isaacphysics' checker tests, graders' round 11). Also compared inside (-1, 1).
 */
const UNIT_DOMAIN_FUNCTIONS = new Set(['Arcsin', 'Arccos']);

function hasFunction(json: MathJson, names: ReadonlySet<string>): boolean {
  if (!Array.isArray(json)) return false;
  if (typeof json[0] === 'string' && names.has(json[0])) return true;
  return json.some((part) => hasFunction(part as MathJson, names));
}

/** How many wide points step and kinked functions are also compared at. */
const WIDE_POINTS = 16;

/**
 * Integers where step functions jump (`\lfloor \log_2 n \rfloor + 1` and `\lceil \log_2 n \rceil`
 * differ exactly at powers of 2, `\lfloor \sqrt n \rfloor + 1` and `\lceil \sqrt n \rceil` at
 * squares): real random points never hit them, and integer variables live there.
 */
const JUMP_INTEGERS = [
  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 16, 25, 27, 32, 36, 49, 64, 81, 100, 128, 1000, 1024,
];

/**
 * WIDE_POINTS points with magnitudes from 10^lowest to 10^highest (log-uniform), the second half
 * with random signs.
 */
function widePoints(
  names: readonly string[],
  lowest: number,
  highest: number,
  seed: number,
): Map<string, number>[] {
  const next = seededRandom(seed + names.length);
  return Array.from({ length: WIDE_POINTS }, (_, index) => {
    const signed = index >= WIDE_POINTS / 2;
    return new Map(
      names.map((name) => [
        name,
        (signed && next() < 0.5 ? -1 : 1) * 10 ** (lowest + (highest - lowest) * next()),
      ]),
    );
  });
}

/** Points for step functions: wide real ones, and every variable at the jump integers (mixed). */
function stepFunctionPoints(variables: Iterable<string>): Map<string, number>[] {
  const names = [...variables].sort();
  return [...widePoints(names, 0, 3, 0x51de), ...integerPoints(names)];
}

/** Points whose coordinates are all JUMP_INTEGERS, each variable on its own turn through them. */
function integerPoints(names: readonly string[]): Map<string, number>[] {
  return rotatedPoints(names, JUMP_INTEGERS, 7);
}

/**
 * One point per value of `values`: the first variable takes the values in turn, each next one
 * `stride` places further on (so that variables differ at a point).
 */
function rotatedPoints(
  names: readonly string[],
  values: readonly number[],
  stride: number,
): Map<string, number>[] {
  return values.map(
    (_, index) =>
      new Map(
        names.map((name, variable) => [name, values[(index + stride * variable) % values.length] as number]),
      ),
  );
}

/** Every power of ten from 1e-4 to 1e4, of either sign. */
const SIGN_SCALES = [-4, -3, -2, -1, 0, 1, 2, 3, 4].flatMap((power) => [10 ** power, -(10 ** power)]);

/** Points at every scale of SIGN_SCALES, each variable on its own turn through them. */
function signPoints(names: readonly string[]): Map<string, number>[] {
  return rotatedPoints(names, SIGN_SCALES, 7);
}

/**
 * Points of few binary digits, negative, fractional and whole: a polynomial identity computes there
 * without rounding (their sums and products are exact doubles), and no step of a floor, a
 * remainder or a sign, and no product of factors `(x-1)(x-2)...`, vanishes at all of them.
 */
const EXACT_POINTS = [
  0.5, -1.5, 1.25, 3, -0.75, 2.5, -3.25, 6.125, -5, 0.375, 7, -2.5, 96.5, -1000.25, 1024.125, -77.75,
];
/**
 * Functions whose steps or kinks a fixed grid cannot rule out (`10^{-10}(8x - \lfloor 8x \rfloor)`
 * is 0 at every multiple of 1/8, `\max(0, x - 8)` below 8: a red team of stop 40): no exact-point test.
 */
const GRID_DEFEATING_FUNCTIONS = new Set([...STEP_FUNCTIONS, ...KINKED_FUNCTIONS]);

/** A power of a number beyond double range (`10^{320}`): a quotient by it is 0 only as a double. */
function hasHugeConstant(json: MathJson): boolean {
  if (!Array.isArray(json)) return false;
  if (json[0] === 'Power' && typeof json[1] === 'number' && typeof json[2] === 'number') {
    if (Math.abs(json[2] * Math.log10(Math.abs(json[1]) || 1)) > 300) return true;
  }
  return json.some((part) => hasHugeConstant(part as MathJson));
}

/**
 * Whether both expressions are exactly 0 at every one of EXACT_POINTS (each variable on its own
 * turn through them): a side that is 0 only up to rounding at the random points (`x^2 y^2 -
 * (xy)^2`) shows itself as 0 there; `10^{-12} x` and `10^{-10}(x - \lfloor x \rfloor)` do not.
 */
function vanishAtExactPoints(
  gold: MathJson,
  pred: MathJson,
  variables: Iterable<string>,
  deadline: number,
): boolean {
  for (const side of [gold, pred])
    if (hasFunction(side, GRID_DEFEATING_FUNCTIONS) || hasHugeConstant(side)) return false;
  const points = rotatedPoints([...variables].sort(), EXACT_POINTS, 5);
  const zero = (value: Complex | undefined) => value !== undefined && isExactZero(value);
  const goldValues = evaluateAtPoints(gold, points, deadline);
  const predValues = evaluateAtPoints(pred, points, deadline);
  // A side undefined at a point (`x^y`, `\ln x` at x < 0) is no evidence there, as in the
  // random points' loop; most points must count.
  let defined = 0;
  for (let index = 0; index < points.length; index++) {
    const goldValue = goldValues[index];
    const predValue = predValues[index];
    if (goldValue === undefined || predValue === undefined) continue;
    if (!zero(goldValue) || !zero(predValue)) return false;
    defined++;
  }
  return defined >= points.length / 2;
}

function isReal(value: Complex): boolean {
  return Math.abs(value.im) <= 1e-12 * Math.max(1, Math.abs(value.re));
}

/**
 * Whether a point can judge two expressions. At a point with negative values only real results
 * are compared (branch cuts differ); anywhere, a point where one side is real and the other is not
 * is a branch difference (`\sqrt[3]{u}^2` against `u^{2/3}` where u < 0: the real cube root
 * against the principal power), skipped rather than counted as a difference.
 */
export function comparablePoint(point: ReadonlyMap<string, number>, gold: Complex, pred: Complex): boolean {
  const goldReal = isReal(gold);
  const predReal = isReal(pred);
  for (const value of point.values()) {
    if (value < 0) return goldReal && predReal;
  }
  return goldReal === predReal;
}

/** A guarded compute-engine call; past the sample's deadline it is a timeout, never a verdict. */
function askCas(request: CasRequest, budget: Budget): CasAnswer {
  const answer = runGuardedCas(request, budget.remainingMs());
  if (!answer.ok && answer.reason === 'timeout') budget.check();
  return answer;
}

function casAgrees(gold: MathJson, pred: MathJson, budget: Budget): boolean {
  if (nodeCount(gold, MAX_CAS_NODES) + nodeCount(pred, MAX_CAS_NODES) > MAX_CAS_NODES) return false;
  if (budget.remainingMs() < MIN_CAS_BUDGET_MS) return false;
  const answer = askCas({ op: 'simplifiesToZero', gold, pred }, budget);
  return answer.ok && answer.value === true;
}

/** A sum, product or integral with an infinite bound, or a limit, anywhere in the expression. */
function hasUnboundedOperator(json: MathJson): boolean {
  if (!Array.isArray(json)) return false;
  if (json[0] === 'Limit') return true;
  if (
    json[0] === 'Limits' &&
    json.some(
      (part) => part === 'PositiveInfinity' || part === 'NegativeInfinity' || part === 'ComplexInfinity',
    )
  )
    return true;
  return json.some((part) => hasUnboundedOperator(part as MathJson));
}

const BIG_OPERATORS = new Set(['Sum', 'Product', 'Integrate']);

/**
 * A sum, product or integral missing a bound (`\sum_{k} k`, `\int_{D} f`): no number. compute-engine
 * spent 1.7-2 s calling `\sum_{k} k` different from 6 (a red team of stop 26), so such a side is
 * undecidable at once.
 */
function hasOpenBounds(json: MathJson): boolean {
  if (!Array.isArray(json)) return false;
  if (typeof json[0] === 'string' && BIG_OPERATORS.has(json[0])) {
    const limits = json[2];
    if (!Array.isArray(limits) || limits[2] === undefined || limits[3] === undefined) return true;
    if (limits[2] === 'Nothing' || limits[3] === 'Nothing') return true;
  }
  return json.some((part) => hasOpenBounds(part as MathJson));
}

/** compute-engine alone, for expressions the numeric evaluator cannot read (unknown functions). */
function casOnly(gold: MathJson, pred: MathJson, budget: Budget): Verdict {
  if (nodeCount(gold, MAX_CAS_NODES) + nodeCount(pred, MAX_CAS_NODES) > MAX_CAS_NODES) {
    return undecidable('cas', 'expressions too large for the symbolic check and not numerically evaluable');
  }
  budget.check();
  const answer = askCas({ op: 'isEqual', gold, pred }, budget);
  if (answer.ok && answer.value === true) {
    // It called `\lceil \ln n \rceil` and `\lceil \ln 2n \rceil` equal (Omni-MATH InternLM2 output,
    // found by a held-out suite of real outputs): its word on a step function is no verdict.
    if (hasFunction(gold, STEP_FUNCTIONS) || hasFunction(pred, STEP_FUNCTIONS))
      return undecidable(
        'cas',
        'a floor or ceiling the numeric check cannot evaluate everywhere: no verdict',
      );
    return equal('cas', 'compute-engine finds the expressions equal');
  }
  if (answer.ok && answer.value === false) {
    // `\sum_{n=0}^{\infty} 1/2^n` against 2: compute-engine calls what it cannot evaluate different.
    if (hasUnboundedOperator(gold) || hasUnboundedOperator(pred))
      return undecidable(
        'cas',
        'compute-engine does not evaluate an infinite sum, integral or a limit: no verdict',
      );
    return notEqual('cas', 'compute-engine finds the expressions different');
  }
  if (!answer.ok && answer.reason === 'timeout') return undecidable('cas', answer.message);
  return undecidable('cas', 'neither numeric evaluation nor compute-engine could decide');
}

const COMMUTATIVE = new Set(['Add', 'Multiply', 'InvisibleOperator']);

/** MathJSON as text with the arguments of sums and products sorted: `ab + c` and `c + ba` meet. */
function canonicalText(json: MathJson): string {
  if (!Array.isArray(json)) return JSON.stringify(json);
  const [head, ...args] = json;
  const texts = args.map(canonicalText);
  if (typeof head === 'string' && COMMUTATIVE.has(head)) texts.sort();
  return `[${JSON.stringify(head)},${texts.join(',')}]`;
}

/** Below this a double has lost its precision (subnormals) or underflowed to 0. */
const SMALLEST_NORMAL = 1e-290;

function outOfDoubleRange(value: Complex): boolean {
  return !isFiniteComplex(value) || (value.im === 0 && Math.abs(value.re) < SMALLEST_NORMAL);
}

const LOG_SMALLEST_NORMAL = Math.log(SMALLEST_NORMAL);
const showLog = (value: LogMagnitude) =>
  `${value.negative ? '-' : ''}10^${(value.log / Math.LN10).toFixed(4)}`;

/** A constant that is exactly 0 in exact arithmetic (`0`, `1 - 1`, `0 \cdot 5`). */
function isExactlyZero(json: MathJson, deadline: number): boolean {
  return evaluateExact(json, undefined, deadline)?.numerator === 0n;
}

/**
 * Constants beyond double range (`\frac{1}{2004!}` underflows to 0, `3000!` overflows) compared on
 * a log scale: equal when the signs agree and the logs differ by at most the relative tolerance
 * (|ln a - ln b| <= tol is |a/b - 1| <= tol to first order). An exact 0 against a side with a
 * log-scale form is not equal: `e^{-1000}` underflows to 0 in doubles but its magnitude is known
 * (the absolute tolerance is for doubles that approximate, not for a value beyond their range).
 * Undefined when a side has no log-scale form (sums) and is not exactly 0.
 */
function compareOnLogScale(gold: MathJson, pred: MathJson, context: CompareContext): Verdict | undefined {
  const goldLog = logMagnitude(gold, context.budget.deadline);
  const predLog = logMagnitude(pred, context.budget.deadline);
  if (goldLog === undefined || predLog === undefined) {
    // An exact 0 against a constant that only underflowed (`e^{-1000}`): its magnitude says it is not 0.
    const known = goldLog ?? predLog;
    const other = goldLog === undefined ? gold : pred;
    if (
      known === undefined ||
      known.log >= LOG_SMALLEST_NORMAL ||
      !isExactlyZero(other, context.budget.deadline)
    )
      return undefined;
    return notEqual(
      'log-scale',
      `${goldLog === undefined ? 'gold is 0, prediction' : 'prediction is 0, gold'} is about ${showLog(known)}, not 0 (it underflows in double precision)`,
    );
  }
  const same =
    goldLog.negative === predLog.negative &&
    Math.abs(goldLog.log - predLog.log) <= Math.max(context.options.relativeTolerance, 1e-12);
  return same
    ? equal('log-scale', `both are about ${showLog(goldLog)} (beyond double range, compared on a log scale)`)
    : notEqual(
        'log-scale',
        `gold is about ${showLog(goldLog)}, prediction ${showLog(predLog)} (compared on a log scale)`,
      );
}

/**
 * Relative tolerance of two constants that are exact values written without a decimal point
 * (`10^9 - 500 + \frac{1}{e}` against `999999500`): only the rounding error of evaluating them in
 * double precision separates equal ones (about 1e-16 relative). The answer tolerance (1e-6) paid
 * such a prediction for every integer within a millionth of it: two or more integers once the
 * answer passes 500,000 (`10^9 - 500 + \frac{1}{e}` scored 1 against 999999500 and 1000000000; a
 * red team of stop 28). At 1e-12 neighbouring integers are told apart up to 10^12.
 */
const EXACT_FORM_RELATIVE_TOLERANCE = 1e-12;
/** Operations evaluated by numerical approximation (their error can exceed 1e-12). */
const APPROXIMATED = /"(?:Integrate|Sum|Product|Limit)"/;

/**
 * The relative tolerance for two constants written without a decimal point:
 * EXACT_FORM_RELATIVE_TOLERANCE when they hold nothing approximated numerically, else the answer
 * tolerance (and always the operator's, when raised above its default).
 */
function exactFormTolerance(goldText: string, predText: string, relative: number): number {
  if (relative > DEFAULT_RELATIVE_TOLERANCE) return relative;
  return APPROXIMATED.test(goldText) || APPROXIMATED.test(predText)
    ? relative
    : Math.min(relative, EXACT_FORM_RELATIVE_TOLERANCE);
}

/**
 * Symbolic equality. Constants: one numeric evaluation with the answer tolerance (tighter for exact
 * forms, `unrounded`: neither side written with a decimal point, which the caller knows from the
 * written text when a decimal became a `Rational` in the JSON, else read from the JSON when needed;
 * exactFormTolerance). With variables:
 * the expressions are evaluated at random points (a Schwartz-Zippel style identity test); a clear
 * difference at any point decides "not equal"; agreement everywhere decides "equal", confirmed
 * (method `cas+numeric`) when compute-engine simplifies gold - pred to 0.
 */
export function compareExpressions(
  gold: MathJson,
  pred: MathJson,
  context: CompareContext,
  unrounded?: boolean,
): Verdict {
  const goldText = JSON.stringify(gold);
  const predText = JSON.stringify(pred);
  if (goldText === predText) return equal('structural', 'identical expressions');
  const { options, budget } = context;
  const variables = freeVariables(gold, freeVariables(pred));
  budget.check();
  try {
    if (variables.size === 0) {
      const goldExact = evaluateExact(gold, undefined, budget.deadline);
      const predExact = evaluateExact(pred, undefined, budget.deadline);
      if (goldExact !== undefined && predExact !== undefined) {
        const same = compareReadings(
          numberReading(goldExact, rationalToNumber(goldExact)),
          numberReading(predExact, rationalToNumber(predExact)),
          context,
          jsonUnrounded(gold) && jsonUnrounded(pred),
        );
        return same
          ? equal('exact', `both are exactly ${rationalToString(goldExact).slice(0, 60)}`)
          : notEqual('exact', 'the exact values differ');
      }
      const goldValue = evaluate(gold, new Map(), budget.deadline);
      const predValue = evaluate(pred, new Map(), budget.deadline);
      if (Number.isNaN(goldValue.re) || Number.isNaN(goldValue.im)) {
        return undecidable('numeric', 'the gold answer does not evaluate to a number');
      }
      if (outOfDoubleRange(goldValue) || outOfDoubleRange(predValue)) {
        const onLogScale = compareOnLogScale(gold, pred, context);
        if (onLogScale !== undefined) return onLogScale;
      }
      const overflow = (value: Complex, json: MathJson) =>
        !isFiniteComplex(value) && !JSON.stringify(json).includes('Infinity');
      if (overflow(goldValue, gold) || overflow(predValue, pred)) {
        return undecidable('numeric', 'a value is too large for double precision and the forms differ');
      }
      const relative =
        (unrounded ?? (jsonUnrounded(gold) && jsonUnrounded(pred)))
          ? exactFormTolerance(goldText, predText, options.relativeTolerance)
          : options.relativeTolerance;
      const close =
        valuesClose(goldValue, predValue, relative, options.absoluteTolerance) ||
        (options.precision !== undefined &&
          goldValue.im === 0 &&
          predValue.im === 0 &&
          Math.round(goldValue.re * 10 ** options.precision) ===
            Math.round(predValue.re * 10 ** options.precision));
      const scale = Math.max(magnitudeOf(goldValue), magnitudeOf(predValue));
      return close
        ? equal('numeric', `both evaluate to ${formatComplex(goldValue)}`)
        : notEqual(
            'numeric',
            `gold evaluates to ${formatComplex(goldValue, scale)}, prediction to ${formatComplex(predValue, scale)}${
              goldValue.im !== 0 || predValue.im !== 0 ? ' (real and imaginary parts compared)' : ''
            }`,
          );
    }
    const points = randomPoints(variables, options.numericPoints);
    // Step functions are also compared far out and at the integers where they jump; kinked ones far out.
    if (hasFunction(gold, STEP_FUNCTIONS) || hasFunction(pred, STEP_FUNCTIONS))
      points.push(...stepFunctionPoints(variables));
    else if (hasFunction(gold, KINKED_FUNCTIONS) || hasFunction(pred, KINKED_FUNCTIONS))
      // From 0.01 (`max(x^2, 0.25)` against x^2) to 100: further out, cancellation in a correct form
      // (`\sqrt{x^4+1} - |x|^2` against `1/(\sqrt{x^4+1}+x^2)`: off by 1e-5 at x = 417) reads as a
      // difference; a kink beyond 100 (`|x + 1000| - 1000`) is not found.
      points.push(...widePoints([...variables].sort(), -2, 2, 0x4b1c));
    // The sign function has two values: a change of sign anywhere from 1e-4 to 1e4 is the whole
    // difference (`sgn(x + 1000)` against 1: a red team of stop 40).
    if (hasFunction(gold, SIGN_FUNCTION) || hasFunction(pred, SIGN_FUNCTION))
      points.push(...signPoints([...variables].sort()));
    if (hasFunction(gold, UNIT_DOMAIN_FUNCTIONS) || hasFunction(pred, UNIT_DOMAIN_FUNCTIONS))
      points.push(...widePoints([...variables].sort(), -2, -0.05, 0x0a5c));
    const goldOutside: boolean[] = [];
    const predOutside: boolean[] = [];
    const goldValues = evaluateAtPoints(gold, points, budget.deadline, goldOutside);
    const predValues = evaluateAtPoints(pred, points, budget.deadline, predOutside);
    let compared = 0;
    let realAgainstComplex = 0;
    // Points where both sides vanish (underflow) are no evidence; all of them exactly 0 is (vanishing-values.ts).
    let vanishing = 0;
    let exactZeros = 0;
    const tolerance = Math.max(IDENTITY_TOLERANCE, options.relativeTolerance);
    const comparedGold: Complex[] = [];
    const comparedPred: Complex[] = [];
    const at = (index: number) =>
      [...(points[index] ?? new Map())].map(([name, value]) => `${name}=${value.toFixed(3)}`).join(', ');
    for (let index = 0; index < points.length; index++) {
      const goldValue = goldValues[index];
      const predValue = predValues[index];
      if (goldValue === undefined || predValue === undefined) {
        // `x + 0\lfloor \sqrt{x} \rfloor` against `|x|`: a floor undefined where the other side is
        // defined and real is a difference, not a point to skip (red team of stop 25).
        const oneSided =
          goldValue === undefined
            ? goldOutside[index] === true && predValue !== undefined && isReal(predValue)
            : predOutside[index] === true && isReal(goldValue);
        if (oneSided)
          return notEqual('numeric', `one expression is undefined where the other is not (${at(index)})`);
        continue;
      }
      if (isVanishing(goldValue) && isVanishing(predValue)) {
        vanishing++;
        if (isExactZero(goldValue) && isExactZero(predValue)) exactZeros++;
        continue;
      }
      if (!comparablePoint(points[index] ?? new Map(), goldValue, predValue)) {
        if (isReal(goldValue) !== isReal(predValue)) realAgainstComplex++;
        continue;
      }
      compared++;
      if (!valuesClose(goldValue, predValue, tolerance, options.absoluteTolerance)) {
        return notEqual('numeric', `the expressions differ at ${at(index)}`);
      }
      comparedGold.push(goldValue);
      comparedPred.push(predValue);
    }
    // `x + 10^9` against `2x + 10^9`: close at every point, but they change differently (value-increments.ts).
    if (incrementsDiffer(comparedGold, comparedPred, tolerance)) {
      // One side 0 at every point: no constant dominates it, and rounding alone may leave the other
      // side a few 1e-15 that vary (`x^2 y^2 - (xy)^2` against 0: mathjs's tests, graders' round
      // 14). Exact zeros at points of few binary digits decide (`10^{-12} x` is no 0);
      // compute-engine is not asked (its "simplifies to 0" allows 1e-10: a red team of stop 40).
      if (
        (comparedGold.every(isExactZero) || comparedPred.every(isExactZero)) &&
        vanishAtExactPoints(gold, pred, variables, budget.deadline)
      )
        return equal(
          'numeric',
          'both are exactly 0 at points of few binary digits (the random points differ by rounding)',
        );
      return notEqual('numeric', 'the expressions agree in size but change differently between the points');
    }
    if (compared === 0 && exactZeros === points.length) return equal('numeric', 'both are 0 at every point');
    if (compared < 2 && realAgainstComplex > points.length / 2)
      return notEqual('numeric', 'one expression is real where the other is not');
    // `(x-a)^{6000}` vs `(a-x)^{6000}`: beyond double range everywhere; the bases decide (power-bases.ts).
    const powers =
      compared < 2
        ? compareIntegerPowers(gold, pred, (goldBase, predBase) =>
            compareExpressions(goldBase, predBase, context),
          )
        : undefined;
    if (powers !== undefined) return powers;
    // `x^y - x^y`, `\cos x \tan x - \sin x` against 0: 0 wherever defined, rounding aside
    // (sympy's and symengine's tests, graders' round 15).
    if (compared < 2 && vanishing > 0 && vanishAtExactPoints(gold, pred, variables, budget.deadline))
      return equal('numeric', 'both are exactly 0 at points of few binary digits');
    if (compared < 2)
      return undecidable(
        'numeric',
        vanishing > 0
          ? 'too few points where both expressions are defined and not vanishingly small'
          : 'too few points where both expressions are defined',
      );
    // A sign function on one side only: a change of sign beyond the points (`sgn(x + 10^5)`, a
    // small disc) is the whole difference, and no point may find it (a red team of stop 40).
    if (hasFunction(gold, SIGN_FUNCTION) !== hasFunction(pred, SIGN_FUNCTION))
      return undecidable('numeric', 'a sign function on one side only: agreeing points prove nothing');
    budget.check();
    if (options.casCheck && casAgrees(gold, pred, budget)) {
      return equal(
        'cas+numeric',
        `compute-engine simplifies gold - pred to 0; agree at ${compared} random points`,
      );
    }
    return equal('numeric', `agree at ${compared} random points`);
  } catch (error) {
    if (error instanceof NotEvaluable) {
      if (canonicalText(gold) === canonicalText(pred))
        return equal('structural', 'the same expression up to the order of terms and factors');
      if (hasOpenBounds(gold) || hasOpenBounds(pred))
        return undecidable('bounds', 'a sum, product or integral without both bounds is no value');
      return casOnly(gold, pred, budget);
    }
    if (error instanceof BeyondBudget) return undecidable('bounds', error.message);
    throw error;
  }
}
