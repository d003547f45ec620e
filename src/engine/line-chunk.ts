import type { RewardResult } from '../core/result.js';
import type { Spec } from '../core/spec.js';
import { idOfValue, parseJsonLine } from '../io/parse-json-line.js';
import type { Pipeline, SamplePosition } from './pipeline.js';
import { ScoreTally, type TallyData } from './score-tally.js';
import type { ScoringBackend } from './scoring-backend.js';

/** A chunk of raw JSONL lines (already valid UTF-8, not blank) and their line numbers. */
export interface LineScoreRequest {
  spec: Spec;
  texts: readonly string[];
  lines: readonly number[];
}

/**
 * What scoring a chunk of lines gives back: per line the sample id (when the line has one, for
 * the duplicate check done in input order by the caller) and the serialized result, plus the
 * chunk's tally. Parsing and serializing happen where the scoring happens (a worker thread), so
 * the thread that reads and writes files only moves strings.
 */
export interface LineChunkReply {
  ids: (string | null)[];
  texts: string[];
  tally: TallyData;
}

/** A backend that also scores raw lines (the fast path of `rewardkit score`). */
export interface LineScoringBackend extends ScoringBackend {
  scoreLines(request: LineScoreRequest): Promise<LineChunkReply>;
}

/**
 * Parses, scores and serializes a chunk of lines with a compiled pipeline. Samples go to the
 * pipeline as one batch (its components see the batch); on the plain path that is one call per
 * sample with no promise unless a scorer is asynchronous.
 */
export async function scoreLineChunk(
  pipeline: Pipeline,
  texts: readonly string[],
  lines: readonly number[],
): Promise<LineChunkReply> {
  const ids: (string | null)[] = [];
  const values: unknown[] = [];
  const positions: SamplePosition[] = [];
  const slots: (number | RewardResult)[] = [];
  for (let index = 0; index < texts.length; index++) {
    const line = lines[index] ?? index + 1;
    const parsed = parseJsonLine(texts[index] as string, line);
    if ('error' in parsed) {
      ids.push(null);
      slots.push({ id: `line:${line}`, reward: null, components: {}, error: parsed.error, ms: 0 });
      continue;
    }
    ids.push(idOfValue(parsed.value) ?? null);
    slots.push(values.length);
    values.push(parsed.value);
    positions.push({ line });
  }
  const scored = values.length === 0 ? [] : await pipeline.scoreBatch(values, positions);
  return replyOf(
    ids,
    slots.map((slot) => (typeof slot === 'number' ? (scored[slot] as RewardResult) : slot)),
  );
}

/** Serializes results and tallies them. */
export function replyOf(ids: (string | null)[], results: readonly RewardResult[]): LineChunkReply {
  const tally = new ScoreTally();
  const texts = results.map((result) => {
    tally.add(result);
    return JSON.stringify(result);
  });
  return { ids, texts, tally: tally.toData() };
}

/**
 * The raw-line path for any backend: backends that have one (in-process, thread pool) are used
 * as they are; others (the queue) get lines parsed here and scored through `score`.
 */
export function withLineScoring(backend: ScoringBackend): LineScoringBackend {
  if ('scoreLines' in backend && typeof backend.scoreLines === 'function')
    return backend as LineScoringBackend;
  return {
    score: (request) => backend.score(request),
    close: () => backend.close(),
    async scoreLines(request) {
      const ids: (string | null)[] = [];
      const inputs: unknown[] = [];
      const positions: { line: number }[] = [];
      const slots: (number | RewardResult)[] = [];
      request.texts.forEach((text, index) => {
        const line = request.lines[index] ?? index + 1;
        const parsed = parseJsonLine(text, line);
        if ('error' in parsed) {
          ids.push(null);
          slots.push({ id: `line:${line}`, reward: null, components: {}, error: parsed.error, ms: 0 });
          return;
        }
        ids.push(idOfValue(parsed.value) ?? null);
        slots.push(inputs.length);
        inputs.push(parsed.value);
        positions.push({ line });
      });
      const scored =
        inputs.length === 0 ? [] : await backend.score({ spec: request.spec, inputs, positions });
      return replyOf(
        ids,
        slots.map((slot) => (typeof slot === 'number' ? (scored[slot] as RewardResult) : slot)),
      );
    },
  };
}
