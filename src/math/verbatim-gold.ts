import { equal, type Verdict } from './verdict.js';

/** Whitespace-collapsed responses longer than this are not compared as a whole with the gold. */
const MAX_VERBATIM_CHARS = 2_000;

/**
 * A response that is the gold answer itself, written the same way (spaces aside), states that
 * answer: `odd $n$` for a gold `odd $n$`, `2 cm` for a gold `2cm`, or `$\lfloor\varphi n\rfloor$, where ...` copied whole,
 * even where the extractors would take a fragment of it (`n`, `2`). Undefined otherwise. Asked
 * only after the ordinary reading found the two unequal, so it changes nothing that reading gets
 * right and costs one string comparison there.
 */
export function verbatimGold(gold: string, response: string): Verdict | undefined {
  // O(1) first: a response much longer than the gold is not the gold with some spaces more.
  if (response.length > MAX_VERBATIM_CHARS * 2 || response.length > 2 * gold.length + 16) return undefined;
  // A space between a number and the letters after it changes nothing: `2 cm` is `2cm`.
  const collapse = (text: string) =>
    text
      .trim()
      .replace(/\s+/g, ' ')
      .replace(/(\d) (?=[A-Za-z])/g, '$1');
  const written = collapse(response);
  if (written === '' || written.length > MAX_VERBATIM_CHARS || written !== collapse(gold)) return undefined;
  return equal('verbatim', 'the response is the gold answer, written the same way');
}

/** A leading word of prose (a capital, two lowercase letters or more, then a space). */
const LEADING_WORD = /^[A-Za-z][a-z]{2,}\s/;

/**
 * An answer in words read the same as the gold but for the capital that starts a sentence:
 * "Final answer: All integers $k \geq 2$." against a gold `all integers k ≥ 2` (both normalized
 * to `all integers k \ge 2` but for its first letter), which no comparison decides (a relation
 * whose sides are prose). Asked only when the reading is undecidable; the rest of the two
 * normalized forms must be the same text, so "All integers k ≥ 2 or k = 1" is not it. Seen in
 * mathnet_eval's grading tests (code index file 52940437359).
 */
export function verbatimUpToCapital(
  goldNormalized: string | undefined,
  predNormalized: string | undefined,
): Verdict | undefined {
  if (goldNormalized === undefined || predNormalized === undefined) return undefined;
  if (goldNormalized.length !== predNormalized.length || goldNormalized === predNormalized) return undefined;
  if (!LEADING_WORD.test(goldNormalized) || !LEADING_WORD.test(predNormalized)) return undefined;
  if (goldNormalized.slice(1) !== predNormalized.slice(1)) return undefined;
  if (goldNormalized[0]?.toLowerCase() !== predNormalized[0]?.toLowerCase()) return undefined;
  return equal('verbatim', 'the response is the gold answer, written the same way but for a capital');
}
