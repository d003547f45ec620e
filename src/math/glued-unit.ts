import { equal, type Verdict } from './verdict.js';

/**
 * A unit word of three letters or more glued to a number (`10weeks`, `5dollars`, `12min`) is
 * dropped like a spaced one (`10 weeks`); a short one (`10m`, `10cm`) may be a product with a
 * variable and stays (as MARIO_EVAL's tests want). `isUnitWord` decides what a unit is.
 */
export function withoutGluedUnit(text: string, isUnitWord: (word: string) => boolean): string {
  const match = GLUED_UNIT.exec(text);
  if (match === null || !isUnitWord(match[2] ?? '')) return text;
  return match[1] ?? text;
}

const GLUED_UNIT = /^(-?\d+(?:\.\d+)?)([A-Za-z]{3,})$/;

const SHORT_GLUED_UNIT = /^(-?\d+(?:\.\d+)?)([a-z]{2})(?:\^\{?[23]\}?)?$/;
/**
 * Two-letter units that read as no product in an answer (`12ft`, `5km`, `45cm^2`). Single letters
 * (`4s`, `3h`, `12m^2`) and `mg` stay products: `4s` paid both a gold 4 and a gold `4s`, so a
 * policy unsure of a factor could always append one (red team of stop 25).
 */
const SHORT_UNITS = new Set(['ft', 'cm', 'mm', 'km', 'kg', 'mi', 'yd', 'lb', 'oz', 'ml', 'hr', 'in']);

/**
 * SHORT_GLUED_UNIT for a reader of number golds: a space may stand before the unit, and its power
 * may be a bare digit after a metric unit (`44cm2`, `44 cm2`, `5km2`: graders' round 19, a science
 * quiz's tests, read `44cm2` as 44 times c, m and 2); not after `in` or `ft`, where `1 in3` is a
 * chance and `5 ft2` five feet two (stop 47's red team).
 */
const NUMBER_BEFORE_SHORT_UNIT = /^(-?\d+(?:\.\d+)?) ?([a-z]{2})(?:\^\{?[23]\}?|[²³]|(?<=[cmk]m)[23])?$/;

/**
 * The number of a value with a short unit glued to it (`12ft`, `5km`, `45cm^2`), for a reader that
 * knows the answer is a plain number (a number gold): read as a product, `12ft` has letters the
 * gold lacks and could never equal it, so the letters are the unit they spell (lm-evaluation-harness
 * test_minerva_math_utils.py, "12ft" against 12). Letters that are no unit (`12x`) stay a product;
 * a gold written `10cm` keeps its letters (withoutGluedUnit).
 */
export function numberBeforeShortUnit(text: string): string | undefined {
  const match = NUMBER_BEFORE_SHORT_UNIT.exec(text);
  return match !== null && SHORT_UNITS.has(match[2] ?? '') ? match[1] : undefined;
}

/** A number, then its unit spaced or set in text: `2 cm`, `2\text{ cm}`, `$2\,\mathrm{cm}$`. */
const SPACED_UNIT =
  /^\s*\$?\s*(-?\d+(?:\.\d+)?)(?:\s|\\[,;: !]|~)*(?:\\(?:text|mathrm|textrm|rm|mbox|operatorname)\s*\{\s*([a-z]{2})\s*\}|([a-z]{2}))\s*\$?\s*$/;

/**
 * A gold with a short unit glued to it (`2cm`, kept as written: see withoutGluedUnit) against the
 * same number and unit spaced or set in text (`2 cm`, `2\text{ cm}`, `\boxed{2\,\mathrm{cm}}`):
 * the gold written another way (stop 36's graders' tests read `5\text{cm}` as 5·c·m). Only equal
 * or undecided here; a bare `2` stays for the other rules (MARIO_EVAL's `10cm` is no 10).
 */
export function compareSpacedUnit(
  goldText: string | undefined,
  predText: string | undefined,
): Verdict | undefined {
  if (goldText === undefined || predText === undefined) return undefined;
  const gold = goldText.trim();
  const match = SHORT_GLUED_UNIT.exec(gold);
  if (match === null || !SHORT_UNITS.has(match[2] ?? '')) return undefined;
  const spaced = SPACED_UNIT.exec(predText);
  if (spaced === null || predText.trim() === gold) return undefined;
  return spaced[1] === match[1] && (spaced[2] ?? spaced[3]) === match[2]
    ? equal('text', 'the gold with its unit spaced or set in text')
    : undefined;
}
