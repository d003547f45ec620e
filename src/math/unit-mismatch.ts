import { unitDimension, unitsDiffer } from './unit-dimension.js';

const isTableUnit = (word: string) => unitDimension(word) !== undefined;

/**
 * The unit word an answer ends with, after its value, and its power: `4 L`, `7 \text{L}`,
 * `2 * 3.5 \text{gal}`, `12\,\mathrm{cm}`, `4 \mathrm{~gal}`, `4 \text{ gal.}`, `12 \text{ m}^{2}`.
 */
const TRAILING_UNIT =
  /[\d})]\s*(?:\\[,;!: ]\s*)*(?:\\(?:text|mathrm|textrm|mbox|operatorname|mathit)\s*\{\s*~?\s*-?\s*)?([A-Za-z]+)\s*\.?\s*\}?\s*(\^\s*\{?\s*\d\s*\}?)?\s*\.?$/;

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
  const goldMatch = gold === undefined ? null : TRAILING_UNIT.exec(gold.trim());
  const predMatch = pred === undefined ? null : TRAILING_UNIT.exec(pred.trim());
  const goldUnit = goldMatch?.[1];
  const predUnit = predMatch?.[1];
  if (goldUnit === undefined || predUnit === undefined) return undefined;
  // A power of the unit counts (`12 \text{ m}^{2}` against `12 cm`), once the words are units.
  const power = (match: RegExpExecArray | null) => match?.[2]?.replace(/\D/g, '') ?? '1';
  const differ =
    unitsDiffer(goldUnit, predUnit) ||
    (isTableUnit(goldUnit) && isTableUnit(predUnit) && power(goldMatch) !== power(predMatch));
  return differ ? [goldUnit, predUnit] : undefined;
}
