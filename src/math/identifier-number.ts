/**
 * A number written after `#` in prose names something ("horse #12", "item #3"); it is not a
 * quantity. When the sentence that ends a response also holds a quantity before it ("16 people
 * think that horse #12 will win the big race."), that quantity is the answer the last-number
 * fallback wants, not the identifier. An identifier alone in its sentence ("The winner is horse
 * #12.") stays the answer: it may be what the question asks for. `####` (GSM8K's answer marker)
 * and `##` (markdown) are not identifiers.
 *
 * Seen in ToRA's GSM8K outputs (microsoft/ToRA src/outputs/llm-agents/tora-70b-v1.0/gsm8k,
 * question 760).
 */

/** Characters that end a sentence between the quantity and the identifier. */
const SENTENCE_END = /[.!?\n]\s/;

/**
 * Whether the number at `start` is an identifier (`#12`) with an earlier number in its sentence;
 * `earlier` is where that earlier number ends.
 */
export function isIdentifierAfterQuantity(text: string, start: number, earlier: number): boolean {
  if (text[start - 1] !== '#' || text[start - 2] === '#') return false;
  return earlier >= 0 && !SENTENCE_END.test(text.slice(earlier, start - 1));
}
