import { canonicalJson } from '../core/canonical-json.js';
import { parseSpec, type Spec } from '../core/spec.js';
import type { ScoringBackend } from '../engine/scoring-backend.js';
import { parseJobData } from './job-data.js';
import type { JobHandler } from './job-handler.js';
import { ScoreJobDataSchema, type ScoreJobResult } from './score-job.js';

const SPEC_MEMO_SIZE = 64;

/** Score jobs (`score`/`serve`/`eval --redis`): a chunk of samples scored on the worker's backend. */
export function scoreJobHandler(backend: ScoringBackend): JobHandler {
  // One Spec object per distinct spec, so that the backend keeps one compiled pipeline for it.
  const specs = new Map<string, Spec>();
  const specOf = (raw: Record<string, unknown>): Spec => {
    const key = canonicalJson(raw);
    let spec = specs.get(key);
    if (spec === undefined) {
      spec = parseSpec(raw, 'job spec');
      if (specs.size >= SPEC_MEMO_SIZE) specs.delete(specs.keys().next().value as string);
      specs.set(key, spec);
    }
    return spec;
  };
  return async (data, signal): Promise<ScoreJobResult> => {
    const job = parseJobData(ScoreJobDataSchema, data, 'score');
    const results = await backend.score({
      spec: specOf(job.spec),
      inputs: job.inputs,
      ...(job.positions === undefined ? {} : { positions: job.positions }),
      signal,
    });
    return { results };
  };
}
