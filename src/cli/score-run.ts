import { statSync } from 'node:fs';
import type { ErrorInfo } from '../core/errors.js';
import type { RewardResult } from '../core/result.js';
import type { Spec } from '../core/spec.js';
import { isCancelled } from '../engine/cancelled-result.js';
import {
  type BlockReply,
  cancelledBlockReply,
  cancelledLineReply,
  type LineChunkReply,
  type LineScoringBackend,
} from '../engine/line-chunk.js';
import { ScoreTally, type TallyData } from '../engine/score-tally.js';
import { CompactIdSet } from '../io/compact-id-set.js';
import { forEachBlockLine, type JsonlBlock, readJsonlBlockFile } from '../io/jsonl-blocks.js';
import type { JsonlWriter } from '../io/jsonl-writer.js';
import { parseJsonLine } from '../io/parse-json-line.js';
import { sampleIdKey } from '../io/sample-id.js';
import type { RunStore } from '../store/run-store.js';
import type { ScoreProgress } from './score-progress.js';

export interface ScoreRunOptions {
  spec: Spec;
  inputPath: string;
  writer: JsonlWriter;
  backend: LineScoringBackend;
  /** Lines per backend request. */
  chunkSize: number;
  /** Samples in flight at most (the bounded window that keeps memory flat). */
  window: number;
  maxLineBytes?: number;
  /** The run's store and key; with `resume`, stored lines are emitted instead of rescored. */
  store?: { store: RunStore; runKey: string; resume: boolean } | undefined;
  progress?: ScoreProgress;
  /**
   * Stops the run (Ctrl-C): lines not yet scored, in flight or still unread, are written as
   * RK_CANCELLED results and not stored, so `--resume` scores exactly those.
   */
  signal?: AbortSignal | undefined;
  /** Told of each block or chunk sent to scoring (turns V8's optimizing compiler on when due). */
  optimizer?: { scored(lines: number, bytes: number): void } | undefined;
}

/** One output slot: a line already decided (unreadable, or stored by an earlier run) or one to score. */
type Slot =
  | { line: number; kind: 'error'; error: ErrorInfo }
  | { line: number; kind: 'stored'; text: string; id: string | undefined }
  | { line: number; kind: 'score'; index: number };

interface Chunk {
  slots: Slot[];
  texts: string[];
  lines: number[];
}

/**
 * What the output waits for, in input order: a chunk of single lines (a resumed run, where some
 * lines come from the store), a block of consecutive lines scored as one, or a line that could
 * not be read at all.
 */
type Flight =
  | { kind: 'lines'; chunk: Chunk; reply: Promise<LineChunkReply | undefined> }
  | { kind: 'block'; firstLine: number; count: number; reply: Promise<BlockReply> }
  | { kind: 'unreadable'; line: number; error: ErrorInfo };

/** How many lines of the output a flight holds. */
function sizeOf(flight: Flight): number {
  if (flight.kind === 'lines') return flight.chunk.slots.length;
  return flight.kind === 'block' ? flight.count : 1;
}

/**
 * The streaming core of `rewardkit score`: reads JSONL line batches, sends readable lines to the
 * backend in chunks (parsing and serializing happen where scoring happens), and writes one output
 * line per input line in input order. Duplicate ids are checked in input order as chunks are
 * written (a compact hash set, not the strings); results reach the store as they are written.
 * At most `window` lines are in flight, so memory does not grow with the file.
 */
export async function runScore(options: ScoreRunOptions): Promise<ScoreTally> {
  const tally = new ScoreTally();
  const ids = new CompactIdSet();
  const flights: Flight[] = [];
  const storeRun = options.store;
  const resuming = storeRun?.resume === true && storeRun.store.storedCount(storeRun.runKey) > 0;
  let inFlight = 0;
  let bytesRead = 0;
  let chunk: Chunk = { slots: [], texts: [], lines: [] };

  const signal = options.signal;
  const dispatch = (): void => {
    if (chunk.slots.length === 0) return;
    const current = chunk;
    chunk = { slots: [], texts: [], lines: [] };
    const request = { spec: options.spec, texts: current.texts, lines: current.lines, signal };
    const reply =
      current.texts.length === 0
        ? Promise.resolve(undefined)
        : signal?.aborted === true
          ? Promise.resolve(cancelledLineReply(request, signal))
          : options.backend.scoreLines(request);
    // A failure surfaces when its flight reaches the head of the queue; until then, keep it quiet.
    reply.catch(() => {});
    options.optimizer?.scored(
      current.texts.length,
      current.texts.reduce((sum, text) => sum + text.length + 1, 0),
    );
    flights.push({ kind: 'lines', chunk: current, reply });
    inFlight += current.slots.length;
  };

  const drainHead = async (): Promise<void> => {
    const flight = flights.shift();
    if (flight === undefined) return;
    inFlight -= sizeOf(flight);
    if (flight.kind === 'unreadable') {
      const result = errorResult(`line:${flight.line}`, flight.error);
      tally.add(result);
      await options.writer.writeBlock(JSON.stringify(result));
      return;
    }
    if (flight.kind === 'block') {
      const reply = await flight.reply;
      tally.merge(reply.tally);
      const block = checkBlockIds(reply, flight.firstLine);
      if (storeRun !== undefined) {
        if (cancelledIn(reply.tally) === 0) {
          storeRun.store.recordRange(storeRun.runKey, flight.firstLine, flight.count, block);
        } else recordScored(storeRun, block.split('\n'), (index) => flight.firstLine + index);
      }
      await options.writer.writeBlock(block);
      options.progress?.update(bytesRead, tally.count);
      return;
    }
    const reply = await flight.reply;
    if (reply !== undefined) tally.merge(reply.tally);
    // Lines scored now go to the store too (unreadable and already stored lines do not).
    const recordedLines: number[] = [];
    const recordedTexts: string[] = [];
    const out = flight.chunk.slots.map((slot) => {
      if (slot.kind === 'error') {
        const result = errorResult(`line:${slot.line}`, slot.error);
        tally.add(result);
        return JSON.stringify(result);
      }
      if (slot.kind === 'stored') {
        if (slot.id !== undefined) ids.add(slot.id);
        tally.add(JSON.parse(slot.text) as RewardResult, 1, true);
        return slot.text;
      }
      let text = reply?.texts[slot.index] as string;
      const id = reply?.ids[slot.index] ?? null;
      if (id !== null && !ids.add(id)) text = duplicateOf(text, id, slot.line);
      recordedLines.push(slot.line);
      recordedTexts.push(text);
      return text;
    });
    if (out.length === 0) return;
    // One join serves the output and the store when every line of the block is recorded.
    const block = out.join('\n');
    if (storeRun !== undefined && recordedLines.length > 0) {
      if (reply !== undefined && cancelledIn(reply.tally) > 0) {
        recordScored(storeRun, recordedTexts, (index) => recordedLines[index] as number);
      } else {
        const recorded = recordedLines.length === out.length ? block : recordedTexts.join('\n');
        storeRun.store.recordBlock(storeRun.runKey, recordedLines, recorded);
      }
    }
    await options.writer.writeBlock(block);
    options.progress?.update(bytesRead, tally.count);
  };

  /** A scored result whose id occurred earlier: taken back out of the tally, reported as a duplicate. */
  const duplicateOf = (text: string, id: string, line: number): string => {
    tally.add(JSON.parse(text) as RewardResult, -1);
    const duplicate = errorResult(id, {
      code: 'RK_DUPLICATE_ID',
      message: `line ${line}: id '${id}' already occurred earlier in this file`,
      hint: 'ids must be unique within a run',
      where: `line ${line}`,
    });
    tally.add(duplicate);
    return JSON.stringify(duplicate);
  };

  /** The block's text with its duplicate ids reported (split only when there is one). */
  const checkBlockIds = (reply: BlockReply, firstLine: number): string => {
    let texts: string[] | undefined;
    for (let index = 0; index < reply.ids.length; index++) {
      const id = reply.ids[index];
      if (id === null || id === undefined || ids.add(id)) continue;
      texts ??= reply.text.split('\n');
      texts[index] = duplicateOf(texts[index] as string, id, firstLine + index);
    }
    return texts === undefined ? reply.text : texts.join('\n');
  };

  const place = (line: number, text: string): void => {
    if (resuming) {
      const stored = storeRun.store.stored(storeRun.runKey, line);
      if (stored !== undefined) {
        const parsed = parseJsonLine(text, line);
        chunk.slots.push({
          line,
          kind: 'stored',
          text: stored,
          id: 'value' in parsed ? sampleIdKey(parsed.value) : undefined,
        });
        return;
      }
    }
    chunk.slots.push({ line, kind: 'score', index: chunk.texts.length });
    chunk.texts.push(text);
    chunk.lines.push(line);
  };

  const slotCap = Math.max(options.chunkSize * 4, 1024);
  const placeLine = (line: number, text: string | ErrorInfo): void => {
    if (typeof text === 'string') place(line, text);
    else chunk.slots.push({ line, kind: 'error', error: text });
  };
  try {
    for await (const batch of readJsonlBlockFile(options.inputPath, {
      ...(options.maxLineBytes === undefined ? {} : { maxLineBytes: options.maxLineBytes }),
      maxLines: options.chunkSize,
      onBytes: (bytes) => {
        bytesRead = bytes;
      },
    })) {
      for (const item of batch) {
        if (resuming) {
          // Line by line: stored lines are copied from the store, the others scored in chunks.
          if ('error' in item) chunk.slots.push({ line: item.line, kind: 'error', error: item.error });
          else forEachBlockLine(item, placeLine);
          if (chunk.texts.length >= options.chunkSize || chunk.slots.length >= slotCap) dispatch();
        } else if ('error' in item) {
          flights.push({ kind: 'unreadable', line: item.line, error: item.error });
          inFlight += 1;
        } else {
          // The first block tells how long lines are: room for the file's ids at once.
          if (item.firstLine === 1) ids.reserve(linesEstimate(options.inputPath, item));
          // Once stopped, the rest of the file is read (one output line per input line) but not scored.
          const reply =
            signal?.aborted === true
              ? Promise.resolve(cancelledBlockReply(item, signal))
              : options.backend.scoreBlock({ spec: options.spec, block: item, signal });
          reply.catch(() => {});
          options.optimizer?.scored(item.count, item.bytes.length + 1);
          flights.push({ kind: 'block', firstLine: item.firstLine, count: item.count, reply });
          inFlight += item.count;
        }
        while (inFlight > options.window) await drainHead();
      }
    }
    dispatch();
    while (flights.length > 0) await drainHead();
  } finally {
    // Let every chunk settle before the caller closes the backend and the store.
    await Promise.allSettled(flights.map((flight) => ('reply' in flight ? flight.reply : undefined)));
    storeRun?.store.flush();
  }
  return tally;
}

/** Cancelled results in a reply (they are written, never stored). */
function cancelledIn(tally: TallyData): number {
  for (const [code, count] of tally.errors) if (code === 'RK_CANCELLED') return count;
  return 0;
}

/** Records the scored lines of texts some of which are cancelled results (only on a stopped run). */
function recordScored(
  storeRun: { store: RunStore; runKey: string },
  texts: readonly string[],
  lineOf: (index: number) => number,
): void {
  const lines: number[] = [];
  const kept: string[] = [];
  texts.forEach((text, index) => {
    if (isCancelled(JSON.parse(text) as RewardResult)) return;
    lines.push(lineOf(index));
    kept.push(text);
  });
  if (lines.length > 0) storeRun.store.recordBlock(storeRun.runKey, lines, kept.join('\n'));
}

/** About how many lines the input has, from its size and the first block's bytes per line. */
function linesEstimate(inputPath: string, first: JsonlBlock): number {
  try {
    return Math.ceil((statSync(inputPath).size * first.count) / (first.bytes.length + 1));
  } catch {
    return 0;
  }
}

function errorResult(id: string, error: ErrorInfo): RewardResult {
  return { id, reward: null, components: {}, error, ms: 0 };
}
