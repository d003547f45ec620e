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
