import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { ErrorInfo } from '../core/errors.js';
import { forEachBlockLine, readJsonlBlockBatches } from './jsonl-blocks.js';
import type { JsonlTextRecord } from './jsonl-line.js';
import { parseJsonLine } from './parse-json-line.js';

export {
  blankLineError,
  DEFAULT_MAX_LINE_BYTES,
  decodeLine,
  type JsonlTextRecord,
  tooLargeLine,
} from './jsonl-line.js';

/** Lines per block while splitting (the blocks are expanded to lines at once). */
const BLOCK_LINES = 4096;

/** One input line parsed: its JSON value, or why it could not be read or parsed. */
export type JsonlRecord = { line: number; value: unknown } | { line: number; error: ErrorInfo };

export interface JsonlReaderOptions {
  /** Lines longer than this many bytes yield RK_INPUT_TOO_LARGE. */
  maxLineBytes?: number;
  /** Called after each chunk with the bytes consumed so far (for progress bars). */
  onBytes?: (bytesRead: number) => void;
}

/**
 * Splits a byte stream into JSONL records, one per line, in order: every line yields exactly one
 * record (blank lines, malformed JSON, invalid UTF-8 and oversized lines yield error records that
 * name the line). Memory stays bounded by the chunk size plus the longest line under the cap.
 * Records come in batches (one per chunk read) to keep per-line overhead low. The lines are cut by
 * readJsonlBlockBatches and decoded by forEachBlockLine: one splitter for every reader.
 */
export async function* readJsonlTextBatches(
  source: Readable,
  options: JsonlReaderOptions = {},
): AsyncGenerator<JsonlTextRecord[]> {
  for await (const items of readJsonlBlockBatches(source, { ...options, maxLines: BLOCK_LINES })) {
    const batch: JsonlTextRecord[] = [];
    for (const item of items) {
      if ('error' in item) batch.push(item);
      else
        forEachBlockLine(item, (line, text) =>
          batch.push(typeof text === 'string' ? { line, text } : { line, error: text }),
        );
    }
    yield batch;
  }
}

/** Reads a JSONL file as batches of line texts (parse them with parseJsonLine). */
export function readJsonlTextFile(
  file: string,
  options: JsonlReaderOptions = {},
): AsyncGenerator<JsonlTextRecord[]> {
  return readJsonlTextBatches(createReadStream(file, { highWaterMark: 1024 * 1024 }), options);
}

/** Like readJsonlTextBatches, with each line parsed as JSON (RK_INPUT_MALFORMED_JSON on failure). */
export async function* readJsonlBatches(
  source: Readable,
  options: JsonlReaderOptions = {},
): AsyncGenerator<JsonlRecord[]> {
  for await (const batch of readJsonlTextBatches(source, options)) {
    yield batch.map((record) => {
      if ('error' in record) return record;
      const parsed = parseJsonLine(record.text, record.line);
      return 'error' in parsed
        ? { line: record.line, error: parsed.error }
        : { line: record.line, value: parsed.value };
    });
  }
}

/** Reads a JSONL file as batches of parsed records. */
export function readJsonlFile(file: string, options: JsonlReaderOptions = {}): AsyncGenerator<JsonlRecord[]> {
  return readJsonlBatches(createReadStream(file, { highWaterMark: 1024 * 1024 }), options);
}
