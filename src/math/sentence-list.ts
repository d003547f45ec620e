/**
 * An answer sentence with "and" between names ("Jenna and her mom picked a total of 30 apples")
 * is normalised into a comma list ("Jenna, her mom picked ..."), and the list was compared with
 * the number gold as a list: 0. A list with an item of prose (two words of letters in a row) is a
 * sentence, not a list of values: it is read as prose, for its last number, with the phrase checks
 * of any prose answer (several values, a qualifier).
 *
 * Seen in thaotnguyen/thinking-llms-interp (hybrid/results/benchmark_results_qwen2.5-32b_gsm8k.json,
 * Qwen2.5-32B base outputs: "Answer: Jenna and her mom picked a total of 30 apples.").
 */
import type { MathValue } from './value.js';

const TWO_WORDS = /[A-Za-z]{3,}\s+[A-Za-z]{2,}/;

/** Whether the value is a list one of whose items is prose. */
export function isSentenceList(value: MathValue | undefined): boolean {
  if (value?.kind !== 'list') return false;
  return value.items.some(
    (item) =>
      (item.kind === 'text' || item.kind === 'expression') &&
      TWO_WORDS.test(item.text.replace(/\\[A-Za-z]+/g, ' ')),
  );
}
