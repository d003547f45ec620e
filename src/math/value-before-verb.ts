/**
 * An answer sentence may state its value before the verb: "Answer: 45 fairies are remaining.",
 * "Answer: 500 pieces are left to be placed.". The answer-phrase reading keeps what follows the
 * last "is/are/was/equals" ("The largest $n$ is 34" keeps 34), which here is words only
 * ("remaining"), and the response scored 0. When what follows the verb holds no value (no digit,
 * no math) and what precedes it does, the value is before the verb: the phrase keeps that part
 * ("45 fairies"), and the hedge checks read it as any other phrase ("5 or 6 pieces are left" stays
 * a hedge).
 *
 * Seen in thaotnguyen/thinking-llms-interp (hybrid/results/benchmark_results_qwen2.5-32b-on-deepseek-r1-distill-qwen-32b_gsm8k.json,
 * base and hybrid columns: "Answer: 45 fairies are remaining.").
 */
const VALUE = /[\d\\$]/;

/** The part before the verb when it alone holds the value, else undefined. */
export function valueBeforeVerb(before: string, after: string): string | undefined {
  return VALUE.test(before) && !VALUE.test(after) ? before : undefined;
}
