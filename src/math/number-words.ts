import { SCALE_EXPONENTS } from './scale-words.js';

/**
 * English number words as numbers: "sixteen" -> 16, "twenty-one" -> 21, "one hundred and five"
 * -> 105, "three thousand two hundred" -> 3200, "a dozen" -> 12, "minus four" -> -4, "one half"
 * -> 1/2 (as the string "1/2"). Only whole phrases are read: a phrase with any other word is not a
 * number (`undefined`), so "one of them" stays text.
 */

const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** Multipliers that close a group ("three thousand"): the scale words of `scale-words.ts`. */
const SCALES: ReadonlyMap<string, number> = new Map(
  [...SCALE_EXPONENTS].map(([word, exponent]) => [word, 10 ** exponent]),
);

const FRACTIONS: Readonly<Record<string, number>> = {
  half: 2,
  halves: 2,
  third: 3,
  thirds: 3,
  quarter: 4,
  quarters: 4,
  fourth: 4,
  fourths: 4,
  fifth: 5,
  fifths: 5,
  sixth: 6,
  sixths: 6,
  seventh: 7,
  sevenths: 7,
  eighth: 8,
  eighths: 8,
  ninth: 9,
  ninths: 9,
  tenth: 10,
  tenths: 10,
  hundredth: 100,
  hundredths: 100,
  thousandth: 1000,
  thousandths: 1000,
};
/** Denominators that are ordinals too ("finished fifth"): a fraction only after a numerator word. */
const ORDINAL_DENOMINATORS = new Set([4, 5, 6, 7, 8, 9, 10, 100, 1000]);

/** A tens word and an ordinal under ten: `twenty-fifth`, `ninety ninth`. */
const COMPOUND_ORDINAL =
  /\b(?:twenty|thirty|fou?rty|fifty|sixty|seventy|eighty|ninety)[\s\-‐–]+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b/i;

/** A whole number, "and", then a fraction in words: "two and a half", "one and three quarters". */
const MIXED_NUMBER = new RegExp(
  String.raw`^(.+?)\s+and\s+((?:a|an|one|two|three|four|five|six|seven|eight|nine)\s+(?:${Object.keys(FRACTIONS).join('|')}))$`,
);

/** Quick filter: does the text contain a number word at all? */
export const NUMBER_WORD =
  /\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|fou?rty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|half)\b/i;

/** Characters a number-word phrase is made of (`\s` is what the phrase is split on). */
const NUMBER_WORD_CHARACTERS = /^[A-Za-z\s\-‐–]*$/;

/**
 * The value of a phrase made only of number words, as a decimal string ("16", "-4", "1/2"), or
 * undefined. Integers stay exact below 2^53 (phrases never reach that).
 */
export function parseNumberWords(phrase: string): string | undefined {
  // Only letters, spaces and hyphens can spell a number: reject other text before splitting it.
  if (!NUMBER_WORD_CHARACTERS.test(phrase)) return undefined;
  // "twenty-fifth" is an ordinal, not twenty fifths.
  if (COMPOUND_ORDINAL.test(phrase)) return undefined;
  const spelled = phrase.toLowerCase().replace(/[-‐–]/g, ' ').trim();
  // "two and a half", "one and three quarters": a whole number and a fraction.
  const mixed = MIXED_NUMBER.exec(spelled);
  if (mixed !== null) {
    const whole = parseNumberWords(mixed[1] as string);
    const fraction = parseNumberWords(mixed[2] as string)?.split('/');
    if (whole === undefined || fraction?.length !== 2 || whole.includes('/')) return undefined;
    const [numerator, denominator] = fraction.map(Number) as [number, number];
    const sign = whole.startsWith('-') ? -1 : 1;
    return `${sign * (Math.abs(Number(whole)) * denominator + numerator)}/${denominator}`;
  }
  const words = spelled
    .split(/\s+/)
    .filter((word) => word !== '' && word !== 'and' && word !== 'a' && word !== 'an');
  if (words.length === 0 || words.length > 12) return undefined;
  let sign = 1;
  if (words[0] === 'minus' || words[0] === 'negative') {
    sign = -1;
    words.shift();
  }
  if (words.length === 0) return undefined;
  // "five point two five": the digits after "point" one word each.
  const point = words.indexOf('point');
  if (point >= 0) return decimalInWords(words.slice(0, point), words.slice(point + 1), sign);
  // "one half", "two thirds", "a quarter".
  const last = words[words.length - 1] as string;
  if (Object.hasOwn(FRACTIONS, last)) {
    if (words.length === 1 && ORDINAL_DENOMINATORS.has(FRACTIONS[last] as number)) return undefined;
    const numerator = words.length === 1 ? 1 : Number(parseNumberWords(words.slice(0, -1).join(' ')));
    if (!Number.isInteger(numerator)) return undefined;
    return `${sign * numerator}/${FRACTIONS[last]}`;
  }
  let total = 0;
  let group = 0;
  let seen = false;
  for (const word of words) {
    const scale = SCALES.get(word);
    if (Object.hasOwn(UNITS, word)) {
      group += UNITS[word] as number;
      seen = true;
    } else if (word === 'dozen') {
      group = (seen ? group : 1) * 12;
      seen = true;
    } else if (word === 'hundred') {
      group = (seen ? group : 1) * 100;
      seen = true;
    } else if (scale !== undefined) {
      total += (seen ? group : 1) * scale;
      group = 0;
      seen = true;
    } else {
      return undefined;
    }
  }
  return seen ? String(sign * (total + group)) : undefined;
}

/** "five point two five" as `5.25`: a whole number in words, then one digit word after another. */
function decimalInWords(whole: string[], digits: string[], sign: number): string | undefined {
  const integer = whole.length === 0 ? '0' : parseNumberWords(whole.join(' '));
  if (integer === undefined || integer.includes('/') || integer.startsWith('-') || digits.length === 0)
    return undefined;
  let decimals = '';
  for (const word of digits) {
    const digit = Object.hasOwn(UNITS, word) ? (UNITS[word] as number) : -1;
    if (digit < 0 || digit > 9) return undefined;
    decimals += String(digit);
  }
  return `${sign < 0 ? '-' : ''}${integer}.${decimals}`;
}
