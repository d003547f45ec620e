import type { ErrorInfo } from '../core/errors.js';
import type { RewardResult } from '../core/result.js';
import type { Spec } from '../core/spec.js';
import { forEachBlockLine, type JsonlBlock } from '../io/jsonl-blocks.js';
import { malformedJsonError } from '../io/parse-json-line.js';
import { sampleIdKey, sampleIdOf } from '../io/sample-id.js';
import { cancelledResult } from './cancelled-result.js';
import type { Pipeline, SamplePosition } from './pipeline.js';
import { ScoreTally, type TallyData } from './score-tally.js';
import type { ScoringBackend } from './scoring-backend.js';

/** A chunk of raw JSONL lines (already valid UTF-8, not blank) and their line numbers. */
export interface LineScoreRequest {
  spec: Spec;
  texts: readonly string[];
  lines: readonly number[];
  /** Cancels the request (see ScoreRequest.signal). */
  signal?: AbortSignal | undefined;
}

/** A block of consecutive input lines, as read (see readJsonlBlockBatches). */
export interface BlockScoreRequest {
  spec: Spec;
  block: JsonlBlock;
  /** Cancels the request (see ScoreRequest.signal). */
  signal?: AbortSignal | undefined;
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
  /**
   * Reads (decodes or copies) the block's bytes before it returns: the reader reuses its buffer
   * for the next chunk (readJsonlBlockFile).
   */
  scoreBlock(request: BlockScoreRequest): Promise<BlockReply>;
}

/** Where the lines of a chunk go once read: an unreadable line as its result, a sample parsed. */
interface LineSink {
  unreadable(result: RewardResult): void;
  sample(id: string | null, value: unknown, line: number): void;
}

/** Per line of a chunk: its id key and its result (or where the scored result goes). */
class ParsedChunk implements LineSink {
  readonly ids: (string | null)[] = [];
  readonly slots: (number | RewardResult)[] = [];
  readonly values: unknown[] = [];
  readonly positions: SamplePosition[] = [];

  unreadable(result: RewardResult): void {
    this.ids.push(null);
    this.slots.push(result);
  }

  sample(id: string | null, value: unknown, line: number): void {
    this.ids.push(id);
    this.slots.push(this.values.length);
    this.values.push(value);
    this.positions.push({ line });
  }

  /** The chunk's results in line order: unreadable lines' results where they were, scored ones between. */
  inLineOrder(scored: readonly RewardResult[]): RewardResult[] {
    return this.slots.map((slot) => (typeof slot === 'number' ? (scored[slot] as RewardResult) : slot));
  }
}

/** Parses one line's text (or takes why it is unreadable) and hands it to the sink. */
function addLine(sink: LineSink, line: number, text: string | ErrorInfo): void {
  if (typeof text !== 'string') {
    sink.unreadable(unreadableResult(line, text));
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    sink.unreadable(unreadableResult(line, malformedJsonError(line, error)));
    return;
  }
  sink.sample(sampleIdKey(value) ?? null, value, line);
}

/** Scores a parsed chunk's samples as one batch; results in line order. */
async function resultsOf(
  score: (values: unknown[], positions: SamplePosition[]) => Promise<RewardResult[]>,
  chunk: ParsedChunk,
): Promise<RewardResult[]> {
  const scored = chunk.values.length === 0 ? [] : await score(chunk.values, chunk.positions);
  return chunk.inLineOrder(scored);
}

/** The result line of an input line that could not be read or parsed. */
export function unreadableResult(line: number, error: ErrorInfo): RewardResult {
  return { id: `line:${line}`, reward: null, components: {}, error, ms: 0 };
}

/**
 * A block's reply built in line order: each result is tallied and serialized as soon as it is
 * added, while its objects are still in the processor's cache (serializing a block's results after
 * the whole block was scored found them evicted by the scoring in between). From the first result
 * that is still a promise on, results wait and are serialized in order once all have settled.
 */
class BlockReplyBuilder {
  readonly #ids: (string | null)[] = [];
  readonly #texts: string[] = [];
  readonly #tally = new ScoreTally();
  #waiting: (RewardResult | Promise<RewardResult>)[] | undefined;

  add(id: string | null, result: RewardResult | Promise<RewardResult>): void {
    this.#ids.push(id);
    if (this.#waiting === undefined && !(result instanceof Promise)) this.#serialize(result);
    else {
      this.#waiting ??= [];
      this.#waiting.push(result);
    }
  }

  /** The reply, once every result has settled. */
  reply(): Promise<BlockReply> {
    const waiting = this.#waiting;
    if (waiting === undefined) return Promise.resolve(this.settled());
    return Promise.all(waiting).then((results) => {
      for (const result of results) this.#serialize(result);
      return this.settled();
    });
  }

  /** The reply of results that were all settled when added. */
  settled(): BlockReply {
    // One join of flat strings: a text built by `+` is a tree of string pieces that the writer must
    // flatten (and that keeps every piece alive until then).
    return { ids: this.#ids, text: this.#texts.join('\n'), tally: this.#tally.toData() };
  }

  #serialize(result: RewardResult): void {
    this.#tally.add(result);
    this.#texts.push(JSON.stringify(result));
  }
}

/** The lines of a block scored one at a time by a pipeline that answers at once (the plain path). */
class ScoredInTurn extends BlockReplyBuilder implements LineSink {
  constructor(
    readonly pipeline: Pipeline,
    readonly signal: AbortSignal | undefined,
  ) {
    super();
  }

  unreadable(result: RewardResult): void {
    this.add(null, result);
  }

  sample(id: string | null, value: unknown, line: number): void {
    this.add(id, this.pipeline.scoreSampleNow(value, { line }, this.signal));
  }
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
  signal?: AbortSignal,
): Promise<LineChunkReply> {
  const chunk = new ParsedChunk();
  for (let index = 0; index < texts.length; index++)
    addLine(chunk, lines[index] ?? index + 1, texts[index] as string);
  return replyOf(
    chunk.ids,
    await resultsOf((values, positions) => pipeline.scoreBatch(values, positions, signal), chunk),
  );
}

/**
 * Decodes, parses, scores and serializes a block of lines with a compiled pipeline. When every
 * scorer answers synchronously (the plain path) each line is parsed, scored and serialized in
 * turn and the block is done before this returns: one promise per block, none per line. Other
 * pipelines (io components, a cache, offloaded CPU components) get the block's samples as one batch.
 */
export function scoreBlockWith(
  pipeline: Pipeline,
  block: JsonlBlock,
  signal?: AbortSignal,
): Promise<BlockReply> {
  if (!pipeline.answersNow) return scoreBlockAsBatch(pipeline, block, signal);
  try {
    const builder = new ScoredInTurn(pipeline, signal);
    forEachBlockLine(block, (line, text) => addLine(builder, line, text));
    return builder.reply();
  } catch (error) {
    return Promise.reject(error);
  }
}

async function scoreBlockAsBatch(
  pipeline: Pipeline,
  block: JsonlBlock,
  signal: AbortSignal | undefined,
): Promise<BlockReply> {
  const chunk = new ParsedChunk();
  forEachBlockLine(block, (line, text) => addLine(chunk, line, text));
  return blockReplyOf(
    chunk.ids,
    await resultsOf((values, positions) => pipeline.scoreBatch(values, positions, signal), chunk),
  );
}

/**
 * The results of inputs a cancelled request did not score (a backend that stopped it before it
 * started): each a cancelled result under the input's id (else `line:N`), in order.
 */
export function cancelledResults(
  inputs: readonly unknown[],
  positions: readonly SamplePosition[] | undefined,
  signal: AbortSignal,
): RewardResult[] {
  return inputs.map((input, index) => {
    const line = positions?.[index]?.line;
    const where = line === undefined ? undefined : `line ${line}`;
    return cancelledResult(sampleIdOf(input) ?? `line:${line ?? index + 1}`, signal, where);
  });
}

/** The reply of a chunk of lines a cancelled request did not score (unreadable lines stay so). */
export function cancelledLineReply(request: LineScoreRequest, signal: AbortSignal): LineChunkReply {
  const chunk = new ParsedChunk();
  for (let index = 0; index < request.texts.length; index++)
    addLine(chunk, request.lines[index] ?? index + 1, request.texts[index] as string);
  return replyOf(chunk.ids, chunk.inLineOrder(cancelledResults(chunk.values, chunk.positions, signal)));
}

/** The same for a block (its bytes must still be readable). */
export function cancelledBlockReply(block: JsonlBlock, signal: AbortSignal): BlockReply {
  const chunk = new ParsedChunk();
  forEachBlockLine(block, (line, text) => addLine(chunk, line, text));
  return blockReplyOf(chunk.ids, chunk.inLineOrder(cancelledResults(chunk.values, chunk.positions, signal)));
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
  const builder = new BlockReplyBuilder();
  for (let index = 0; index < results.length; index++) {
    builder.add(ids[index] ?? null, results[index] as RewardResult);
  }
  return builder.settled();
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
  const reply =
    texts.length === 0
      ? replyOf([], [])
      : await scoreLines({ spec: request.spec, texts, lines, signal: request.signal });
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
  const score =
    (spec: Spec, signal: AbortSignal | undefined) => (inputs: unknown[], positions: SamplePosition[]) =>
      backend.score({ spec, inputs, positions, signal });
  const scoreLines = async (request: LineScoreRequest): Promise<LineChunkReply> => {
    const chunk = new ParsedChunk();
    request.texts.forEach((text, index) => {
      addLine(chunk, request.lines[index] ?? index + 1, text);
    });
    return replyOf(chunk.ids, await resultsOf(score(request.spec, request.signal), chunk));
  };
  return {
    score: (request) => backend.score(request),
    close: () => backend.close(),
    scoreLines,
    async scoreBlock(request) {
      const chunk = new ParsedChunk();
      forEachBlockLine(request.block, (line, text) => addLine(chunk, line, text));
      return blockReplyOf(chunk.ids, await resultsOf(score(request.spec, request.signal), chunk));
    },
  };
}
