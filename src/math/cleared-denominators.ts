/**
 * Equations equal once their variable denominators are cleared: `y = \frac{12}{x}` and `xy = 12`,
 * `\frac{e}{f} = \frac{3}{4}` and `\frac{f}{e} = \frac{4}{3}`, `\frac{x}{4t} + \frac{y}{2t} = 1` and
 * `y = -\frac{1}{2}x + 2t` (Knowre's locian-algorithm tests, graders' round 16: each was "not
 * proportional"). The proportional check (compare-relation.ts) asks pred = c * gold for lhs - rhs;
 * here the factor may also be a product of powers of the variables that stand alone in a
 * denominator (`x`, `4t`, `x^2`): pred = c * x^k * ... * gold.
 *
 * Multiplying by such a factor keeps the solutions except where the variable is 0, which is why it
 * is allowed only when that does not add or lose a solution: a factor that vanishes there (k > 0)
 * must be a denominator of the prediction (its domain leaves v = 0 out) or the prediction must have
 * no root with v = 0 (`xy - 12` is -12 there); a factor with a pole there (k < 0) the same for the
 * gold. So `x(x - 1) = 0` stays apart from `\frac{x - 1}{x} = 0` (x = 0 solves the first only).
 * The one point a slice may miss (`y = 4x` and `\frac{y}{x} = 4` differ at the origin alone) is
 * passed, as graders and textbooks pass it.
 */
import { evaluateAtPoints, randomPoints } from './compare-expression.js';
import type { Complex } from './complex.js';
import { freeVariables } from './evaluate.js';
import type { MathJson } from './value.js';
import { type CompareContext, equal, type Verdict } from './verdict.js';

/** At most this many denominator variables, each to a power in [-MAX_POWER, MAX_POWER]. */
const MAX_VARIABLES = 3;
const MAX_POWER = 3;
const RATIO_TOLERANCE = 1e-7;
/** |value| below this counts as a root. */
const ROOT_TOLERANCE = 1e-10;

/** The variables of a monomial (`x`, `4t`, `x^2 y`, `-t`), or undefined for anything else (`x + 1`). */
function monomialVariables(json: MathJson): Set<string> | undefined {
  if (typeof json === 'number' || (typeof json === 'object' && !Array.isArray(json) && 'num' in json))
    return new Set();
  if (typeof json === 'string') return freeVariables(json);
  if (!Array.isArray(json)) return undefined;
  const [head, ...rest] = json;
  if (head === 'Rational') return new Set();
  if (head === 'Negate') return monomialVariables(rest[0] as MathJson);
  if (head === 'Power') {
    const exponent = rest[1];
    return typeof exponent === 'number' && Number.isInteger(exponent) && exponent > 0
      ? monomialVariables(rest[0] as MathJson)
      : undefined;
  }
  if (head !== 'Multiply') return undefined;
  const variables = new Set<string>();
  for (const factor of rest) {
    const inner = monomialVariables(factor);
    if (inner === undefined) return undefined;
    for (const name of inner) variables.add(name);
  }
  return variables;
}

/** Whether an exponent is negative (`-1`, `["Negate", 2]`). */
function isNegativeExponent(json: MathJson | undefined): boolean {
  if (typeof json === 'number') return json < 0;
  return Array.isArray(json) && json[0] === 'Negate' && typeof json[1] === 'number' && json[1] > 0;
}

/** The variables that stand alone in a denominator of `json` (`\frac{12}{x}`, `x^{-1}`, `\frac{y}{4t}`). */
export function denominatorVariables(json: MathJson, into: Set<string> = new Set()): Set<string> {
  if (!Array.isArray(json)) return into;
  const [head, ...rest] = json;
  const denominator =
    head === 'Divide' ? rest[1] : head === 'Power' && isNegativeExponent(rest[1]) ? rest[0] : undefined;
  if (denominator !== undefined) {
    for (const name of monomialVariables(denominator as MathJson) ?? []) into.add(name);
  }
  for (const child of rest) denominatorVariables(child as MathJson, into);
  return into;
}

/** The exponent vectors to try: every one in [-MAX_POWER, MAX_POWER]^n but the zero vector. */
function exponentVectors(count: number): number[][] {
  let vectors: number[][] = [[]];
  for (let index = 0; index < count; index++) {
    const next: number[][] = [];
    for (const vector of vectors)
      for (let exponent = -MAX_POWER; exponent <= MAX_POWER; exponent++) next.push([...vector, exponent]);
    vectors = next;
  }
  return vectors.filter((vector) => vector.some((exponent) => exponent !== 0));
}

/** Whether `json` has a root (within ROOT_TOLERANCE) at some point of `points` with `variable` set to 0. */
function rootOnZeroSlice(
  json: MathJson,
  points: readonly ReadonlyMap<string, number>[],
  variable: string,
  deadline: number,
): boolean {
  const slice = points.map((point) => new Map(point).set(variable, 0));
  return evaluateAtPoints(json, slice, deadline).some(
    (value) => value !== undefined && Math.hypot(value.re, value.im) < ROOT_TOLERANCE,
  );
}

/**
 * Equal when lhs - rhs of the prediction is c * (a product of powers of denominator variables) *
 * lhs - rhs of the gold at every random point, and the factor adds and loses no solution (see the
 * module comment); undefined otherwise (the caller's verdict stands). Both forms are equations'.
 */
export function compareClearedDenominators(
  goldForm: MathJson,
  predForm: MathJson,
  context: CompareContext,
): Verdict | undefined {
  const goldDenominators = denominatorVariables(goldForm);
  const predDenominators = denominatorVariables(predForm);
  const variables = [...new Set([...goldDenominators, ...predDenominators])].sort();
  if (variables.length === 0 || variables.length > MAX_VARIABLES) return undefined;
  const points = randomPoints(
    freeVariables(goldForm, freeVariables(predForm)),
    context.options.numericPoints,
  );
  context.budget.check();
  const deadline = context.budget.deadline;
  const goldValues = evaluateAtPoints(goldForm, points, deadline);
  const predValues = evaluateAtPoints(predForm, points, deadline);
  // The ratio pred / gold at each point where both are real and neither is a root.
  const ratios: { ratio: number; point: ReadonlyMap<string, number> }[] = [];
  points.forEach((point, index) => {
    const gold = goldValues[index] as Complex | undefined;
    const pred = predValues[index] as Complex | undefined;
    if (gold === undefined || pred === undefined || gold.im !== 0 || pred.im !== 0) return;
    if (Math.abs(gold.re) < ROOT_TOLERANCE || Math.abs(pred.re) < ROOT_TOLERANCE) return;
    ratios.push({ ratio: pred.re / gold.re, point });
  });
  if (ratios.length < 3) return undefined;
  for (const exponents of exponentVectors(variables.length)) {
    const constants = ratios.map(
      ({ ratio, point }) =>
        ratio /
        exponents.reduce(
          (product, exponent, index) => product * (point.get(variables[index] as string) ?? 1) ** exponent,
          1,
        ),
    );
    const first = constants[0] as number;
    if (!constants.every((constant) => Math.abs(constant - first) <= RATIO_TOLERANCE * Math.abs(first)))
      continue;
    // The factor's zeros must not be the prediction's roots, nor its poles the gold's.
    const safe = exponents.every((exponent, index) => {
      const variable = variables[index] as string;
      if (exponent > 0 && !predDenominators.has(variable))
        return !rootOnZeroSlice(predForm, points, variable, deadline);
      if (exponent < 0 && !goldDenominators.has(variable))
        return !rootOnZeroSlice(goldForm, points, variable, deadline);
      return true;
    });
    if (!safe) return undefined;
    return equal(
      'relation-cleared-denominators',
      `lhs - rhs of the two relations are proportional once the denominators ${variables.join(', ')} are cleared`,
    );
  }
  return undefined;
}
