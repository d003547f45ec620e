/**
 * Set-builder notation over the integers with finite bounds is the finite set of its elements:
 * `\{x \in \mathbb{Z} \mid 1 \le x \le 4\}` is `\{1, 2, 3, 4\}`, `\{n \in \mathbb{Z}^+ : n < 3\}` is
 * `\{1, 2\}`. Read as the interval of its bounds (as a real domain is) it had paid `[1, 4]` and
 * refused its own elements (a second examiner's pairs of stop 36). At most MAX_ELEMENTS are
 * enumerated; a wider or unbounded set, a condition other than bounds on the variable, or `\mathbb{N}`
 * with a bound that decides whether 0 belongs stays words: equal only to the same notation.
 */
import {
  ceilRational,
  compareRational,
  floorRational,
  type Rational,
  rational,
  rationalToNumber,
} from './rational.js';
import { type MathValue, numberValue } from './value.js';

const MAX_ELEMENTS = 64;

/**
 * `\mathbb{Z}`, `\mathbb{Z}^+`, `\mathbb{Z}_{>0}`, `\mathbb{Z}_{\ge 0}`, `\mathbb{N}`, `\mathbb{N}^+`:
 * group 1 the letter, group 2 a positive mark, group 3 a non-negative one.
 */
const INTEGER_DOMAIN =
  /^\\mathbb\s*\{?\s*([ZN])\s*\}?\s*(?:(\^\s*\{?\s*\+\s*\}?|_\s*\{?\s*(?:>\s*0|\+)\s*\}?)|(_\s*\{?\s*(?:\\ge|\\geq|>=)\s*0\s*\}?|_\s*\{?\s*0\s*\}?))?$/;

/** Whether `domain` (what follows `\in` in set-builder notation) is a set of integers. */
export function isIntegerDomain(domain: string): boolean {
  return INTEGER_DOMAIN.test(domain.trim());
}

/** Set-builder notation that opens over an integer domain: `\{x \in \mathbb{Z} ...`. */
const OVER_INTEGERS = /^\s*(?:\\left\s*)?\\\{\s*[A-Za-z]\s*\\in\s*\\mathbb\s*\{?\s*[ZN]\b/;

/** Whether `text` is set-builder notation over the integers (a set, never an interval). */
export function isIntegerSetBuilder(text: string): boolean {
  return OVER_INTEGERS.test(text);
}

/** A bound on the variable: its value and whether it is strict (`<`, `>`). */
interface Bound {
  value: Rational;
  strict: boolean;
}

interface Bounds {
  lower?: Bound;
  upper?: Bound;
}

function isVariable(value: MathValue, variable: string): boolean {
  return value.kind === 'expression' && value.json === variable;
}

/** Narrows `bounds` by `left operator right`, or returns false when it is no bound on the variable. */
function addBound(
  bounds: Bounds,
  left: MathValue,
  operator: string,
  right: MathValue,
  variable: string,
): boolean {
  if (operator !== '<' && operator !== '<=' && operator !== '>' && operator !== '>=') return false;
  const leftIsVariable = isVariable(left, variable);
  const other = leftIsVariable ? right : left;
  if (!leftIsVariable && !isVariable(right, variable)) return false;
  if (other.kind !== 'number' || other.exact === undefined || other.percent) return false;
  const bound: Bound = { value: other.exact, strict: operator === '<' || operator === '>' };
  // `x < 4` and `4 > x` bound from above; `x > 1` and `1 < x` from below. The tighter bound stays.
  const side = (operator === '<' || operator === '<=') === leftIsVariable ? 'upper' : 'lower';
  const current = bounds[side];
  const order = current === undefined ? 0 : compareRational(bound.value, current.value);
  if (current === undefined || order === (side === 'upper' ? -1 : 1) || (order === 0 && bound.strict))
    bounds[side] = bound;
  return true;
}

/** The bounds a condition puts on the variable (`1 \le x \le 4`, `x > 0, x < 5`), or undefined. */
function boundsOf(condition: MathValue, variable: string): Bounds | undefined {
  const bounds: Bounds = {};
  const relations = condition.kind === 'list' ? condition.items : [condition];
  for (const relation of relations) {
    if (relation.kind !== 'relation') return undefined;
    for (let index = 0; index < relation.operators.length; index++) {
      const left = relation.sides[index] as MathValue;
      const right = relation.sides[index + 1] as MathValue;
      if (!addBound(bounds, left, relation.operators[index] as string, right, variable)) return undefined;
    }
  }
  return bounds;
}

/**
 * The least integer of the domain: 1 for the positive integers, 0 for the non-negative ones,
 * 'naturals' for `\mathbb{N}` (1 or 0 by convention), 'none' for `\mathbb{Z}`.
 */
function domainMinimum(domain: string): bigint | 'naturals' | 'none' {
  const match = INTEGER_DOMAIN.exec(domain.trim());
  if (match?.[2] !== undefined) return 1n;
  if (match?.[3] !== undefined) return 0n;
  return match?.[1] === 'N' ? 'naturals' : 'none';
}

/** The integers from `first` to `last` as a set value, or undefined past MAX_ELEMENTS. */
function integerRange(first: bigint, last: bigint): MathValue | undefined {
  if (last - first + 1n > BigInt(MAX_ELEMENTS)) return undefined;
  const items: MathValue[] = [];
  for (let value = first; value <= last; value++) {
    const exact = rational(value);
    items.push(numberValue(exact, rationalToNumber(exact), false, String(value)));
  }
  return { kind: 'set', items };
}

/**
 * `\{variable \in domain \mid condition\}` over an integer domain (isIntegerDomain) as the set of
 * its elements, or undefined when it cannot be enumerated (see the module comment).
 */
export function integerSetBuilder(
  variable: string,
  domain: string,
  condition: MathValue | undefined,
): MathValue | undefined {
  const bounds = condition === undefined ? undefined : boundsOf(condition, variable);
  if (bounds === undefined) return undefined;
  const minimum = domainMinimum(domain);
  const { lower, upper } = bounds;
  let first =
    lower === undefined
      ? undefined
      : lower.strict
        ? floorRational(lower.value) + 1n
        : ceilRational(lower.value);
  const last =
    upper === undefined
      ? undefined
      : upper.strict
        ? ceilRational(upper.value) - 1n
        : floorRational(upper.value);
  if (last === undefined) return undefined;
  if (minimum === 'naturals') {
    // Whether 0 is a natural number is a convention: only a lower bound above 0 decides nothing.
    if (first === undefined || first < 1n) return undefined;
  } else if (minimum !== 'none' && (first === undefined || first < minimum)) first = minimum;
  if (first === undefined) return undefined;
  return first > last ? { kind: 'set', items: [] } : integerRange(first, last);
}
