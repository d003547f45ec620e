import { z } from 'zod';
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
