import { unitsDiffer } from './unit-dimension.js';

/**
 * The unit word an answer ends with, after its value: `4 L`, `7 \text{L}`, `2 * 3.5 \text{gal}`,
 * `12\,\mathrm{cm}`.
 */
const TRAILING_UNIT = /[\d})]\s*(?:\\[,;!: ]\s*)*(?:\\(?:text|mathrm)\s*\{\s*)?([A-Za-z]+)\s*\}?\s*\.?$/;

/**
 * Two answers that end in different units (`4 L` against `4 gal`, `12 m` against `12 cm`): the
 * numbers agree, the quantities do not (pie-framework's fixtures, graders' round 12: the units
 * were stripped from both sides and the numbers paid). Only units of the conversion table
 * (unit-dimension.ts) count; a word it does not know, or one side without a unit (`18` against
 * `18 dollars`), leaves the verdict as it is. Returns the two units, or undefined.
 */
export function differentUnits(
  gold: string | undefined,
  pred: string | undefined,
): [string, string] | undefined {
  const goldUnit = gold === undefined ? undefined : TRAILING_UNIT.exec(gold.trim())?.[1];
  const predUnit = pred === undefined ? undefined : TRAILING_UNIT.exec(pred.trim())?.[1];
  if (goldUnit === undefined || predUnit === undefined) return undefined;
  return unitsDiffer(goldUnit, predUnit) ? [goldUnit, predUnit] : undefined;
}
