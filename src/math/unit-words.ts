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
