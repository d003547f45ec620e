import { QUALIFYING_WORDS } from './qualifying-words.js';

/** Unit and currency words dropped after a number ("18 dollars", "5 \text{ cm}^2"). */
const UNIT_WORDS = new Set(
  (
    'dollar dollars cent cents usd eur euro euros pound pounds yen rupees rs ' +
    'cm mm dm km m meter meters metre metres centimeter centimeters millimeter millimeters decimeter decimeters ' +
    'decimetre decimetres kilometer kilometers ' +
    'inch inches in ft foot feet yard yards yd mile miles mi mph kmh kg g gram grams kilogram kilograms mg lb lbs ' +
    'ounce ounces oz ton tons liter liters litre litres l ml gallon gallons gal cup cups quart quarts pint pints ' +
    'second seconds sec s minute minutes min mins hour hours hr hrs h day days week weeks month months year years yr ' +
    'degree degrees deg radian radians rad unit units sq square cubic cu percent times ' +
    'people persons person students student apples cookies pages points items boxes books marbles cars ' +
    'children kids friends hours workers bags pieces slices candies eggs ' +
    'newton newtons joule joules watt watts volt volts ampere amperes amp amps pascal pascals hertz kelvin coulomb coulombs ohm ohms ' +
    'kb kib mb mib gb gib tb tib byte bytes bit bits kbps mbps gbps'
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

/**
 * SI symbols that are no unit word of their own (`N`, `J`, `Pa`), and the byte (`B`): units only
 * inside a text command after a number.
 */
const SI_SYMBOLS = new Set(
  'N kN J kJ MJ W kW MW V kV mV A mA K C Pa kPa MPa Hz kHz MHz GHz eV keV MeV mol Ω T Wb H F S lx lm cd B'.split(
    ' ',
  ),
);
/**
 * A number, TeX spacing (or a product sign: `60\cdot\text{km/h}`, the red team of stop 46), then a
 * text command and its power: `5\,\text{N}`, `9.8\,\mathrm{m\,s^{-2}}`, `9.8 \text{ m/s}^2`.
 */
const UNIT_COMMAND_AFTER_NUMBER =
  /(\d\}?)((?:\s|\\[,;: !]|~|\\cdot(?![A-Za-z])|\\times(?![A-Za-z]))*)\\(?:text|mathrm|textrm|rm|mbox)\s*\{((?:[^{}]|\{[^{}]*\})*)\}(?:\s*\^\s*(?:\{\s*-?\d\s*\}|-?\d))?/g;
/** What separates the symbols of a compound unit: TeX spacing, a product dot, a slash. */
const UNIT_SEPARATOR = /\\[,;: !]|\\cdot|~|\s+|\//;
const UNIT_SYMBOL = /^([A-Za-zΩ]+)(?:\^\s*\{?\s*-?\d\s*\}?)?$/;

/**
 * Whether a text command's content is a unit this rule drops: an SI symbol, or symbols and unit
 * words with powers joined by spacing, dots or a slash. One plain unit word (`\text{ dollars}`) is
 * left to the unit rules of normalize.ts, which read the label before it.
 */
function isUnitText(content: string): boolean {
  const symbols = content.split(UNIT_SEPARATOR).filter((symbol) => symbol !== '');
  if (symbols.length === 1 && isUnitWord(symbols[0] as string)) return false;
  return (
    symbols.length > 0 &&
    symbols.every((symbol) => {
      const letters = UNIT_SYMBOL.exec(symbol)?.[1];
      return letters !== undefined && (SI_SYMBOLS.has(letters) || isUnitWord(letters));
    })
  );
}

/**
 * The answer without a unit set in a text command after its number: `5\,\text{N}`, `9.8\,\mathrm{m\,s^{-2}}`,
 * `3\text{ J}` (stop 36's examiner pairs read `N` and `m s` as variables; a unit word such as `cm`
 * was already dropped, an SI symbol such as `N` is a variable outside a text command).
 */
export function withoutUnitCommand(text: string): string {
  if (!text.includes('{')) return text;
  return text.replace(
    UNIT_COMMAND_AFTER_NUMBER,
    (whole, number: string, spacing: string, content: string) => {
      if (isUnitText(content)) return `${number} `;
      // `5\cdot\mathrm{kg}`: a unit word after a product sign is still the unit (stripUnits drops it),
      // where a bare letter after one is a factor (`0.22\cdot h`).
      const word = content.trim();
      return /\\(?:cdot|times)/.test(spacing) && isUnitWord(word) ? `${number} ${word}` : whole;
    },
  );
}

/**
 * A micro-unit ending an answer right after its number: `100 \mu F`, `100\,\mu\text{F}`, `100 μF`
 * (real outputs round 21: GPT-4 on JEEBench, read as 100 times mu times F). Only farads, coulombs
 * and moles, which name no quantity a friction coefficient multiplies (`2\mu g`, `\mu N`, `2\mu W`,
 * `100 \mu s` are friction: red team of stop 44), and only when nothing follows.
 */
const MICRO_UNIT_AT_END =
  /(\d)\s*(?:\\[,;: !]\s*)*(?:\\mu(?![A-Za-z])|[μµ])\s*(?:\\(?:text|mathrm|rm)\s*\{\s*)?(?:F|C|mol)(?![A-Za-z])\s*\}?\s*$/;

/** The answer without a micro-unit after its number at its end (`100 \mu F` gives `100`). */
export function withoutMicroUnit(text: string): string {
  return text.replace(MICRO_UNIT_AT_END, '$1');
}
