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

/** A word right after an answer's number in the response (`9 seconds`, `9 \text{ hours}`). */
const WORD_AFTER = /^\s*(?:\\(?:text|mathrm)\s*\{\s*)?([A-Za-z]+)/;

/**
 * An answer that is a bare number (the last-number fallback reads `9` of "9 seconds"), with the
 * word the response writes right after it (`after`), so that differentUnits compares its unit with
 * the gold's (a gold `9\text{ min}` was paid "9 seconds" and "9 hours": a red team of stop 43).
 * Else the answer. Looked at only for a gold that ends in a word (most golds are numbers).
 */
export function withUnitWrittenAfter(
  gold: string | undefined,
  answer: string | undefined,
  after: string | undefined,
): string | undefined {
  if (gold === undefined || !/[A-Za-z]\W*$/.test(gold)) return answer;
  if (answer === undefined || after === undefined || !/\d\s*$/.test(answer)) return answer;
  const word = WORD_AFTER.exec(after)?.[1];
  return word === undefined ? answer : `${answer} ${word}`;
}
