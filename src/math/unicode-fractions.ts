import { VULGAR_FRACTIONS } from './normalize.js';

/**
 * Unicode fraction glyphs in prose (`2½ cups`, `2 ½ cups`, `½ cup`, `1¾`) written as plain
 * fractions the extractors read whole: `5/2`, `1/2`, `7/4`. A digit right before the glyph, or
 * one space between, makes a mixed number (`2 ½` is 2.5: a list would have a comma); the value is
 * unchanged, so the rewrite is applied to the whole response before extraction. Without it the
 * last-number fallback read `2½` as 2.
 *
 * A glyph right after a number that cannot be a mixed number's whole part (`3.2½`, `1,5½`, a whole of
 * over 12 digits) is left as it is: written as `1/2` it would join that number's digits
 * (`3.21/2`) and make a value the response never wrote.
 */

/** The glyphs normalize.ts reads in answers, so that both know the same ones. */
const GLYPHS = `[${Object.keys(VULGAR_FRACTIONS).join('')}]`;
const GLYPH = new RegExp(GLYPHS);
const MIXED_OR_ALONE = new RegExp(
  `(?<![\\d.,])(-?)(\\d{1,12})[ \\u00a0]?(${GLYPHS})|(?<!\\d)(${GLYPHS})`,
  'g',
);

function parts(glyph: string): [numerator: bigint, denominator: bigint] {
  const [numerator, denominator] = (VULGAR_FRACTIONS[glyph] as string).split('}{');
  return [BigInt(numerator as string), BigInt(denominator as string)];
}

/** The response with its fraction glyphs as `n/d` (mixed numbers as improper fractions). */
export function withPlainFractions(response: string): string {
  if (!GLYPH.test(response)) return response;
  return response.replace(
    MIXED_OR_ALONE,
    (_match, sign: string, whole: string, glyph: string, alone: string) => {
      if (alone !== undefined) {
        const [numerator, denominator] = parts(alone);
        return `${numerator}/${denominator}`;
      }
      const [numerator, denominator] = parts(glyph);
      return `${sign}${BigInt(whole) * denominator + numerator}/${denominator}`;
    },
  );
}
