import type { z } from 'zod';
import type { ComputeLedger, Policy, SearchProblem } from '../search/index.js';

/** A problem with a reference answer and a solution split into steps, to be labelled. */
export interface LabelProblem extends SearchProblem {
  steps: string[];
}

/** One step's label: hard (good or not), the Monte Carlo value behind it, and the rollouts spent. */
export interface StepLabel {
  /** True when the step is good; null when the method leaves it unlabelled (after the first error). */
  label: boolean | null;
  /** The method's soft value: fraction of rollouts that reached the answer, or the progress. */
  value: number | null;
  rollouts: number;
}

export interface LabelResult {
  problemId: string | number;
  method: string;
  labels: StepLabel[];
  rollouts: number;
}

export interface LabelContext {
  policy: Policy;
  ledger: ComputeLedger;
  seed: number;
  /** A second policy for `progress` (the prover); the policy itself when not given. */
  prover?: Policy | undefined;
}

/** A labelling method: one file each, one signature. */
export interface LabelMethod<Options = unknown> {
  readonly name: string;
  readonly description: string;
  readonly optionsSchema: z.ZodType<Options>;
  label(problem: LabelProblem, options: Options, context: LabelContext): Promise<LabelResult>;
}

export function defineLabelMethod<Options>(method: LabelMethod<Options>): LabelMethod<unknown> {
  return method as unknown as LabelMethod<unknown>;
}
