/**
 * PRMBench's step-level metrics, computed as its own evaluation code computes them
 * (github.com/ssmisya/PRMBench @a1ae4ea: `mr_eval/tasks/prmtest_classified/task.py`,
 * `eval_on_hallucination_step` and `evaluate_function`; PRMScore in
 * `mr_visualize/eval_res_view/draw_tabs/form_latex_strs.ipynb`, `get_prmscore_from_current_res_dict`).
 * Paper: "PRMBench: A Fine-grained and Challenging Benchmark for Process-Level Reward Models"
 * (Song et al., 2025, arXiv:2501.03124).
 */

/** Step-level confusion with CORRECT steps as positives: TP a correct step judged valid, FP an error step judged valid, TN an error step judged invalid, FN a correct step judged invalid. */
export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

export const emptyConfusion = (): Confusion => ({ tp: 0, fp: 0, tn: 0, fn: 0 });

export function addConfusion(into: Confusion, add: Confusion): Confusion {
  into.tp += add.tp;
  into.fp += add.fp;
  into.tn += add.tn;
  into.fn += add.fn;
  return into;
}

/** Confusion of one process: `valid[i]` is the model's label of step i; `errorSteps` are 0-based. */
export function processConfusion(errorSteps: readonly number[], valid: readonly boolean[]): Confusion {
  const errors = new Set(errorSteps);
  const confusion = emptyConfusion();
  valid.forEach((isValid, index) => {
    if (errors.has(index)) {
      if (isValid) confusion.fp++;
      else confusion.tn++;
    } else if (isValid) confusion.tp++;
    else confusion.fn++;
  });
  return confusion;
}

/** PRMBench's undefined-ratio sentinel: a ratio with a zero denominator is -1 in its code. */
const ratio = (part: number, whole: number) => (whole === 0 ? -1 : part / whole);
const harmonic = (precision: number, recall: number) =>
  precision + recall === 0 ? -1 : (2 * precision * recall) / (precision + recall);

/**
 * F1 with correct steps as positives: P = TP/(TP+FP), R = TP/(TP+FN), F1 = 2PR/(P+R).
 * As in PRMBench's code, an undefined P or R is -1 and an undefined F1 (P+R = 0) is -1.
 */
export function positiveF1(c: Confusion): number {
  return harmonic(ratio(c.tp, c.tp + c.fp), ratio(c.tp, c.tp + c.fn));
}

/** Negative F1 (error steps as positives): P = TN/(TN+FN), R = TN/(TN+FP), F1 = 2PR/(P+R); -1 when undefined. */
export function negativeF1(c: Confusion): number {
  return harmonic(ratio(c.tn, c.tn + c.fn), ratio(c.tn, c.tn + c.fp));
}

/** The class with no erroneous steps, scored by F1 alone in PRMBench. */
export const F1_ONLY_CLASSES: ReadonlySet<string> = new Set(['multi_solutions']);

/**
 * PRMScore = 0.5 * F1 + 0.5 * F1_neg (the paper's w1 = w2 = 0.5), for a class in F1_ONLY_CLASSES
 * just F1, floored at 0 (PRMBench's table code: `prm_score if prm_score > 0 else 0`, which also
 * turns its -1 sentinels into 0).
 */
export function prmScore(c: Confusion, classification?: string): number {
  const score =
    classification !== undefined && F1_ONLY_CLASSES.has(classification)
      ? positiveF1(c)
      : 0.5 * positiveF1(c) + 0.5 * negativeF1(c);
  return Math.max(score, 0);
}

/** PRMBench's three groups of error classes and their display names. */
export const PRMBENCH_GROUPS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  simplicity: { redundency: 'NR.', circular: 'NCL.' },
  soundness: {
    counterfactual: 'ES.',
    step_contradiction: 'SC.',
    domain_inconsistency: 'DC.',
    confidence: 'CI.',
  },
  sensitivity: { missing_condition: 'PS.', deception: 'DR.', multi_solutions: 'MS.' },
};

export interface PrmBenchSummary {
  /** PRMScore over all classes but `correct` (PRMBench leaves the untouched solutions out of the total). */
  overall: number;
  overallConfusion: Confusion;
  byClass: Record<string, { confusion: Confusion; f1: number; negativeF1: number; prmScore: number }>;
  /** Mean PRMScore of the classes of each group present. */
  byGroup: Record<string, number>;
}

/** Summarizes per-class confusions as PRMBench's tables do. */
export function summarizePrmBench(byClass: ReadonlyMap<string, Confusion>): PrmBenchSummary {
  const overallConfusion = emptyConfusion();
  const classes: PrmBenchSummary['byClass'] = {};
  for (const [classification, confusion] of byClass) {
    if (classification !== 'correct') addConfusion(overallConfusion, confusion);
    classes[classification] = {
      confusion,
      f1: positiveF1(confusion),
      negativeF1: negativeF1(confusion),
      prmScore: prmScore(confusion, classification),
    };
  }
  const byGroup: Record<string, number> = {};
  for (const [group, members] of Object.entries(PRMBENCH_GROUPS)) {
    const scores = Object.keys(members)
      .filter((name) => classes[name] !== undefined)
      .map((name) => classes[name]?.prmScore as number);
    if (scores.length > 0) byGroup[group] = scores.reduce((sum, value) => sum + value, 0) / scores.length;
  }
  return { overall: prmScore(overallConfusion), overallConfusion, byClass: classes, byGroup };
}
