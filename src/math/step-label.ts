/**
 * The number of a step label at the start of a line (`Step 5:`, `Step 12.`) counts steps; it is
 * not a value the solution arrived at. Solutions written step by step (PRM data, Math-Shepherd and
 * MR-GSM8K formats) often end on a step with no number in it ("Step 5: print(total_days)", "Step
 * 6: Choice C matches this result."), and the last-number fallback then read the step's number:
 * against gold 5, "Step 5:" scored 1. The fallback skips such labels and reads the number before.
 *
 * Seen in MR-GSM8K (dvlab-research/MR-GSM8K eval_results/gpt4-grading, program-of-thought rows:
 * "Step 5: print(total_days)" against gold 5).
 */
const STEP_WORD = /(?:^|\n)[ \t*#>-]*step[ \t]*$/i;
const AFTER_LABEL = /^[ \t]*[:.)]/;

/** Whether the number at [start, end) of the text is a step label's number. */
export function isStepLabel(text: string, start: number, end: number): boolean {
  if (!AFTER_LABEL.test(text.slice(end, end + 4))) return false;
  return STEP_WORD.test(text.slice(Math.max(0, start - 12), start));
}
