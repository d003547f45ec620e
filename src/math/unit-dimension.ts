/**
 * The dimension of a measurement unit (time, length, mass, volume, money, angle) and its size in
 * the dimension's base unit, for telling a value restated in other units ("2 hours (or 120
 * minutes)", "$1.50 (or 150 cents)") from two values ("17 apples (or 19 apples)", "17 hours (or 18
 * minutes)": a red team of stop 35 found the dimension alone let a fake conversion pass). Counted
 * nouns (apples, pages) have none.
 */
interface Unit {
  dimension: string;
  /** The unit in the dimension's base unit; several where the word is ambiguous (`ton`). */
  sizes: readonly number[];
}

/** Per dimension: unit words (and signs) of one size, with that size in the base unit. */
const UNITS: Readonly<
  Record<string, readonly (readonly [words: string, size: number | readonly number[]])[]>
> = {
  // Seconds; a month is a twelfth of a Julian year, a year 365.25 days (the tolerance covers 30 and 365 days).
  time: [
    ['second seconds sec secs s', 1],
    ['minute minutes min mins', 60],
    ['hour hours hr hrs h', 3_600],
    ['day days', 86_400],
    ['week weeks', 604_800],
    ['month months', 2_629_800],
    ['year years yr yrs', 31_557_600],
  ],
  // Meters.
  length: [
    ['mm millimeter millimeters', 0.001],
    ['cm centimeter centimeters', 0.01],
    ['dm decimeter decimeters decimetre decimetres', 0.1],
    ['m meter meters metre metres', 1],
    ['km kilometer kilometers kilometres', 1_000],
    ['inch inches in', 0.0254],
    ['ft foot feet', 0.3048],
    ['yard yards yd', 0.9144],
    ['mile miles mi', 1_609.344],
  ],
  // Grams; a ton is short, metric or long.
  mass: [
    ['mg', 0.001],
    ['g gram grams', 1],
    ['kg kilogram kilograms', 1_000],
    ['lb lbs pound pounds', 453.592_37],
    ['ounce ounces oz', 28.349_523_125],
    ['ton tons', [907_184.74, 1_000_000, 1_016_046.908_8]],
  ],
  // Liters (US customary measures).
  volume: [
    ['ml', 0.001],
    ['l liter liters litre litres', 1],
    ['gallon gallons gal', 3.785_411_784],
    ['cup cups', 0.236_588_236_5],
    ['quart quarts', 0.946_352_946],
    ['pint pints', 0.473_176_473],
  ],
  // Dollars.
  money: [
    ['$ dollar dollars', 1],
    ['cent cents', 0.01],
  ],
  // Bytes: a kilobyte is 1,000 or 1,024 bytes (both are written KB), a bit an eighth.
  data: [
    ['bit bits', 0.125],
    ['b byte bytes', 1],
    ['kb', [1_000, 1_024]],
    ['kib', 1_024],
    ['mb', [1_000_000, 1_048_576]],
    ['mib', 1_048_576],
    ['gb', [1_000_000_000, 1_073_741_824]],
    ['gib', 1_073_741_824],
    ['tb', [1_000_000_000_000, 1_099_511_627_776]],
    ['tib', 1_099_511_627_776],
  ],
  // Bits a second.
  rate: [
    ['kbps', 1_000],
    ['mbps', 1_000_000],
    ['gbps', 1_000_000_000],
  ],
  // Degrees.
  angle: [
    ['° degree degrees deg', 1],
    ['radian radians rad', 180 / Math.PI],
  ],
};

const UNIT_OF = new Map<string, Unit>(
  Object.entries(UNITS).flatMap(([dimension, rows]) =>
    rows.flatMap(([words, size]) =>
      words
        .split(' ')
        .map((word) => [word, { dimension, sizes: typeof size === 'number' ? [size] : size }] as const),
    ),
  ),
);

/**
 * How far a restatement may be from the exact conversion: half a unit of its last written decimal
 * place, so rounded conversions ("1 mile (or 1.6 km)", "1 month (or 30 days)", "1/3 (or 33%)") are
 * restatements, not second values. (Stop 35 allowed 2% of the value; stop 36's red team was paid
 * "50 hours (or 3060 minutes)" and "0.5 (or 51%)", a second value 2% away.)
 */
export function roundingMargin(written: string): number {
  const places = /\.(\d+)/.exec(written)?.[1]?.length ?? 0;
  return 0.5 * 10 ** -places * (1 + 1e-9) + 1e-12;
}

/** The dimension of a unit word or sign, in any letter case; undefined for other words. */
export function unitDimension(unit: string): string | undefined {
  return UNIT_OF.get(unit.toLowerCase())?.dimension;
}

/**
 * Whether two unit words name different units (other dimensions, or sizes that differ: `L` and
 * `gal`, `m` and `cm`); false when either is no unit of the table, or both name one unit (`l`,
 * `liters`).
 */
export function unitsDiffer(first: string, second: string): boolean {
  const one = UNIT_OF.get(first.toLowerCase());
  const other = UNIT_OF.get(second.toLowerCase());
  if (one === undefined || other === undefined) return false;
  return one.dimension !== other.dimension || !one.sizes.some((size) => other.sizes.includes(size));
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

/**
 * Whether `firstValue firstUnit` and `secondValue secondUnit` are one quantity: different units of
 * one dimension, the second value the first converted and rounded at the second's written places
 * (`secondMargin`, roundingMargin of its text).
 */
export function isConversion(
  firstValue: number,
  firstUnit: string,
  secondValue: number,
  secondUnit: string,
  secondMargin: number,
): boolean {
  if (!areConvertedUnits(firstUnit, secondUnit)) return false;
  const first = UNIT_OF.get(firstUnit.toLowerCase()) as Unit;
  const second = UNIT_OF.get(secondUnit.toLowerCase()) as Unit;
  return first.sizes.some((firstSize) =>
    second.sizes.some((secondSize) => {
      const converted = (firstValue * firstSize) / secondSize;
      return Math.abs(converted - secondValue) <= secondMargin;
    }),
  );
}

/** Whether `percent`% is `value` rounded at the percent's written places (`percentMargin`): "0.5 (or 50%)", "1/3 (or 33%)". */
export function isPercentOf(value: number, percent: number, percentMargin: number): boolean {
  return Math.abs(value * 100 - percent) <= percentMargin;
}

/** A value and its unit closing a phrase: `2 hours`, `$1.50`, `1.5 dollars`, `3/4`, `It takes 60 seconds`. */
const STATED_QUANTITY =
  /(?<![\d.,/\w])(\$\s*)?(-?\d[\d,]*(?:\.\d+)?(?:\s*\/\s*\d+)?)(?:\s*([A-Za-z]{1,12}))?\s*[.,]?\s*$/;
/** A whole restatement: an optional "about", a value, its unit or percent sign. */
const OFFERED_QUANTITY =
  /^\s*(?:(?:about|approximately|approx\.|roughly|≈|~)\s*)?(\$\s*)?(-?\d[\d,]*(?:\.\d+)?)\s*(\\?%|percent|[A-Za-z]{1,12})?\s*[.,]?\s*$/i;

/** A number as a phrase writes it: thousands commas, or a fraction `3/4`. */
function quantityValue(written: string): number {
  const [numerator, denominator] = written.replace(/,/g, '').split('/');
  const value = Number.parseFloat(numerator as string);
  return denominator === undefined ? value : value / Number.parseFloat(denominator);
}

/**
 * Whether `offered` (the whole text of a parenthesis or an "or" after the answer: "120 minutes",
 * "150 cents", "75%") restates the value that closes `stated` ("2 hours", "$1.50", "3/4") in
 * other units: one quantity written twice, not a second answer. A stop-36 reading of stop 35's
 * red team: "The answer is 2 hours (or 120 minutes).", "$1.50 (or 150 cents)", "60 seconds (1
 * minute)" scored 0 as hedges; "17 hours (or 18 minutes)" stays one.
 */
export function restatesInOtherUnits(stated: string, offered: string): boolean {
  const first = STATED_QUANTITY.exec(stated);
  const second = OFFERED_QUANTITY.exec(offered);
  if (first === null || second === null) return false;
  return restatesQuantity(
    { value: quantityValue(first[2] as string), unit: first[1] !== undefined ? '$' : first[3] },
    {
      value: quantityValue(second[2] as string),
      unit: second[1] !== undefined ? '$' : second[3],
      written: second[2] as string,
    },
  );
}

/** A value and its unit word or sign (`$`, `%`); an offered one keeps its number's text for its rounding. */
export interface Quantity {
  value: number;
  unit: string | undefined;
}

/**
 * Whether `offered` is `stated` written in other units: a percent of a value with no unit or sign
 * ("0.5 (or 50%)"), or another unit of the same dimension ("2 hours (or 120 minutes)"), rounded at
 * the offered number's written places. The one decision behind the fallback's reading
 * (offered-value.ts) and the answer phrase's (restatesInOtherUnits).
 */
export function restatesQuantity(stated: Quantity, offered: Quantity & { written: string }): boolean {
  if (offered.unit === undefined) return false;
  const margin = roundingMargin(offered.written);
  if (/%|percent/i.test(offered.unit))
    return stated.unit === undefined && isPercentOf(stated.value, offered.value, margin);
  return (
    stated.unit !== undefined && isConversion(stated.value, stated.unit, offered.value, offered.unit, margin)
  );
}

/** A closing parenthesis and what it holds: `(50\%)`, `(120 minutes)`. */
const CLOSING_PARENTHESIS = /\s*\(([^()]{1,40})\)\s*$/;

/**
 * The answer without a closing parenthesis that restates its value in other units (`0.5 (50\%)`,
 * `2 hours (120 minutes)`: stop 36's examiner pairs read the pair as a product), or the answer itself.
 */
export function withoutRestatement(answer: string): string {
  const closing = CLOSING_PARENTHESIS.exec(answer);
  if (closing === null || closing.index === 0) return answer;
  const stated = answer.slice(0, closing.index);
  return restatesInOtherUnits(stated, closing[1] as string) ? stated : answer;
}
