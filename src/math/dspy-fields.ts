/**
 * DSPy's chat adapter has a model write each output field of a signature after a marker of its own,
 * `[[ ## reasoning ## ]]`, `[[ ## final_answer ## ]]`, and close with `[[ ## completed ## ]]`; a
 * DSPy program (and its GRPO optimiser) hands the reward the raw completion. The answer field
 * (`answer`, `final_answer`, `short_answer`, `numerical_answer`), up to the next marker, is read as
 * the response when it holds a letter or digit; two that differ state no answer, and fields such as
 * `previous_answer` or `answer_units` are no answer field (red team of stop 44). Before, the reasoning field was read too, and a rejected
 * option's value in it (`\frac{14}{3}-\sqrt{3}`), a bond length ("159 pm") or an earlier
 * "Answer: √(5/2)" was taken for the answer the field states (`B,C`, `(C)`): real outputs round 21,
 * seven models on JEE Advanced 2025 through DSPy (naveenreddy61/jeeadv2025-benchmark).
 */
import { hasLetterOrDigit } from '../core/text.js';

/** A field marker: `[[ ## name ## ]]`. */
const FIELD_MARKER = /\[\[ ## (\w{1,40}) ## \]\]/g;
/** The names of a signature's answer field (not `previous_answer`, `answer_units`, `answer_confidence`). */
const ANSWER_FIELD = /^(?:(?:final|short|numerical|numeric)_)?answer$/i;

/**
 * The content of the response's answer field, or the response when it has none that says
 * something; nothing when two answer fields say different things (two answers offered).
 */
export function dspyAnswerText(response: string): string {
  if (!response.includes('[[ ## ')) return response;
  const answers = new Set<string>();
  let open: { name: string; end: number } | undefined;
  const close = (until: number) => {
    if (open === undefined || !ANSWER_FIELD.test(open.name)) return;
    const content = response.slice(open.end, until).trim();
    if (hasLetterOrDigit(content)) answers.add(content);
  };
  for (const marker of response.matchAll(FIELD_MARKER)) {
    close(marker.index);
    open = { name: marker[1] as string, end: marker.index + marker[0].length };
  }
  close(response.length);
  if (answers.size > 1) return '';
  const [answer] = answers;
  return answer ?? response;
}
