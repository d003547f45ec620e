import { beyondAscii } from './ascii-text.js';
import { VULGAR_FRACTIONS } from './normalize.js';

/**
 * Numbers written in prose in ways the extractors' number scan would split, rewritten to the same
 * value in plain digits before extraction (the value never changes, so the rewrite applies to the
 * whole response):
 *
 * - unicode fraction glyphs: `2½ cups`, `2 ½ cups` (one space: still a mixed number, a list
 *   would have a comma), `½ cup`, `1¾` become `5/2`, `5/2`, `1/2`, `7/4` (the fallback read `2½`
 *   as 2);
 * - a sign before a currency symbol: `a net change of -$40` (or unicode's minus, `−$40`) is `-40`
 *   (the fallback read 40);
 * - TeX's braced thousands separator outside math: `\$1{,}500` is `1,500` (the fallback read 500);
 *   any other braced comma between digits is a decimal comma: `1{,}2` is 1.2 (it read 2).
 */
/** The glyphs normalize.ts reads in answers, so that both know the same ones. */
const GLYPHS = `[${Object.keys(VULGAR_FRACTIONS).join('')}]`;
const GLYPH = new RegExp(GLYPHS);
/**
 * A glyph right after a number that cannot be a mixed number's whole part (`3.2½`, `1,5½`, a whole
 * of over 12 digits) stays a glyph: as `1/2` it would join that number's digits (`3.21/2`).
 */
const MIXED_OR_ALONE = new RegExp(
  `(?<![\\d.,])(-?)(\\d{1,12})[ \\u00a0]?(${GLYPHS})|(?<!\\d)(${GLYPHS})`,
  'g',
);
/** A sign before a currency symbol, not after an amount (`$40−$10`, `$5 - $10` subtract or range). */
const SIGNED_CURRENCY = /(?<![\d.)%]\s?)[-\u2212]\\?\$\s?(?=\d)/g;
/**
 * An amount in dollars and cents (`12 dollars and 50 cents`, `$12 and 50 cents`): one value, 12.50
 * dollars (stop 36's examiner pairs read the 50).
 */
const DOLLARS_AND_CENTS =
  /(?<![\d.,])(?:\\?\$\s?)?(\d+)\s*(?:dollars?|bucks?)?\s*,?\s+and\s+(\d{1,2})\s+cents?\b/gi;

/**
 * Thousands grouped by braced commas, every group of the run at once: `1{,}200`, `1{,}000{,}000` (a
 * group after the first may open with 0: stop 36's examiner pairs read `1{,}000{,}000` as 1,000.000).
 */
const BRACED_THOUSANDS = /(?<![\d.])[1-9]\d{0,2}(?:\{,\}\d{3})+(?!\d)/g;
/** Any other braced comma between digits is a decimal comma: `1{,}2`, `0{,}125`, `3{,}14159`. */
const BRACED_DECIMAL_COMMA = /(\d)\{,\}(?=\d)/g;

function parts(glyph: string): [numerator: bigint, denominator: bigint] {
  const [numerator, denominator] = (VULGAR_FRACTIONS[glyph] as string).split('}{');
  return [BigInt(numerator as string), BigInt(denominator as string)];
}

function plainFractions(text: string): string {
  return text.replace(MIXED_OR_ALONE, (_match, sign: string, whole: string, glyph: string, alone: string) => {
    if (alone !== undefined) {
      const [numerator, denominator] = parts(alone);
      return `${numerator}/${denominator}`;
    }
    const [numerator, denominator] = parts(glyph);
    return `${sign}${BigInt(whole) * denominator + numerator}/${denominator}`;
  });
}

/**
 * Whether the text may hold any of the spellings: `includes` for the ASCII ones and the glyph
 * pattern only once the text holds a character beyond ASCII, as every glyph is. `cent` rather than
 * ` cent` (a superset: "percent" passes, and withPlainNumbers looks again): a search whose first
 * character is a space stops at every word, 0.37 µs on GSM8K tails against 0.11 µs; the signed
 * currencies only where a `$` is (one search, 0.04 µs).
 */
function mayHoldSpelling(text: string): boolean {
  return (
    text.includes('{,}') ||
    text.includes('cent') ||
    (text.includes('$') && (text.includes('-$') || text.includes('-\\$') || text.includes('\u2212'))) ||
    (beyondAscii(text) && GLYPH.test(text))
  );
}
/**
 * Only the tail is tested: these spellings matter to the last-number fallback, which reads the end
 * (a stated or boxed answer is normalized anyway, glyphs and `{,}` included).
 */
const TAIL_CHARS = 400;

/** The response with these spellings in plain digits (itself when its tail has none: the common case). */
export function withPlainNumbers(response: string): string {
  if (!mayHoldSpelling(response.length > TAIL_CHARS ? response.slice(-TAIL_CHARS) : response))
    return response;
  let text = response;
  if (GLYPH.test(text)) text = plainFractions(text);
  if (text.includes('-$') || text.includes('-\\$') || text.includes('\u2212'))
    text = text.replace(SIGNED_CURRENCY, '-');
  if (text.includes(' cent'))
    text = text.replace(
      DOLLARS_AND_CENTS,
      (_amount, dollars: string, cents: string) => `${dollars}.${cents.padStart(2, '0')} dollars`,
    );
  if (text.includes('{,}'))
    text = text
      .replace(BRACED_THOUSANDS, (grouped) => grouped.replaceAll('{,}', ','))
      .replace(BRACED_DECIMAL_COMMA, '$1.');
  return text;
}
