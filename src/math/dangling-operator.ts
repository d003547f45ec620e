/**
 * A response cut off in the middle of an expression (the generation hit its token limit) states
 * no answer: its last number is an operand of an operator that has no right side yet (`... + 1/71
 * + 1/`, `= 2 \times`), not a value the response arrived at. The last-number fallback asks this
 * before it reads such a number. `+` and `-` count only with a space before them, so `40+` ("40 or
 * more") stays the hedge that hedged-answer.ts names.
 *
 * Seen in TheoremQA's error analysis (wenhuchen/TheoremQA error_analysis/alpaca_errors.json,
 * mingyin/series2: a sum written out until the limit, ending `1/71 + 1/`).
 */
const DANGLING_OPERATOR = /^\s*(?:[/*=×÷^]|\s[+-]|\\(?:cdot|times|div)(?![A-Za-z]))\s*$/;

/** Longest tail (characters) that can hold a dangling operator and its white space. */
const MAX_TAIL = 24;

/** Whether the text after `end` (the end of the last number) is only an operator left open. */
export function endsInDanglingOperator(text: string, end: number): boolean {
  if (text.length - end > MAX_TAIL || end >= text.length) return false;
  return DANGLING_OPERATOR.test(text.slice(end));
}
