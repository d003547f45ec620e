import type { UnitScore } from './evaluator.js';

/**
 * The score fields of one prediction object, as the benchmarks' own tools write them, read into a
 * unit score (docs/eval.md, "Files of predictions"):
 * - `score` (a number or null) and `step_scores` (numbers or null), rewardkit's own;
 * - `step_labels` (booleans or 0/1, true = the step is valid);
 * - `prediction` (an integer, -1 for "no wrong step", or null when the judge gave no usable
 *   answer), as ProcessBench's `run_eval.py` writes it;
 * - `scores: {step_level_validity_scores, step_level_validity_labels, step_level_redundancy_labels}`
 *   and `validity`, as PRMBench's `mr_eval` writes its results.
 * A bad value is an error naming `where` and the field; NaN and Infinity arrive here as the strings
 * "NaN" and "Infinity" (see parseScoreLine) and are named as such.
 */
export function unitScoreFromFields(record: Readonly<Record<string, unknown>>, where: string): UnitScore {
  const fail = (field: string, value: unknown, expected: string): UnitScore => ({
    error: `${where}: field '${field}' is ${shown(value)}, not ${expected}`,
  });
  if (record['validity'] === false) {
    return {
      error: `${where}: field 'validity' is false (the model's output was invalid); PRMBench leaves it out`,
    };
  }
  const nested = record['scores'];
  const prm =
    nested !== null && typeof nested === 'object' && !Array.isArray(nested)
      ? (nested as Record<string, unknown>)
      : undefined;
  const pick = (own: string, theirs: string): [string, unknown] =>
    record[own] !== undefined || prm?.[theirs] === undefined
      ? [own, record[own]]
      : [`scores.${theirs}`, prm[theirs]];

  const score = record['score'];
  if (score !== undefined && score !== null && !finite(score)) return fail('score', score, 'a finite number');

  const [stepsField, steps] = pick('step_scores', 'step_level_validity_scores');
  let stepScores: (number | null)[] | undefined;
  if (steps !== undefined) {
    if (!Array.isArray(steps)) return fail(stepsField, steps, 'an array');
    const bad = steps.findIndex((step) => step !== null && !finite(step));
    if (bad >= 0) return fail(`${stepsField}[${bad}]`, steps[bad], 'a finite number');
    stepScores = steps as (number | null)[];
  }

  const labels: { stepLabels?: boolean[]; redundancyLabels?: boolean[] } = {};
  for (const [key, own, theirs] of [
    ['stepLabels', 'step_labels', 'step_level_validity_labels'],
    ['redundancyLabels', 'redundancy_labels', 'step_level_redundancy_labels'],
  ] as const) {
    const [field, value] = pick(own, theirs);
    if (value === undefined) continue;
    if (!Array.isArray(value)) return fail(field, value, 'an array');
    const bad = value.findIndex((label) => label !== true && label !== false && label !== 0 && label !== 1);
    if (bad >= 0) return fail(`${field}[${bad}]`, value[bad], 'a boolean (or 0/1)');
    labels[key] = value.map((label) => label === true || label === 1);
  }

  const prediction = record['prediction'];
  if (prediction !== undefined && prediction !== null && !Number.isInteger(prediction))
    return fail('prediction', prediction, 'an integer step index (-1 for none) or null');

  const overall = finite(score) ? (score as number) : stepScores === undefined ? null : minOf(stepScores);
  return {
    score: overall,
    ...(stepScores === undefined ? {} : { stepScores }),
    ...labels,
    ...(prediction === undefined ? {} : { prediction: prediction as number | null }),
  };
}

/**
 * The unit scores one prediction line gives: a RewardBench pair (`scores_chosen`, `scores_rejected`)
 * gives `<id>:chosen` and `<id>:rejected`; a RewardBench 2 answer list (`scores` as an array,
 * correct answers first) gives `<id>:0`, `<id>:1`, ...; any other line gives its own id.
 * A saved score may be a one-element list (`[x]`).
 */
export function scoreEntriesOfLine(
  id: string,
  record: Readonly<Record<string, unknown>>,
  where: string,
): { id: string; score: UnitScore }[] {
  const saved = (field: string, value: unknown): UnitScore => {
    const number = Array.isArray(value) && value.length === 1 ? value[0] : value;
    return finite(number)
      ? { score: number as number }
      : { error: `${where}: field '${field}' is ${shown(value)}, not a finite number` };
  };
  if (record['scores_chosen'] !== undefined || record['scores_rejected'] !== undefined) {
    return [
      { id: `${id}:chosen`, score: saved('scores_chosen', record['scores_chosen']) },
      { id: `${id}:rejected`, score: saved('scores_rejected', record['scores_rejected']) },
    ];
  }
  const list = record['scores'];
  if (Array.isArray(list))
    return list.map((value, index) => ({ id: `${id}:${index}`, score: saved(`scores[${index}]`, value) }));
  return [{ id, score: unitScoreFromFields(record, where) }];
}

/** The id of a prediction object: `id`, or `idx` as PRMBench's results name it; an integer id is its decimal string. */
export function predictionIdOf(record: Readonly<Record<string, unknown>>): string | undefined {
  const id = record['id'] ?? record['idx'];
  if (typeof id === 'number' && Number.isInteger(id)) return String(id);
  return typeof id === 'string' && id !== '' ? id : undefined;
}

const finite = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
/** How a bad value reads in a message: NaN and Infinity as written, anything else as JSON. */
const shown = (value: unknown) =>
  typeof value === 'string' && /^(?:-?Infinity|NaN)$/.test(value) ? value : JSON.stringify(value);

const minOf = (scores: readonly (number | null)[]) => {
  const decided = scores.filter((score): score is number => score !== null);
  return decided.length === 0 ? null : Math.min(...decided);
};
