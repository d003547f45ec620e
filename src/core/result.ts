import type { ErrorInfo } from './errors.js';
import type { SampleId } from './sample.js';

/**
 * What a component concluded. "Wrong" is not "could not score": `incorrect` is a decided zero,
 * while `unparseable`, `timeout` and `error` mean the component could not decide (score null).
 */
export type ComponentStatus = 'correct' | 'incorrect' | 'partial' | 'unparseable' | 'timeout' | 'error';

export const UNDECIDED_STATUSES: ReadonlySet<ComponentStatus> = new Set(['unparseable', 'timeout', 'error']);

export interface ComponentResult {
  /** The score in the kind's own range, or null when the component could not decide. */
  score: number | null;
  status: ComponentStatus;
  /** What the component saw and decided: extracted strings, the reason, per-test tables ... */
  details: Record<string, unknown>;
  error?: ErrorInfo;
  /** Per-step scores, for kinds that score steps (step checkers, PRMs). */
  stepScores?: (number | null)[];
}

export interface StepResult {
  text: string;
  score?: number | null;
  return?: number | null;
  advantage?: number | null;
}

/** The result contract of DESIGN.md: one JSONL line out, or one element of `results`. */
export interface RewardResult {
  /** The sample's id exactly as given (a string or an integer), or `line:N` for unreadable input. */
  id: SampleId;
  /** The sample's group (as given, or a digest of the prompt that groups it), for `rewardkit advantages`. */
  group?: string;
  reward: number | null;
  components: Record<string, ComponentResult>;
  steps?: StepResult[];
  advantage?: number | null;
  /** What the process stage decided (aggregate, credit assignment, shaping), when the spec has one. */
  process?: object;
  error: ErrorInfo | null;
  ms: number;
}

/** Builds a component result for a decided score, deriving the status from it. */
export function scored(score: number, details: Record<string, unknown> = {}): ComponentResult {
  const status: ComponentStatus = score >= 1 ? 'correct' : score <= 0 ? 'incorrect' : 'partial';
  return { score, status, details };
}

/** Builds a component result for a case the component could not decide. */
export function undecided(
  status: 'unparseable' | 'timeout' | 'error',
  error: ErrorInfo,
  details: Record<string, unknown> = {},
): ComponentResult {
  return { score: null, status, details: { ...details, reason: details['reason'] ?? error.message }, error };
}
