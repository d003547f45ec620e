import { QUALIFYING_WORDS } from './qualifying-words.js';

/** Unit and currency words dropped after a number ("18 dollars", "5 \text{ cm}^2"). */
const UNIT_WORDS = new Set(
  (
    'dollar dollars cent cents usd eur euro euros pound pounds yen rupees rs ' +
    'cm mm km m meter meters metre metres centimeter centimeters millimeter millimeters kilometer kilometers ' +
    'inch inches in ft foot feet yard yards yd mile miles mi mph kmh kg g gram grams kilogram kilograms mg lb lbs ' +
    'ounce ounces oz ton tons liter liters litre litres l ml gallon gallons gal cup cups quart quarts pint pints ' +
    'second seconds sec s minute minutes min mins hour hours hr hrs h day days week weeks month months year years yr ' +
    'degree degrees deg radian radians rad unit units sq square cubic cu percent times ' +
    'people persons person students student apples cookies pages points items boxes books marbles cars ' +
    'children kids friends hours workers bags pieces slices candies eggs'
  ).split(' '),
);

/** A unit or currency word that may follow a value (`cm`, `dollars`, `km`), in any letter case. */
export function isUnitWord(word: string): boolean {
  return UNIT_WORDS.has(word.toLowerCase());
}

/**
 * Words that may follow a value without being its unit: doubt, approximation, a bound, a denial, a
 * scale or an operation (`40 \text{ maybe}`, `40 \text{ minimum}`, `40 \text{ thousand}`, `40
 * \text{ squared}`, `40 \text{ plus tax}`). Dropped as units they made the value read bare (a red
 * team of stop 27).
 */
const NEVER_UNITS = new RegExp(
  `^(?:${QUALIFYING_WORDS}|roughly|tops|nope|so|plus|minus|squared|cubed|hundred|thousand|[mbtr]illion|dozen)$`,
  'i',
);

/** Whether a word after a value is never its unit (NEVER_UNITS). */
export function isNeverUnit(word: string): boolean {
  return NEVER_UNITS.test(word);
}
