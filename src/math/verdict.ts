import type { Budget } from './budget.js';
import type { MathVerifyOptions } from './options.js';

export type VerdictName = 'equal' | 'not_equal' | 'undecidable';

/** What a comparison concluded, why, and which method decided. */
export interface Verdict {
  verdict: VerdictName;
  reason: string;
  method: string;
}

export const equal = (method: string, reason: string): Verdict => ({ verdict: 'equal', reason, method });
export const notEqual = (method: string, reason: string): Verdict => ({
  verdict: 'not_equal',
  reason,
  method,
});
export const undecidable = (method: string, reason: string): Verdict => ({
  verdict: 'undecidable',
  reason,
  method,
});

/**
 * A verdict restated under another method (and reason), built in the same shape as the others:
 * a spread (`{...verdict, method}`) would give V8 another hidden class, and the code reading
 * verdicts would be deoptimised the first time one reaches it.
 */
export const withMethod = (verdict: Verdict, method: string, reason: string = verdict.reason): Verdict => ({
  verdict: verdict.verdict,
  reason,
  method,
});

/** What every compare helper receives besides the two values. */
export interface CompareContext {
  options: MathVerifyOptions;
  budget: Budget;
  /** The prediction as extracted, before normalisation: for rules on the words joining its values. */
  predText?: string;
}
