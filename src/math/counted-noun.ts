/**
 * A number word that counts something the question named ("Each of the three friends paid $34",
 * "370 activities in the two days", "4 bags of oats to feed his four horses") is not a second
 * value offered for the answer. The several-values check of an answer sentence read "three" as a
 * rival of 34 and the response scored 0. Such a word is skipped when a noun follows it and no word
 * of alternative precedes it ("or forty", "maybe forty"), and its noun differs from the answer's
 * own ("45 apples, forty apples" still offers two values for the apples). A word right after a comma
is a list item whatever follows it ("4, five bags" offers 4 and 5; review round).
 *
 * Seen in thaotnguyen/thinking-llms-interp (hybrid/results/benchmark_results_qwen2.5-32b_gsm8k.json,
 * Qwen2.5-32B base outputs: "Answer: Each of the three friends paid $34.").
 */
import { parseNumberWords } from './number-words.js';

const ALTERNATIVE_BEFORE =
  /\b(?:or|nor|maybe|perhaps|possibly|probably|not|either|than|about|approximately|roughly|say)\W*$/i;
/** A value right after a comma or semicolon is a list item ("4, five bags"), not a count. */
const LIST_ITEM_BEFORE = /[,;]\s*$/;
const LINK_WORDS =
  /^(?:or|and|to|maybe|perhaps|possibly|probably|not|than|of|more|less|fewer|times|percent)$/i;

/** The first word of letters in `text`, lower-cased, or undefined. */
function firstWord(text: string): string | undefined {
  return /^[\s-]*([A-Za-z]+)/.exec(text)?.[1]?.toLowerCase();
}

/**
 * Whether the number word at [start, end) of `phrase` counts a named object. `answerNoun` is the
 * word after the answer's own number (undefined when none follows it).
 */
export function countsNamedObject(
  phrase: string,
  start: number,
  end: number,
  answerNoun: string | undefined,
): boolean {
  const noun = firstWord(phrase.slice(end));
  if (noun === undefined || LINK_WORDS.test(noun) || parseNumberWords(noun) !== undefined) return false;
  if (noun === answerNoun) return false;
  const before = phrase.slice(Math.max(0, start - 24), start);
  return !ALTERNATIVE_BEFORE.test(before) && !LIST_ITEM_BEFORE.test(before);
}

/** The word after the number at `end` of `phrase` (the answer's noun), or undefined. */
export function nounAfter(phrase: string, end: number): string | undefined {
  return firstWord(phrase.slice(end).replace(/^[\s$%]*/, ' '));
}
