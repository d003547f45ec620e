import { NUMBER_WORD } from './number-words.js';

/**
 * An answer sentence may state its value before the verb: "Answer: 45 fairies are remaining.",
 * "Answer: 500 pieces are left to be placed.". The answer-phrase reading keeps what follows the
 * last "is/are/was/equals" ("The largest $n$ is 34" keeps 34), which here is words only
 * ("remaining"), and the response scored 0. When what follows the verb holds no value (no digit,
 * no math) and what precedes it does, the value is before the verb: the phrase keeps that part
 * ("45 fairies"), and the hedge checks read it as any other phrase ("5 or 6 pieces are left" stays
 * a hedge). Only when what follows the verb is plain words that neither negate, doubt nor offer
 * another value ("45 fairies are not remaining", "are remaining, not sure", "are remaining or
 * forty six" keep the reading after the verb; review round).
 *
 * Seen in thaotnguyen/thinking-llms-interp (hybrid/results/benchmark_results_qwen2.5-32b-on-deepseek-r1-distill-qwen-32b_gsm8k.json,
 * base and hybrid columns: "Answer: 45 fairies are remaining.").
 */
const VALUE = /[\d\\$]/;
/** Words after the verb that negate, doubt or offer an alternative. */
const UNSURE =
  /\b(?:not|no|never|or|maybe|perhaps|possibly|probably|might|guess|unsure|sure|approximately|about|around|roughly|nearly|almost)\b/i;

/** The part before the verb when it alone holds the value, else undefined. */
export function valueBeforeVerb(before: string, after: string): string | undefined {
  if (!VALUE.test(before) || VALUE.test(after)) return undefined;
  return UNSURE.test(after) || NUMBER_WORD.test(after) ? undefined : before;
}
