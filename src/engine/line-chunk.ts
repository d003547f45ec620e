import type { ErrorInfo } from '../core/errors.js';
import type { RewardResult } from '../core/result.js';
import type { Spec } from '../core/spec.js';
import { forEachBlockLine, type JsonlBlock } from '../io/jsonl-blocks.js';
import { malformedJsonError } from '../io/parse-json-line.js';
import { sampleIdKey } from '../io/sample-id.js';
import type { Pipeline, SamplePosition } from './pipeline.js';
import { ScoreTally, type TallyData } from './score-tally.js';
import type { ScoringBackend } from './scoring-backend.js';

/** A chunk of raw JSONL lines (already valid UTF-8, not blank) and their line numbers. */
export interface LineScoreRequest {
  spec: Spec;
  texts: readonly string[];
  lines: readonly number[];
}

/** A block of consecutive input lines, as read (see readJsonlBlockBatches). */
export interface BlockScoreRequest {
  spec: Spec;
  block: JsonlBlock;
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

/** The same for a block: its results as one newline-joined text (what the output file gets). */
export interface BlockReply {
  ids: (string | null)[];
  text: string;
  tally: TallyData;
}

/** A backend that also scores raw lines (the fast path of `rewardkit score`). */
export interface LineScoringBackend extends ScoringBackend {
  scoreLines(request: LineScoreRequest): Promise<LineChunkReply>;
  scoreBlock(request: BlockScoreRequest): Promise<BlockReply>;
}

/** Per line of a chunk: its id key and its result (or where the scored result goes). */
interface ParsedChunk {
  ids: (string | null)[];
  slots: (number | RewardResult)[];
  values: unknown[];
  positions: SamplePosition[];
}

function emptyChunk(): ParsedChunk {
  return { ids: [], slots: [], values: [], positions: [] };
}

/** Adds one line's text (or why it is unreadable) to a chunk: parsed here, scored later as a batch. */
function addLine(chunk: ParsedChunk, line: number, text: string | ErrorInfo): void {
  if (typeof text !== 'string') {
    chunk.ids.push(null);
    chunk.slots.push(unreadableResult(line, text));
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    chunk.ids.push(null);
    chunk.slots.push(unreadableResult(line, malformedJsonError(line, error)));
    return;
  }
  chunk.ids.push(sampleIdKey(value) ?? null);
  chunk.slots.push(chunk.values.length);
  chunk.values.push(value);
  chunk.positions.push({ line });
}

/** Scores a parsed chunk's samples as one batch; results in line order. */
async function resultsOf(
  score: (values: unknown[], positions: SamplePosition[]) => Promise<RewardResult[]>,
  chunk: ParsedChunk,
): Promise<RewardResult[]> {
  const scored = chunk.values.length === 0 ? [] : await score(chunk.values, chunk.positions);
  return inLineOrder(chunk, scored);
}

/** The chunk's results in line order: unreadable lines' results where they were, scored ones between. */
function inLineOrder(chunk: ParsedChunk, scored: readonly RewardResult[]): RewardResult[] {
  return chunk.slots.map((slot) => (typeof slot === 'number' ? (scored[slot] as RewardResult) : slot));
}

/** The result line of an input line that could not be read or parsed. */
export function unreadableResult(line: number, error: ErrorInfo): RewardResult {
  return { id: `line:${line}`, reward: null, components: {}, error, ms: 0 };
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
  const chunk = emptyChunk();
  for (let index = 0; index < texts.length; index++)
    addLine(chunk, lines[index] ?? index + 1, texts[index] as string);
  return replyOf(
    chunk.ids,
    await resultsOf((values, positions) => pipeline.scoreBatch(values, positions), chunk),
  );
}

/**
 * Decodes, parses, scores and serializes a block of lines with a compiled pipeline. When every
 * scorer answers synchronously (the plain path) the block is scored and serialized before this
 * returns: one promise per block, none per line.
 */
export function scoreBlockWith(pipeline: Pipeline, block: JsonlBlock): Promise<BlockReply> {
  const chunk = emptyChunk();
  forEachBlockLine(block, (line, text) => addLine(chunk, line, text));
  if (chunk.values.length === 0) return Promise.resolve(blockReplyOf(chunk.ids, inLineOrder(chunk, [])));
  try {
    const scored = pipeline.scoreBatchNow(chunk.values, chunk.positions);
    if (scored instanceof Promise)
      return scored.then((results) => blockReplyOf(chunk.ids, inLineOrder(chunk, results)));
    return Promise.resolve(blockReplyOf(chunk.ids, inLineOrder(chunk, scored)));
  } catch (error) {
    return Promise.reject(error);
  }
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

/** Serializes results into one newline-joined text and tallies them. */
export function blockReplyOf(ids: (string | null)[], results: readonly RewardResult[]): BlockReply {
  const tally = new ScoreTally();
  // One join of flat strings: a text built by `+` is a tree of string pieces that the writer must
  // flatten (and that keeps every piece alive until then).
  const texts: string[] = new Array(results.length);
  for (let index = 0; index < results.length; index++) {
    const result = results[index] as RewardResult;
    tally.add(result);
    texts[index] = JSON.stringify(result);
  }
  return { ids, text: texts.join('\n'), tally: tally.toData() };
}

/** A block scored through a backend's line path (backends that do not take blocks themselves). */
export async function scoreBlockAsLines(
  scoreLines: (request: LineScoreRequest) => Promise<LineChunkReply>,
  request: BlockScoreRequest,
): Promise<BlockReply> {
  const texts: string[] = [];
  const lines: number[] = [];
  const unreadable = new Map<number, RewardResult>();
  forEachBlockLine(request.block, (line, text) => {
    if (typeof text === 'string') {
      texts.push(text);
      lines.push(line);
    } else unreadable.set(line, unreadableResult(line, text));
  });
  const reply = texts.length === 0 ? replyOf([], []) : await scoreLines({ spec: request.spec, texts, lines });
  if (unreadable.size === 0) return { ids: reply.ids, text: reply.texts.join('\n'), tally: reply.tally };
  const tally = new ScoreTally();
  tally.merge(reply.tally);
  const ids: (string | null)[] = [];
  const out: string[] = [];
  let next = 0;
  for (let index = 0; index < request.block.count; index++) {
    const result = unreadable.get(request.block.firstLine + index);
    if (result === undefined) {
      ids.push(reply.ids[next] ?? null);
      out.push(reply.texts[next] as string);
      next++;
    } else {
      tally.add(result);
      ids.push(null);
      out.push(JSON.stringify(result));
    }
  }
  return { ids, text: out.join('\n'), tally: tally.toData() };
}

/**
 * The raw-line path for any backend: backends that have one (in-process, thread pool) are used
 * as they are; others (the queue) get lines parsed here and scored through `score`.
 */
export function withLineScoring(backend: ScoringBackend): LineScoringBackend {
  if ('scoreLines' in backend && typeof backend.scoreLines === 'function')
    return backend as LineScoringBackend;
  const score = (spec: Spec) => (inputs: unknown[], positions: SamplePosition[]) =>
    backend.score({ spec, inputs, positions });
  const scoreLines = async (request: LineScoreRequest): Promise<LineChunkReply> => {
    const chunk = emptyChunk();
    request.texts.forEach((text, index) => {
      addLine(chunk, request.lines[index] ?? index + 1, text);
    });
    return replyOf(chunk.ids, await resultsOf(score(request.spec), chunk));
  };
  return {
    score: (request) => backend.score(request),
    close: () => backend.close(),
    scoreLines,
    async scoreBlock(request) {
      const chunk = emptyChunk();
      forEachBlockLine(request.block, (line, text) => addLine(chunk, line, text));
      return blockReplyOf(chunk.ids, await resultsOf(score(request.spec), chunk));
    },
  };
}
