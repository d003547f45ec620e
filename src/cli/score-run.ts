import type { ErrorInfo } from '../core/errors.js';
import type { RewardResult } from '../core/result.js';
import type { Spec } from '../core/spec.js';
import type { LineChunkReply, LineScoringBackend } from '../engine/line-chunk.js';
import { ScoreTally } from '../engine/score-tally.js';
import { CompactIdSet } from '../io/compact-id-set.js';
import { readJsonlTextFile } from '../io/jsonl-reader.js';
import type { JsonlWriter } from '../io/jsonl-writer.js';
import { idOfValue, parseJsonLine } from '../io/parse-json-line.js';
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

interface Flight {
  chunk: Chunk;
  reply: Promise<LineChunkReply | undefined>;
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

  const dispatch = (): void => {
    if (chunk.slots.length === 0) return;
    const current = chunk;
    chunk = { slots: [], texts: [], lines: [] };
    const reply =
      current.texts.length === 0
        ? Promise.resolve(undefined)
        : options.backend.scoreLines({ spec: options.spec, texts: current.texts, lines: current.lines });
    // A failure surfaces when its flight reaches the head of the queue; until then, keep it quiet.
    reply.catch(() => {});
    flights.push({ chunk: current, reply });
    inFlight += current.slots.length;
  };

  const drainHead = async (): Promise<void> => {
    const flight = flights.shift();
    if (flight === undefined) return;
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
      if (id !== null && !ids.add(id)) {
        // A duplicate: take its scored result back out of the tally and report the duplicate instead.
        tally.add(JSON.parse(text) as RewardResult, -1);
        const duplicate = errorResult(id, {
          code: 'RK_DUPLICATE_ID',
          message: `line ${slot.line}: id '${id}' already occurred earlier in this file`,
          hint: 'ids must be unique within a run',
          where: `line ${slot.line}`,
        });
        tally.add(duplicate);
        text = JSON.stringify(duplicate);
      }
      recordedLines.push(slot.line);
      recordedTexts.push(text);
      return text;
    });
    inFlight -= flight.chunk.slots.length;
    if (out.length === 0) return;
    // One join serves the output and the store when every line of the block is recorded.
    const block = out.join('\n');
    if (storeRun !== undefined && recordedLines.length > 0) {
      const recorded = recordedLines.length === out.length ? block : recordedTexts.join('\n');
      storeRun.store.recordBlock(storeRun.runKey, recordedLines, recorded);
    }
    await options.writer.writeBlock(block);
    options.progress?.update(bytesRead, tally.count);
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
          id: 'value' in parsed ? idOfValue(parsed.value) : undefined,
        });
        return;
      }
    }
    chunk.slots.push({ line, kind: 'score', index: chunk.texts.length });
    chunk.texts.push(text);
    chunk.lines.push(line);
  };

  const slotCap = Math.max(options.chunkSize * 4, 1024);
  try {
    for await (const batch of readJsonlTextFile(options.inputPath, {
      ...(options.maxLineBytes === undefined ? {} : { maxLineBytes: options.maxLineBytes }),
      onBytes: (bytes) => {
        bytesRead = bytes;
      },
    })) {
      for (const record of batch) {
        if ('error' in record) chunk.slots.push({ line: record.line, kind: 'error', error: record.error });
        else place(record.line, record.text);
        if (chunk.texts.length >= options.chunkSize || chunk.slots.length >= slotCap) {
          dispatch();
          while (inFlight > options.window) await drainHead();
        }
      }
    }
    dispatch();
    while (flights.length > 0) await drainHead();
  } finally {
    // Let every chunk settle before the caller closes the backend and the store.
    await Promise.allSettled(flights.map((flight) => flight.reply));
    storeRun?.store.flush();
  }
  return tally;
}

function errorResult(id: string, error: ErrorInfo): RewardResult {
  return { id, reward: null, components: {}, error, ms: 0 };
}
