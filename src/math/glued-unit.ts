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
