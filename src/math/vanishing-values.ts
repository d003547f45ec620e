import type { Complex } from './complex.js';

/**
 * A value so close to 0 that double precision tells nothing about it: `(x-a)^{5999}` at x - a = 0.9
 * is 1e-275, and `(a-x)^{59999}` there underflows to 0. Two such values "agree" whatever the
 * expressions are, so a sample point where both sides vanish is no evidence: `y=(x-a)^{5999}` and
 * `y=(a-x)^{59999}` were called equal because they agreed at 3 points, all of them underflows
 * (maths/moodle-qtype_stack AlgEquiv tests). Such points are skipped, as overflows are. Expressions
 * that are exactly 0 at every point (`x - x` against 0) still agree.
 */
const VANISHING = 1e-150;

/** Whether |value| is below 1e-150 (0 included). */
export function isVanishing(value: Complex): boolean {
  return Math.abs(value.re) < VANISHING && Math.abs(value.im) < VANISHING;
}

/** Whether the value is exactly 0. */
export function isExactZero(value: Complex): boolean {
  return value.re === 0 && value.im === 0;
}
