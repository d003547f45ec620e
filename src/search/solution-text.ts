/** Steps are separated by a blank line, as in search-and-learn and the reference world. */
export const STEP_SEPARATOR = '\n\n';

/** The text a policy continues: the steps so far, each followed by the separator. */
export function prefixOf(steps: readonly string[], partialStep = ''): string {
  return steps.length === 0 ? partialStep : `${steps.join(STEP_SEPARATOR)}${STEP_SEPARATOR}${partialStep}`;
}

/** A whole solution's text. */
export function solutionText(steps: readonly string[]): string {
  return steps.join(STEP_SEPARATOR);
}

/** Splits generated text into steps (blank lines), dropping empty pieces. */
export function splitSteps(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((step) => step.trim())
    .filter((step) => step !== '');
}
