import { z } from 'zod';
import type { AdvantageItem, AdvantageOutcome, AdvantageOutput } from '../advantages/index.js';
import type { ErrorInfo } from '../core/errors.js';
import { groupKeyOf, type Sample, type SampleId, SampleIdSchema, SampleSchema } from '../core/sample.js';
import { describeZodIssues } from '../core/spec.js';

/** One line of `rewardkit advantages` input; unknown fields are kept and written back. */
export const AdvantageLineSchema = z
  .object({
    id: SampleIdSchema,
    group: z.union([z.string(), z.number()]).transform(String).optional(),
    prompt: SampleSchema.shape.prompt,
    reward: z.number().finite().nullable().optional(),
    step_rewards: z.array(z.number().finite()).optional(),
    values: z.array(z.number().finite()).optional(),
    baseline: z.number().finite().optional(),
    response_length: z.number().int().positive().optional(),
    /** Index of the last token of each step; with it, step advantages also come per token. */
    step_ends: z.array(z.number().int().nonnegative()).optional(),
  })
  .passthrough();

export type AdvantageLine = z.output<typeof AdvantageLineSchema>;

/** Validates one parsed input line into an estimator item, or the error of that line. */
export function toAdvantageItem(
  value: unknown,
  line: number,
): { line: AdvantageLine; item: AdvantageItem } | ErrorInfo {
  const parsed = AdvantageLineSchema.safeParse(value);
  if (!parsed.success) {
    const reasons = describeZodIssues(parsed.error, value).map((reason) =>
      reason.replace(/^([^:]+):/, (_match, path: string) => `field '${path}':`),
    );
    return {
      code: 'RK_INPUT_INVALID',
      message: `line ${line}: ${reasons.join('; ')}`,
      where: `line ${line}`,
    };
  }
  const data = parsed.data;
  if (data.reward === null) {
    return {
      code: 'RK_INPUT_INVALID',
      message: `line ${line}: reward is null (the sample was not scored); no advantage`,
      where: `line ${line}`,
    };
  }
  const item: AdvantageItem = { groupKey: groupKeyOf(data as unknown as Sample) };
  if (data.reward !== undefined) item.reward = data.reward;
  if (data.step_rewards !== undefined) item.stepRewards = data.step_rewards;
  if (data.values !== undefined) item.values = data.values;
  if (data.baseline !== undefined) item.baseline = data.baseline;
  if (data.response_length !== undefined) item.responseLength = data.response_length;
  return { line: data, item };
}

function idOf(value: unknown, line: number): SampleId {
  const raw =
    value !== null && typeof value === 'object' ? (value as Record<string, unknown>)['id'] : undefined;
  const id = SampleIdSchema.safeParse(raw);
  return id.success ? id.data : `line:${line}`;
}

/** Serializes the output fields of an advantage. */
export function outputFields(output: AdvantageOutput): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if (output.advantage !== undefined) fields['advantage'] = output.advantage;
  if (output.tokenAdvantages !== undefined) fields['token_advantages'] = output.tokenAdvantages;
  if (output.stepAdvantages !== undefined) fields['step_advantages'] = output.stepAdvantages;
  if (output.stepReturns !== undefined) fields['step_returns'] = output.stepReturns;
  return fields;
}

/**
 * The output line: the input line's fields plus the advantage fields, or plus `error` (and a
 * null advantage) when the line could not get one. Unreadable lines keep only an id.
 */
export function outputLine(
  raw: unknown,
  line: number,
  outcome: AdvantageOutcome,
  estimatorOutput: 'scalar' | 'steps',
): Record<string, unknown> {
  const base: Record<string, unknown> =
    raw !== null && typeof raw === 'object' && !Array.isArray(raw)
      ? { ...(raw as Record<string, unknown>) }
      : { id: idOf(raw, line) };
  if ('error' in outcome) {
    base['id'] = idOf(raw, line);
    base[estimatorOutput === 'scalar' ? 'advantage' : 'step_advantages'] = null;
    base['error'] = outcome.error;
    return base;
  }
  return { ...base, ...outputFields(outcome.output) };
}
