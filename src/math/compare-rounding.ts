import { DeadlineExceeded } from './budget.js';
import { isTerminating } from './compare-number.js';
import { evaluate, freeVariables } from './evaluate.js';
import { evaluateExact } from './evaluate-exact.js';
import { addRational, multiplyRational, negateRational, rational, rationalToNumber } from './rational.js';
import { describeValue, type MathValue, type NumberValue } from './value.js';
import { type CompareContext, equal, type Verdict } from './verdict.js';

/** Digits after the decimal point of a plain decimal literal (`2.6667` -> 4), else undefined. */
export function writtenPlaces(value: MathValue): number | undefined {
  if (value.kind !== 'number' || value.percent) return undefined;
  return /^[+-]?\d*\.(\d+)$/.exec(value.text.trim())?.[1]?.length;
}

/**
 * The value of a side that is exact but not a finite decimal (`8/3`, `\sqrt{2}`, `\pi/4`), as a
 * double; undefined for finite decimals and integers (those compare exactly) and non-constants.
 */
function exactNonDecimal(value: MathValue, deadline: number): number | undefined {
  if (value.kind === 'number') {
    return value.exact === undefined || value.percent || isTerminating(value.exact)
      ? undefined
      : value.approx;
  }
  if (value.kind !== 'expression' || freeVariables(value.json).size > 0) return undefined;
  const exact = evaluateExact(value.json, undefined, deadline);
  if (exact !== undefined) return isTerminating(exact) ? undefined : rationalToNumber(exact);
  try {
    const result = evaluate(value.json, new Map(), deadline);
    return Math.abs(result.im) < 1e-15 && Number.isFinite(result.re) ? result.re : undefined;
  } catch (error) {
    if (error instanceof DeadlineExceeded) throw error;
    return undefined;
  }
}

/**
 * How far a printout may stand from a shorter decimal and still be that decimal in float noise
 * (`0.2999999999999` is 0.3), relative; and always less than half a unit of the decimal's last
 * place (isFloatNoise).
 */
const FLOAT_NOISE = 1e-9;

/**
 * Whether a printout is `written` (given to `places`) in float noise: within FLOAT_NOISE of it,
 * relative, and nearer than half a unit of its last place, so it rounds to it alone. The relative
 * test alone took `999999999.5000000001` for 999999999 and for 1000000000 (a red team of stop 28).
 */
function isFloatNoise(printout: number, written: number, places: number): boolean {
  const distance = Math.abs(printout - written);
  return distance <= FLOAT_NOISE * Math.max(Math.abs(written), 1e-300) && distance < 0.5 * 10 ** -places;
}

/** A decimal whose fractional part is not all zeros (`0.6666`, not `12.0`). */
const FRACTIONAL = /\.\d*[1-9]/;
/** Significant digits from which a decimal is a float printed in full (a double holds 15-17). */
const FULL_PRINTOUT_DIGITS = 15;

/**
 * Two decimals of FULL_PRINTOUT_DIGITS significant digits or more within a unit of the last bit
 * of a double of each other: one float printed twice (Python's and another program's last digit),
 * not two answers. Seen in AGI-Edgerunners/Plan-and-Solve-Prompting generated_result/ (AddSub:
 * gold 0.6666666666666666, the model's 0.6666666666666667).
 */
function sameFloatPrintouts(gold: MathValue, pred: MathValue): boolean {
  if (gold.kind !== 'number' || pred.kind !== 'number' || gold.percent || pred.percent) return false;
  // Decimals with a fractional part, as printouts of a fraction are (integers are exact), of at
  // most the 17 significant digits a double prints to.
  if (!FRACTIONAL.test(gold.text) || !FRACTIONAL.test(pred.text)) return false;
  const isFullPrintout = (digits: number) => digits >= FULL_PRINTOUT_DIGITS && digits <= 17;
  if (!isFullPrintout(significantDigits(gold)) || !isFullPrintout(significantDigits(pred))) return false;
  const distance = Math.abs(gold.approx - pred.approx);
  return distance <= Number.EPSILON * Math.max(Math.abs(gold.approx), Math.abs(pred.approx));
}

/** Places from which a decimal reads as a machine printout of an inexact value (0.290243531202435). */
const PRINTOUT_PLACES = 10;

/**
 * A decimal of PRINTOUT_PLACES or more significant places (trailing zeros do not count), given
 * against a decimal of k places (k at most PRINTOUT_PLACES - 2): a float printed in full, which the
 * shorter decimal may round. Its value, else undefined.
 */
function printoutValue(value: MathValue, places: number): number | undefined {
  if (value.kind !== 'number' || writtenPlaces(value) === undefined) return undefined;
  const digits = /\.(\d*?)0*$/.exec(value.text.trim())?.[1] ?? '';
  if (digits.length < PRINTOUT_PLACES || places > PRINTOUT_PLACES - 2) return undefined;
  return value.approx;
}

/**
 * Two numbers the rule below never applies to (what its loop would find, without its regexes):
 * neither a percent, and either two integers (no places, no printout, both exact and terminating)
 * or two short finite decimals (`18.00` against `18.5`: each side's exact value is its own decimal,
 * so exactNonDecimal is undefined for both, and neither is long enough to hold the PRINTOUT_PLACES
 * digits after the point of a printout).
 */
function neverRounded(gold: MathValue, pred: MathValue): boolean {
  if (gold.kind !== 'number' || pred.kind !== 'number' || gold.percent || pred.percent) return false;
  if (INTEGER_TEXT.test(gold.text) && INTEGER_TEXT.test(pred.text)) return true;
  return (
    // At most PRINTOUT_PLACES characters: fewer than PRINTOUT_PLACES digits after the point, even
    // with no digit before it (`.1234567891` has ten, and is a printout).
    gold.text.length <= PRINTOUT_PLACES &&
    pred.text.length <= PRINTOUT_PLACES &&
    gold.exact !== undefined &&
    pred.exact !== undefined &&
    isTerminating(gold.exact) &&
    isTerminating(pred.exact)
  );
}
/** An integer literal with optional spaces around it (what the loop's `integer` test reads). */
const INTEGER_TEXT = /^\s*[+-]?\d+\s*$/;

/**
 * A decimal written to k places (k >= `decimal_rounding_min_places`) equals an exact value that
 * rounds to it at k places: `0.33` = 1/3, `2.6667` = 8/3, `1.41` = sqrt(2), in either direction
 * (gold or prediction may be the decimal); so does a machine printout of 10+ places
 * (`0.29` = `0.290243531202435`, not `0.294`). Ties count both ways (0.125 -> 0.12 or 0.13). Undefined
 * when the rule does not apply or does not hold, so the caller's verdict stands.
 */
export function compareRoundedDecimal(
  gold: MathValue,
  pred: MathValue,
  context: CompareContext,
): Verdict | undefined {
  const { decimalRounding: enabled, decimalRoundingMinPlaces: minPlaces } = context.options;
  if (!enabled) return undefined;
  // `0.6666666666666667` against `0.6666666666666666`: one float printed by two programs.
  if (sameFloatPrintouts(gold, pred))
    return equal('rounded-decimal', `${describeValue(pred)} and ${describeValue(gold)} print one float`);
  if (neverRounded(gold, pred)) return undefined;
  const sides: [MathValue, MathValue][] = [
    [pred, gold],
    [gold, pred],
  ];
  for (const [decimal, other] of sides) {
    const integer = decimal.kind === 'number' && !decimal.percent && /^[+-]?\d+$/.test(decimal.text.trim());
    const places = writtenPlaces(decimal) ?? (integer ? 0 : undefined);
    // `0.3` against `0.2999999999999`: float noise in a printout, whatever the places.
    const printout = places === undefined ? undefined : printoutValue(other, places);
    const written = (decimal as NumberValue).approx;
    if (printout !== undefined && isFloatNoise(printout, written, places as number)) {
      return equal(
        'rounded-decimal',
        `${describeValue(other)} is ${describeValue(decimal)} up to float noise`,
      );
    }
    const percentReading = roundedPercent(decimal);
    if (percentReading !== undefined) {
      // `33.33\%` is 0.3333: a decimal of two more places, against the exact value.
      const value = exactNonDecimal(other, context.budget.deadline);
      if (value !== undefined && roundsTo(value, percentReading.value, percentReading.places)) {
        return equal(
          'rounded-decimal',
          `${describeValue(decimal)} is ${describeValue(other)} rounded to ${percentReading.places} decimal places`,
        );
      }
      continue;
    }
    if (places === undefined || places < minPlaces || places > 15) continue;
    if (decimal === pred && significantDigits(decimal) < minPlaces) continue;
    const value = exactNonDecimal(other, context.budget.deadline);
    if (value === undefined && printout === undefined) continue;
    const rounds =
      value !== undefined
        ? roundsTo(value, written, places)
        : printoutRoundsTo(other as NumberValue, decimal as NumberValue, places);
    if (rounds) {
      return equal(
        'rounded-decimal',
        `${describeValue(decimal)} is ${describeValue(other)} rounded to ${places} decimal places`,
      );
    }
  }
  return undefined;
}

/**
 * Significant digits written in a decimal literal (`0.0033` -> 2, `0.00` -> 0, `3.140` -> 4). A
 * predicted decimal needs at least `decimal_rounding_min_places` of them to be read as a rounding:
 * places alone would let `0.00` stand for every value below 0.005 (`0.00` = 1/300) and `0.003` for
 * every one in [0.0025, 0.0035), a shortcut a policy finds on small answers (red team round 3).
 */
export function significantDigits(value: MathValue): number {
  if (value.kind !== 'number') return 0;
  return value.text.replace(/[^\d]/g, '').replace(/^0+/, '').length;
}

/**
 * Whether `value` rounded to `places` decimal places is `written` (ties both ways). The margin
 * covers only the binary representation of the two decimals (0.125 against 0.12 is a tie whose
 * doubles differ by 4e-18 beyond half a unit): a margin of 1e-9 of half a unit let a value just past
 * a tie, `\frac{67}{200} + \frac{\pi}{10^{12}}`, round both ways and score against 0.33 and 0.34 (a
 * red team of stop 28).
 */
function roundsTo(value: number, written: number, places: number): boolean {
  return Math.abs(value - written) <= 0.5 * 10 ** -places * (1 + 1e-12);
}

/**
 * Whether a printout rounds to `written` at `places`, in exact arithmetic: its digits past a
 * double's precision count (`0.3349999999999` rounds to 0.33 only; as a double, with the margin of
 * roundsTo, it also rounded to 0.34).
 */
function printoutRoundsTo(printout: NumberValue, decimal: NumberValue, places: number): boolean {
  if (printout.exact === undefined || decimal.exact === undefined)
    return roundsTo(printout.approx, decimal.approx, places);
  const difference = addRational(printout.exact, negateRational(decimal.exact));
  const scaled = multiplyRational(difference, rational(2n * 10n ** BigInt(places)));
  const magnitude = scaled.numerator < 0n ? -scaled.numerator : scaled.numerator;
  return magnitude <= scaled.denominator;
}

/**
 * A percent written with decimals (`33.33\%`, `66.7\%`) as the fraction it states and that
 * fraction's places (0.3333: four), when those are at least two; undefined otherwise.
 */
function roundedPercent(value: MathValue): { value: number; places: number } | undefined {
  if (value.kind !== 'number' || !value.percent) return undefined;
  const digits = /^[+-]?\d*\.(\d+)\s*(?:\\?%)?$/.exec(value.text.trim())?.[1];
  if (digits === undefined) return undefined;
  return { value: value.approx / 100, places: digits.length + 2 };
}
