/**
 * The dimension of a measurement unit (time, length, mass, volume, money, angle), for telling a
 * value restated in other units ("2 hours (or 120 minutes)", "$1.50 (or 150 cents)") from two
 * values of one quantity ("17 apples (or 19 apples)"). Counted nouns (apples, pages) have none.
 */
const DIMENSIONS: Readonly<Record<string, string>> = {
  time: 'second seconds sec secs s minute minutes min mins hour hours hr hrs h day days week weeks month months year years yr yrs',
  length:
    'mm cm m km millimeter millimeters centimeter centimeters meter meters metre metres kilometer kilometers kilometres inch inches in ft foot feet yard yards yd mile miles mi',
  mass: 'mg g kg gram grams kilogram kilograms lb lbs pound pounds ounce ounces oz ton tons',
  volume: 'ml l liter liters litre litres gallon gallons gal cup cups quart quarts pint pints',
  money: '$ dollar dollars cent cents',
  angle: '° degree degrees deg radian radians rad',
};

const DIMENSION_OF = new Map<string, string>(
  Object.entries(DIMENSIONS).flatMap(([dimension, words]) =>
    words.split(' ').map((word) => [word, dimension] as [string, string]),
  ),
);

/** The dimension of a unit word or sign, in any letter case; undefined for other words. */
export function unitDimension(unit: string): string | undefined {
  return DIMENSION_OF.get(unit.toLowerCase());
}

/** Whether two units are different units of one dimension (a conversion: hours and minutes). */
export function areConvertedUnits(first: string, second: string): boolean {
  const dimension = unitDimension(first);
  return (
    dimension !== undefined &&
    dimension === unitDimension(second) &&
    first.toLowerCase() !== second.toLowerCase()
  );
}
