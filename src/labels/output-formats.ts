import type { LabelProblem, LabelResult } from './types.js';

/**
 * TRL's stepwise-supervision format: `prompt`, `completions` (the steps) and `labels` (one bool
 * per step). Unlabelled steps (after OmegaPRM's first error) are cut, as TRL needs one label each.
 */
export function trlStepwiseLine(problem: LabelProblem, result: LabelResult): Record<string, unknown> {
  const kept = result.labels.findIndex((label) => label.label === null);
  const end = kept < 0 ? result.labels.length : kept;
  return {
    prompt: problem.prompt,
    completions: problem.steps.slice(0, end),
    labels: result.labels.slice(0, end).map((label) => label.label === true),
  };
}

/** Math-Shepherd's step-tag format: each step followed by ` ки` in `input`, by ` +`/` -` in `label`. */
export function mathShepherdLine(problem: LabelProblem, result: LabelResult): Record<string, unknown> {
  const end = (() => {
    const index = result.labels.findIndex((label) => label.label === null);
    return index < 0 ? result.labels.length : index;
  })();
  const steps = problem.steps.slice(0, end);
  return {
    input: `${problem.prompt} ${steps.map((step) => `${step} ки`).join('\n')}`,
    label: `${problem.prompt} ${steps.map((step, index) => `${step} ${result.labels[index]?.label ? '+' : '-'}`).join('\n')}`,
  };
}
