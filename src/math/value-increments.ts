import { type Complex, magnitudeOf } from './complex.js';

/**
 * Two functions that agree at every sample point within a relative tolerance can still differ when
 * a large constant dominates both: `x + 10^9` against `2x + 10^9` agree to 1e-9 at x in (0.5, 3.5),
 * as `x + 10^{-7}\,e^{10x}`-style near misses of Doenet's math-expressions spec (graders' round 10)
 * were built to. Equal functions have equal increments: between two sample points, gold and
 * prediction must change by the same amount. The check runs only where the values barely vary
 * against their size (the regime where relative agreement of the values says little), and allows
 * for floating error of the size of the values themselves, so equal forms that round differently
 * (`x + 10^9` against `10^9 + x`) stay equal.
 */

/** Values varying by less than this share of their size are dominated by a constant. */
const DOMINATED_SPREAD = 1e-3;
/**
 * Floating error allowed per unit of the values' size: generous, since a correct form may pass
 * through intermediates far larger than its values (`(x + 10^{12} + 10^6) - 10^{12}` against
 * `x + 10^6`, `\sin(x + 2\pi\cdot10^9)`: a red team of stop 38). It still finds `x + 10^9` against
 * `2x + 10^9`, whose increments differ by about 1 at values of 10^9.
 */
const FLOAT_SLACK = 1e-9;

function distance(left: Complex, right: Complex): number {
  return magnitudeOf({ re: left.re - right.re, im: left.im - right.im });
}

/**
 * Whether gold and prediction, close at each point, change by amounts that differ beyond `tolerance`
 * (relative to the larger change) between some two points, in the constant-dominated regime.
 * `gold` and `pred` hold the values at the compared points, in the same order.
 */
export function incrementsDiffer(
  gold: readonly Complex[],
  pred: readonly Complex[],
  tolerance: number,
): boolean {
  if (gold.length < 2) return false;
  let size = 0;
  let spread = 0;
  for (let index = 0; index < gold.length; index++) {
    size = Math.max(size, magnitudeOf(gold[index] as Complex), magnitudeOf(pred[index] as Complex));
    spread = Math.max(spread, distance(gold[index] as Complex, gold[0] as Complex));
  }
  if (size === 0 || spread >= DOMINATED_SPREAD * size) return false;
  for (let index = 1; index < gold.length; index++) {
    const goldStep = {
      re: (gold[index] as Complex).re - (gold[0] as Complex).re,
      im: (gold[index] as Complex).im - (gold[0] as Complex).im,
    };
    const predStep = {
      re: (pred[index] as Complex).re - (pred[0] as Complex).re,
      im: (pred[index] as Complex).im - (pred[0] as Complex).im,
    };
    const allowed = tolerance * Math.max(magnitudeOf(goldStep), magnitudeOf(predStep)) + FLOAT_SLACK * size;
    if (distance(goldStep, predStep) > allowed) return true;
  }
  return false;
}
