import { z } from 'zod';
import { ERROR_CODES, type ErrorCode, type ErrorInfo, RewardKitError } from '../core/errors.js';
import type { RewardResult } from '../core/result.js';

/** A job: a chunk of raw inputs with the spec to score them under (parsed again by the worker). */
export const ScoreJobDataSchema = z.object({
  spec: z.record(z.string(), z.unknown()),
  inputs: z.array(z.unknown()),
  positions: z.array(z.object({ line: z.number().int().optional() })).optional(),
});

export type ScoreJobData = z.infer<typeof ScoreJobDataSchema>;

/** The job's return value: one result per input, in order. */
export interface ScoreJobResult {
  results: RewardResult[];
}

export const SCORE_JOB_NAME = 'score';

/** A failed job's reason carries the RK error as JSON, so the producer can rethrow it typed. */
export function encodeJobError(error: RewardKitError): string {
  return JSON.stringify(error.toInfo());
}

export function decodeJobError(reason: string | undefined): RewardKitError {
  if (reason !== undefined) {
    try {
      const info = JSON.parse(reason) as ErrorInfo;
      if (typeof info.code === 'string' && info.code in ERROR_CODES) {
        return new RewardKitError(info.code as ErrorCode, info.message, {
          ...(info.hint === undefined ? {} : { hint: info.hint }),
          ...(info.where === undefined ? {} : { where: info.where }),
        });
      }
    } catch {
      // not one of ours: fall through
    }
  }
  return new RewardKitError('RK_INTERNAL', `a queue job failed: ${reason ?? 'no reason given'}`);
}
