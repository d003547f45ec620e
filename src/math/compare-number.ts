import { isClose } from './complex.js';
import { writtenUnrounded } from './exact-rationals.js';
import { divideRational, type Rational, rational, rationalEquals } from './rational.js';
import { type NumberReading, type NumberValue, numberReading } from './value.js';
import { type CompareContext, equal, notEqual, type Verdict } from './verdict.js';

/** The answer tolerance's default (options.ts `relative_tolerance`). */
export const DEFAULT_RELATIVE_TOLERANCE = 1e-6;

/** True when the rational has a finite decimal expansion (denominator 2^a 5^b). */
export function isTerminating(value: Rational): boolean {
  let denominator = value.denominator;
  // Integers first: a BigInt remainder allocates, and most answers are integers.
  if (denominator === 1n) return true;
  if (denominator <= 0n) return false;
  // Every factor 2 at once (the lowest set bit), then factors 5 in descending powers: a decimal
  // written to 1,480 places has the denominator 10^1480, which one factor at a time took ~3,000
  // divisions of a 5,000-bit number (milliseconds).
  denominator /= denominator & -denominator;
  for (const power of POWERS_OF_FIVE) {
    while (denominator % power === 0n) denominator /= power;
  }
  return denominator === 1n;
}

/** 5^256, 5^64, 5^16, 5^4, 5: after dividing out each, fewer than four of the next remain. */
const POWERS_OF_FIVE: readonly bigint[] = [5n ** 256n, 5n ** 64n, 5n ** 16n, 5n ** 4n, 5n];

/** The readings of a number: a percent value may stand for itself or for itself / 100. */
function readings(value: NumberValue, context: CompareContext): NumberReading[] {
  if (!value.percent) return [numberReading(value.exact, value.approx)];
  const fraction = numberReading(
    value.exact === undefined ? undefined : divideRational(value.exact, rational(100n)),
    value.approx / 100,
  );
  return context.options.percent === 'either'
    ? [numberReading(value.exact, value.approx), fraction]
    : [fraction];
}

/**
 * Compares two real numbers given exactly and/or approximately (see compareNumbers). `unrounded`:
 * neither side was written with a decimal point, so two exact values are compared exactly
 * (exact-rationals.ts).
 */
export function compareReadings(
  gold: NumberReading,
  pred: NumberReading,
  context: CompareContext,
  unrounded = false,
): boolean {
  const { relativeTolerance, absoluteTolerance, precision } = context.options;
  if (gold.exact !== undefined && pred.exact !== undefined) {
    if (rationalEquals(gold.exact, pred.exact)) return true;
    // Both exact and both finite decimals (or integers): no tolerance at the default, so
    // 12345.67 != 12345.68; a tolerance raised above the default applies to them too.
    if (
      isTerminating(gold.exact) &&
      isTerminating(pred.exact) &&
      relativeTolerance <= DEFAULT_RELATIVE_TOLERANCE
    ) {
      return roundsAlike(gold.approx, pred.approx, precision);
    }
    if (unrounded && relativeTolerance <= DEFAULT_RELATIVE_TOLERANCE) return false;
  }
  return closeEnough(gold.approx, pred.approx, relativeTolerance, absoluteTolerance, precision);
}

function roundsAlike(gold: number, pred: number, precision: number | undefined): boolean {
  if (precision === undefined) return false;
  const factor = 10 ** precision;
  return Math.round(gold * factor) === Math.round(pred * factor);
}

/** Relative tolerance; the absolute one only when a side is exactly 0; optional rounding. */
export function closeEnough(
  gold: number,
  pred: number,
  relative: number,
  absolute: number,
  precision: number | undefined,
): boolean {
  // Beyond double range the approximations say nothing (exact values decided before this).
  if (!Number.isFinite(gold) || !Number.isFinite(pred)) return false;
  if (gold === 0 || pred === 0) {
    if (Math.abs(gold - pred) <= absolute) return true;
  } else if (isClose({ re: gold, im: 0 }, { re: pred, im: 0 }, relative, 0)) {
    return true;
  }
  return roundsAlike(gold, pred, precision);
}

/**
 * Numbers: exact rational equality when both are exact; integers and finite decimals are never
 * compared with a tolerance; a fraction against a decimal (1/3 vs 0.333333) uses the relative
 * tolerance. Percent readings are tried per the `percent` option.
 */
export function compareNumbers(gold: NumberValue, pred: NumberValue, context: CompareContext): Verdict {
  // Neither side or both sides in percent: one reading each (`25\%` is not `0.25\%`; a percent
  // on both sides states the same unit, so 25% against 0.25% is 25 against 0.25).
  if (gold.percent === pred.percent) {
    // One reading each (the common case), compared without the arrays of readings.
    return compareReadings(
      numberReading(gold.exact, gold.approx),
      numberReading(pred.exact, pred.approx),
      context,
      bothUnrounded(gold, pred),
    )
      ? equal('number', `${short(pred.text)} equals ${short(gold.text)}`)
      : notEqual('number', `${short(pred.text)} differs from ${short(gold.text)}`);
  }
  const goldReadings = readings(gold, context);
  const predReadings = readings(pred, context);
  for (const goldReading of goldReadings) {
    for (const predReading of predReadings) {
      if (compareReadings(goldReading, predReading, context, bothUnrounded(gold, pred))) {
        const viaPercent = goldReading.approx !== gold.approx || predReading.approx !== pred.approx;
        return equal(
          viaPercent ? 'number-percent' : 'number',
          `${short(pred.text)} equals ${short(gold.text)}`,
        );
      }
    }
  }
  return notEqual('number', `${short(pred.text)} differs from ${short(gold.text)}`);
}

/** Both exact, not both integers, and neither written with a decimal point (exact-rationals.ts). */
function bothUnrounded(gold: NumberValue, pred: NumberValue): boolean {
  return (
    gold.exact !== undefined &&
    pred.exact !== undefined &&
    (gold.exact.denominator !== 1n || pred.exact.denominator !== 1n) &&
    writtenUnrounded(gold.text) &&
    writtenUnrounded(pred.text)
  );
}

/** A number for a reason: long literals shortened (`1234...5678 (2100 digits)`). */
function short(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 16)}...${text.slice(-16)} (${text.length} characters)`;
}
