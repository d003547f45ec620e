/**
 * A model caught in a loop repeats its boxed answer until the token limit cuts the last box
 * (`\boxed{168}\n\boxed{168}\n\boxed{16`). A response cut inside its last box states no answer
 * (`\boxed{3` of `\boxed{35}` could be anything), except when the cut box repeats the boxes before
 * it: at least two complete boxes, all the same, and the cut one's content so far a beginning of
 * theirs. The response is then read without the cut box (its repeated answer). Boxes that differ
 * (`\boxed{5} \boxed{6} \boxed{`) or a cut content that departs from them (`\boxed{17`) keep the
 * "no answer" reading, and so does a cut box after words ("\\boxed{168} or maybe \\boxed{1": a loop
 * writes nothing between its boxes but spaces and punctuation; review round).
 *
 * Seen in thaotnguyen/thinking-llms-interp (hybrid/results/benchmark_results_qwen2.5-14b_math500.json
 * and benchmark_results_qwen2.5-math-1.5b_gsm8k.json, hybrid column: `\boxed{29}` repeated until cut).
 */
import { findClosingBrace } from './braces.js';

const BOX = /\\(?:boxed|fbox)\s*\{/g;
const MIN_REPEATS = 2;
/** What a loop writes between two boxes: spaces, punctuation, `$` (no word: "or \\boxed{16"). */
const LOOP_GAP = /^[\s$.,;:*\\[\]()]*$/;

/** The text before a cut box that repeats the complete boxes before it, else undefined. */
export function beforeCutRepeatedBox(text: string): string | undefined {
  const contents: string[] = [];
  let cutAt = -1;
  let cutContent = '';
  let lastClose = -1;
  for (const match of text.matchAll(BOX)) {
    const open = match.index + match[0].length - 1;
    const close = findClosingBrace(text, open);
    if (close < 0) {
      cutAt = match.index;
      cutContent = text.slice(open + 1).trim();
      break;
    }
    contents.push(text.slice(open + 1, close).trim());
    lastClose = close;
  }
  if (cutAt < 0 || contents.length < MIN_REPEATS || cutContent === '') return undefined;
  const value = contents[contents.length - 1] as string;
  if (!contents.every((content) => content === value) || !value.startsWith(cutContent)) return undefined;
  if (!LOOP_GAP.test(text.slice(lastClose + 1, cutAt))) return undefined;
  return text.slice(0, cutAt);
}
