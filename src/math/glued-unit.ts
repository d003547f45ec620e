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

const SHORT_GLUED_UNIT = /^(-?\d+(?:\.\d+)?)([A-Za-z]{1,2})(?:\^\{?[23]\}?)?$/;

/**
 * The number of a value with a short unit glued to it (`12ft`, `5km`, `3h`, `12m^2`), for a reader that
 * knows the answer is a plain number (a number gold): read as a product, `12ft` has letters the
 * gold lacks and could never equal it, so the letters are the unit they spell (lm-evaluation-harness
 * test_minerva_math_utils.py, "12ft" against 12). Letters that are no unit (`12x`) stay a product;
 * a gold written `10cm` keeps its letters (withoutGluedUnit).
 */
export function numberBeforeShortUnit(
  text: string,
  isUnitWord: (word: string) => boolean,
): string | undefined {
  const match = SHORT_GLUED_UNIT.exec(text);
  return match !== null && isUnitWord(match[2] ?? '') ? match[1] : undefined;
}
