/**
 * An answer that equates two different numbers (`\boxed{6 = 5}`, `\boxed{x = 6 = 5}`) states a
 * falsehood, not a value: read for its last side it scored 1 against a gold 5, and a chain lets a
 * policy write several candidates in one answer (red team round 3). Only sides that are plain
 * numbers are compared (`x = 2 + 3 = 5` is an honest chain and is left to the comparison); the
 * sides of `\le`, `<` ... are not read (`=` only).
 */
const PLAIN_NUMBER = /^\s*[+-]?\s*\d+(?:\.\d+)?\s*$/;

/** Why the answer text equates different numbers, or undefined. */
export function falseEquation(answer: string): string | undefined {
  if (!answer.includes('=') || answer.length > 200) return undefined;
  const numbers = answer
    .split(/(?<![<>!\\])=(?!=)/)
    .filter((side) => PLAIN_NUMBER.test(side))
    .map((side) => side.replace(/\s+/g, ''));
  if (numbers.length < 2) return undefined;
  const first = Number(numbers[0]);
  const other = numbers.find((side) => Number(side) !== first);
  return other === undefined
    ? undefined
    : `the answer equates different numbers (${numbers[0]} and ${other})`;
}
