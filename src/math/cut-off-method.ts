/**
 * After its boxed answer a model often starts a second method ("Alternatively, we can simplify the
 * expression before calculating the square root: 1. ...") and runs out of tokens inside it. The
 * hedge check read the passage as an offered alternative and took its last value, an intermediate
 * step of the unfinished method (`2(15) +`), so the committed answer scored 0. A passage that
 * opens an alternative *method* ("Alternatively, we can / let's / using ..."), is long (a dozen
 * words at least), states no answer (no box, no "answer"), is cut off (it does not end a
 * sentence or a formula), carries no doubt or revision ("should be", "instead", "maybe") and brings
 * no number of its own (each one appears in the response before it: a restatement of the work)
 * offers no value. "Alternatively, we can ... which gives 24 when ..." after `\boxed{23}` names a
 * second value and stays a hedge (review round). A short or complete alternative ("Alternatively, we can
 * get 50.", "Or maybe 50") is still read for its value.
 *
 * Seen in thaotnguyen/thinking-llms-interp (hybrid/results/benchmark_results_qwen2.5-14b_math500.json,
 * hybrid column: "the value of 6x + 5 is \boxed{23}. Alternatively, we can find the value of 6x + 5
 * directly ... = 2(15) +").
 */
import { isUncommittedCutOff, restatesNumbers, wordCount } from './cut-off-passage.js';

const METHOD_OPENING =
  /^alternatively,?\s+(?:(?:we|one|you|i)\s+(?:can|could|may|might|will|would)|let(?:'s|’s|\s+us|\s+me)|using|by)\b/i;
const MIN_WORDS = 12;

/**
 * Whether `passage` (from its first word of alternative to the end of the response) is a cut-off
 * method; `before` is the response before it.
 */
export function isCutOffMethod(passage: string, before: string): boolean {
  if (!METHOD_OPENING.test(passage) || !isUncommittedCutOff(passage) || /\bor\b/i.test(passage)) return false;
  return wordCount(passage) >= MIN_WORDS && restatesNumbers(passage, before);
}
