/**
 * A reasoning model that runs out of tokens after its thinking: the thinking ends with its answer
 * (`**Final Answer** ... \boxed{78}` then `</think>`), and the summary that follows is cut off
 * mid-sentence or mid-formula ("Given a set of cards: - There are 15 red cards. - Green cards are
 * 60%"). That summary states no answer; the last-number fallback read one of the problem's givens
 * from it (a guess that may even match the gold). The committed answer is the thinking's boxed
 * one, so the verifier reads the thinking instead — only when the summary:
 * - states no answer (no box, no "answer");
 * - is cut off (it does not end a sentence or a formula);
 * - carries no doubt or revision ("maybe", "not sure", "wait", "actually", "should be" ...);
 * - brings no value of its own: each of its numbers appears in the thinking (a restatement of
 *   the work), and a number comes with a few words (a bare "43" after the tag is a reply);
 * and the thinking boxed an answer. The thinking is then read as any response (its several boxes,
 * hedges and ruled-out values as anywhere). A complete reply after the tag ("I'm not sure.") is
 * still the answer text (reasoning-block.ts).
 *
 * Seen in thaotnguyen/thinking-llms-interp (hybrid/results/benchmark_results_qwen2.5-32b_gsm8k.json
 * and benchmark_results_qwen2.5-14b_math500.json, QwQ-32B and DeepSeek-R1-Distill-Qwen-14B outputs
 * stopped at a token limit after `</think>`).
 */
import { isUncommittedCutOff, numbersIn, restatesNumbers, wordCount } from './cut-off-passage.js';

/** Fewer words than this around a number is a reply stating a value ("43", "The total is 79"). */
const MIN_WORDS_WITH_NUMBER = 4;

/** Whether `summary` (the text after `</think>`) is a cut-off summary and `thinking` boxed an answer. */
export function isCutOffSummary(summary: string, thinking: string): boolean {
  if (!(thinking.includes('\\boxed') || thinking.includes('\\fbox'))) return false;
  if (!isUncommittedCutOff(summary)) return false;
  if (numbersIn(summary).length === 0) return true;
  if (wordCount(summary) < MIN_WORDS_WITH_NUMBER) return false;
  // A restatement of the work brings no value of its own.
  return restatesNumbers(summary, thinking);
}
