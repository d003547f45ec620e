/**
 * DSPy's chat adapter has a model write each output field of a signature after a marker of its own,
 * `[[ ## reasoning ## ]]`, `[[ ## final_answer ## ]]`, and close with `[[ ## completed ## ]]`; a
 * DSPy program (and its GRPO optimiser) hands the reward the raw completion. The field whose name
 * holds "answer" is the answer: its last occurrence, up to the next marker, read as the response
 * when it holds a letter or digit. Before, the reasoning field was read too, and a rejected
 * option's value in it (`\frac{14}{3}-\sqrt{3}`), a bond length ("159 pm") or an earlier
 * "Answer: √(5/2)" was taken for the answer the field states (`B,C`, `(C)`): real outputs round 21,
 * seven models on JEE Advanced 2025 through DSPy (naveenreddy61/jeeadv2025-benchmark).
 */

/** A field marker: `[[ ## name ## ]]`. */
const FIELD_MARKER = /\[\[ ## (\w{1,40}) ## \]\]/g;
/** A letter or a digit: a field that says something. */
const CONTENT = /[\p{L}\p{N}]/u;

/** The content of the response's last answer field, or the response when it has none that says something. */
export function dspyAnswerText(response: string): string {
  if (!response.includes('[[ ## ')) return response;
  let answer: string | undefined;
  let open: { name: string; end: number } | undefined;
  for (const marker of response.matchAll(FIELD_MARKER)) {
    if (open !== undefined && /answer/i.test(open.name)) answer = response.slice(open.end, marker.index);
    open = { name: marker[1] as string, end: marker.index + marker[0].length };
  }
  if (open !== undefined && /answer/i.test(open.name)) answer = response.slice(open.end);
  return answer !== undefined && CONTENT.test(answer) ? answer.trim() : response;
}
