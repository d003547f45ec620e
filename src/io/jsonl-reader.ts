import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { ErrorInfo } from '../core/errors.js';
import { parseJsonLine } from './parse-json-line.js';

/** 64 MiB: the default cap on one input line. Longer lines are skipped, never buffered whole. */
export const DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;

/**
 * One input line: its text (valid UTF-8, not blank, line ending removed; parse it with
 * parseJsonLine) or why it could not be read. Line numbers start at 1. Parsing is left to the
 * consumer so that it can happen where the sample is scored (a worker thread).
 */
export type JsonlTextRecord = { line: number; text: string } | { line: number; error: ErrorInfo };

/** One input line parsed: its JSON value, or why it could not be read or parsed. */
export type JsonlRecord = { line: number; value: unknown } | { line: number; error: ErrorInfo };

export interface JsonlReaderOptions {
  /** Lines longer than this many bytes yield RK_INPUT_TOO_LARGE. */
  maxLineBytes?: number;
  /** Called after each chunk with the bytes consumed so far (for progress bars). */
  onBytes?: (bytesRead: number) => void;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Splits a byte stream into JSONL records, one per line, in order: every line yields exactly one
 * record (blank lines, malformed JSON, invalid UTF-8 and oversized lines yield error records that
 * name the line). Memory stays bounded by the chunk size plus the longest line under the cap.
 * Records come in batches (one per chunk read) to keep per-line overhead low.
 */
export async function* readJsonlTextBatches(
  source: Readable,
  options: JsonlReaderOptions = {},
): AsyncGenerator<JsonlTextRecord[]> {
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  let pieces: Buffer[] = [];
  let pendingBytes = 0;
  /** Set while skipping an oversized line: how many bytes it had so far. */
  let oversized: number | undefined;
  let line = 0;
  let bytesRead = 0;
  for await (const chunk of source as AsyncIterable<Buffer>) {
    bytesRead += chunk.length;
    const batch: JsonlTextRecord[] = [];
    let start = 0;
    while (start <= chunk.length) {
      const newline = chunk.indexOf(NEWLINE, start);
      const end = newline < 0 ? chunk.length : newline;
      const length = end - start;
      if (oversized !== undefined) {
        oversized += length;
      } else if (pendingBytes + length > maxLineBytes) {
        oversized = pendingBytes + length;
        pieces = [];
        pendingBytes = 0;
      } else if (newline < 0) {
        if (length > 0) pieces.push(chunk.subarray(start, end));
        pendingBytes += length;
      }
      if (newline < 0) break;
      line++;
      if (oversized !== undefined) {
        batch.push({ line, error: tooLargeLine(line, oversized, maxLineBytes) });
        oversized = undefined;
      } else {
        const bytes =
          pieces.length === 0
            ? chunk.subarray(start, end)
            : Buffer.concat([...pieces, chunk.subarray(start, end)]);
        pieces = [];
        pendingBytes = 0;
        batch.push(decodeLine(bytes, line));
      }
      start = newline + 1;
    }
    options.onBytes?.(bytesRead);
    if (batch.length > 0) yield batch;
  }
  // A last line without a trailing newline still counts; a trailing newline does not add a line.
  if (oversized !== undefined) {
    line++;
    yield [{ line, error: tooLargeLine(line, oversized, maxLineBytes) }];
  } else if (pendingBytes > 0) {
    line++;
    yield [decodeLine(Buffer.concat(pieces), line)];
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

/** Decodes one line's bytes (without its newline) into a record. */
export function decodeLine(raw: Buffer, line: number): JsonlTextRecord {
  let bytes = raw.length > 0 && raw[raw.length - 1] === CARRIAGE_RETURN ? raw.subarray(0, -1) : raw;
  // A UTF-8 byte-order mark (some editors write one) is not part of the first line's JSON.
  if (line === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  if (!isUtf8(bytes)) {
    return inputError(line, 'RK_INPUT_INVALID_UTF8', `line ${line}: not valid UTF-8`, {
      hint: 're-encode the file as UTF-8',
    });
  }
  const text = bytes.toString('utf8');
  if (text.trim() === '') return { line, error: blankLineError(line) };
  return { line, text };
}

/** The error of a blank (or white-space only) line. */
export function blankLineError(line: number): ErrorInfo {
  return {
    code: 'RK_INPUT_INVALID',
    message: `line ${line}: blank line, expected a JSON sample`,
    where: `line ${line}`,
  };
}

/** The error of a line longer than the cap (it was skipped while reading). */
export function tooLargeLine(line: number, bytes: number, maxLineBytes: number): ErrorInfo {
  return {
    code: 'RK_INPUT_TOO_LARGE',
    message: `line ${line}: ${bytes} bytes is more than the ${maxLineBytes}-byte line limit; skipped`,
    hint: 'raise the limit with --max-line-bytes or shorten the sample',
    where: `line ${line}`,
  };
}

function inputError(
  line: number,
  code: ErrorInfo['code'],
  message: string,
  extra: { hint?: string } = {},
): JsonlTextRecord {
  return { line, error: { code, message, ...extra, where: `line ${line}` } };
}
