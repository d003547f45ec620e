/**
 * An answer sentence may open with a lead-in before its value: "Answer: On average, they ate 45
 * fruit roll-ups each.", "Answer: If Bill puts all the baked goods end to end, they will be 280
 * feet long.", "The maximum number of boxes that can be loaded while not exceeding the limit is
 * 83 boxes.". The answer phrase stops at a new clause (", they", ", she", "while", "so" ...), which
 * holds when the value came first ("18, because ..."). When the part before the break is plain
 * words and holds no value at all (no digit, no math, no number word, no single letter such as an
 * option or a variable, but for the article "a" before a word), it is a lead-in, and the phrase
 * goes on past it; the checks of any prose answer then read it (several values, a qualifier).
 *
 * Seen in thaotnguyen/thinking-llms-interp (hybrid/results/benchmark_results_qwen2.5-32b_gsm8k.json,
 * Qwen2.5-32B base outputs: "Answer: On average, they ate 45 fruit roll-ups each.").
 */
import { NUMBER_WORD } from './number-words.js';

/** Whether `before` (the phrase up to a clause break) is a lead-in that holds no value. */
export function isLeadIn(before: string): boolean {
  const words = before.trim().split(/\s+/);
  // The article "a" before another word ("The price of a bag after 36 months is $92") is a word.
  const isWord = (word: string, index: number) =>
    /^[A-Za-z][A-Za-z'’-]*[a-z][,;:]?$/.test(word) || (word === 'a' && index < words.length - 1);
  if (!words.every(isWord)) return false;
  return !NUMBER_WORD.test(before);
}
