import type { RewardResult } from '../../core/result.js';
import type { Spec } from '../../core/spec.js';

/** Kinds that decide correctness; the first such component gives OpenRLHF's `scores`. */
const CORRECTNESS_KINDS: ReadonlySet<string> = new Set(['math', 'code', 'match', 'step_check']);

/** The `/get_reward` answer: every array holds one finite float per query. */
export interface GetRewardAnswer {
  rewards: number[];
  scores: number[];
  extra_logs: Record<string, number[]>;
}

/**
 * The component whose score becomes `scores` (OpenRLHF filters groups on it, by default keeping
 * groups whose mean lies strictly inside (0, 1)): the first component with `gate: true`, else the
 * first of a correctness kind (math, code, match, step_check); undefined when the spec has none
 * (then `scores` is the reward clipped to [0, 1]).
 */
export function correctnessComponentOf(spec: Spec): string | undefined {
  const gate = spec.rewards.find((entry) => entry.gate);
  if (gate !== undefined) return gate.name;
  return spec.rewards.find((entry) => CORRECTNESS_KINDS.has(entry.type))?.name;
}

function clipUnit(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/**
 * Builds the answer OpenRLHF reads. A null reward (undecided under `on_error: null`, or an invalid
 * sample) is sent as 0 because trainers need numbers, and flagged per sample in
 * `extra_logs.null_reward`; every extra_logs value is a list with one number per query (OpenRLHF
 * 0.8.3-0.9.x concatenate them across requests; current main turns each into a tensor).
 */
export function getRewardAnswer(spec: Spec, results: readonly RewardResult[]): GetRewardAnswer {
  const correctness = correctnessComponentOf(spec);
  const extraLogs: Record<string, number[]> = { null_reward: [], undecided_components: [] };
  for (const entry of spec.rewards) extraLogs[`score_${entry.name}`] = [];
  const rewards: number[] = [];
  const scores: number[] = [];
  for (const result of results) {
    const reward = result.reward ?? 0;
    rewards.push(reward);
    if (correctness === undefined) scores.push(clipUnit(reward));
    else scores.push(clipUnit(result.components[correctness]?.score ?? 0));
    extraLogs['null_reward']!.push(result.reward === null ? 1 : 0);
    let undecided = 0;
    for (const entry of spec.rewards) {
      const score = result.components[entry.name]?.score ?? null;
      if (score === null) undecided++;
      extraLogs[`score_${entry.name}`]!.push(score ?? 0);
    }
    extraLogs['undecided_components']!.push(undecided);
  }
  return { rewards, scores, extra_logs: extraLogs };
}

/**
 * JSON in which every number is written as a float (`1.0`, not `1`): Python's json reads `1` as
 * an int, and OpenRLHF's reward normalisation (`rewards.std()`) fails on an integer tensor.
 * Non-finite numbers are refused (JSON has no spelling for them).
 */
export function jsonWithFloats(value: unknown): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot send the non-finite number ${value} as JSON`);
    const text = JSON.stringify(value);
    return /^-?\d+$/.test(text) ? `${text}.0` : text;
  }
  if (Array.isArray(value)) return `[${value.map(jsonWithFloats).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value).filter(([, field]) => field !== undefined);
    return `{${fields.map(([key, field]) => `${JSON.stringify(key)}:${jsonWithFloats(field)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
