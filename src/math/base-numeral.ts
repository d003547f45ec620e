import { equal, notEqual, type Verdict } from './verdict.js';

/**
 * Numerals with their base as a subscript (`1011_2`, `2012_{3}`, `FF_{16}`). The usual reading
 * keeps the digits (a gold `1011_2` accepts `1011`: the question asked for base 2), which is right
 * when both sides are in the gold's base. When the two sides name their bases and the bases
 * differ (`1011_2` against `1011_{10}`), or the gold is a plain decimal number and the prediction
 * names another base (`11` against `1011_2`; not its own digits, `1011` against `1011_2`, which
 * is the gold with its base written), the digits alone say nothing: the numerals are
 * compared by the numbers they denote (`1011_{10}` is one thousand and eleven, not eleven).
 */
const NUMERAL = /^\s*\$?\s*([0-9A-Fa-f]+)_\{?\s*(\d{1,2})\s*\}?\s*\$?\s*\.?\s*$/;
const DECIMAL = /^\s*\$?\s*(\d+)\s*\$?\s*\.?\s*$/;

interface Numeral {
  digits: string;
  base: number;
}

function parseNumeral(text: string | undefined): Numeral | undefined {
  if (text === undefined || text.length > 80 || !text.includes('_')) return undefined;
  const match = NUMERAL.exec(text);
  if (match === null) return undefined;
  const base = Number(match[2]);
  if (base < 2 || base > 36) return undefined;
  return { digits: (match[1] as string).toUpperCase(), base };
}

/** The number a numeral denotes, or undefined when a digit is not one of its base. */
function numeralValue({ digits, base }: Numeral): bigint | undefined {
  let value = 0n;
  for (const character of digits) {
    const digit = Number.parseInt(character, 36);
    if (Number.isNaN(digit) || digit >= base) return undefined;
    value = value * BigInt(base) + BigInt(digit);
  }
  return value;
}

/** The verdict when the numerals' bases make the digits alone misleading (see above), else undefined. */
export function compareBaseNumerals(
  goldText: string | undefined,
  predText: string | undefined,
): Verdict | undefined {
  const pred = parseNumeral(predText);
  if (pred === undefined) return undefined;
  let gold = parseNumeral(goldText);
  if (gold === undefined) {
    const decimal = goldText === undefined ? null : DECIMAL.exec(goldText);
    // `1011` against `1011_2`: the gold's own digits with the base named (the question asked for
    // base 2 and the gold left the subscript off); the usual reading of the digits decides.
    if (decimal === null || pred.base === 10 || decimal[1] === pred.digits) return undefined;
    gold = { digits: decimal[1] as string, base: 10 };
  }
  if (gold.base === pred.base) return undefined;
  const goldValue = numeralValue(gold);
  const predValue = numeralValue(pred);
  if (goldValue === undefined || predValue === undefined) return undefined;
  const shown = `${pred.digits}_${pred.base} = ${predValue}, ${gold.digits}_${gold.base} = ${goldValue}`;
  return goldValue === predValue ? equal('base-numeral', shown) : notEqual('base-numeral', shown);
}
