import { lastNumberStart } from './last-number-place.js';
/**
 * Scale words after a number are part of its value, not a unit: "18 million" is 18000000,
 * "1.5 thousand" is 1500, "3 dozen" is 36. The product is computed on the decimal digits, so it
 * stays exact ("2.25 billion" -> 2250000000).
 */

/** Scale words and their powers of ten; number-words.ts reads them inside number phrases too. */
export const SCALE_EXPONENTS: ReadonlyMap<string, number> = new Map([
  ['hundred', 2],
  ['thousand', 3],
  ['million', 6],
  ['billion', 9],
  ['trillion', 12],
]);

/** A number, a scale word, then at most a few unit words: "18 million", "2.5 billion dollars". */
const SCALED = /^(-?\d+(?:\.\d+)?)\s*(hundred|thousand|million|billion|trillion|dozen)s?\b(.*)$/i;

/** `digits` times 10^exponent, as a plain decimal string. */
function shiftDecimal(number: string, exponent: number): string {
  const negative = number.startsWith('-');
  const [integer = '', fraction = ''] = (negative ? number.slice(1) : number).split('.');
  const digits = integer + fraction.padEnd(exponent, '0');
  const point = integer.length + exponent;
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(point).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${rest === '' ? '' : `.${rest}`}`;
}

/** Multiplies out a scale word that follows a number; other text is returned unchanged. */
export function applyScaleWord(text: string): string {
  const match = SCALED.exec(text);
  if (match === null) return text;
  const [, number = '', word = '', rest = ''] = match;
  const scale = word.toLowerCase();
  if (scale === 'dozen') {
    const [integer = '', fraction = ''] = number.split('.');
    if (fraction !== '' || integer.length > 12) return text;
    return `${BigInt(integer) * 12n}${rest}`;
  }
  return `${shiftDecimal(number, SCALE_EXPONENTS.get(scale) as number)}${rest}`;
}

/** A scale word right after a number in prose: "18 million dollars", "3 dozen eggs". */
const SCALE_AFTER = /^\s*(?:hundred|thousand|million|billion|trillion|dozen)s?\b/i;

/**
 * A last number read from prose keeps the scale word after it: "She earns 18 million dollars." is
 * 18 million, never 18 (which would score a gold 18). Other extractions are returned unchanged;
 * undefined when there is nothing to add.
 */
export function withScaleWordAfter<T extends { text: string; extractor: string; end: number }>(
  extraction: T | undefined,
  response: string,
): T | undefined {
  if (extraction === undefined || lastNumberStart(extraction, response) === undefined) return undefined;
  const word = SCALE_AFTER.exec(response.slice(extraction.end, extraction.end + 24));
  return word === null ? undefined : { ...extraction, text: `${extraction.text} ${word[0].trim()}` };
}
