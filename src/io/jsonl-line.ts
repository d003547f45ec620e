import { isUtf8 } from 'node:buffer';
import type { ErrorInfo } from '../core/errors.js';

/** 64 MiB: the default cap on one input line. Longer lines are skipped, never buffered whole. */
export const DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;

/**
 * One input line: its text (valid UTF-8, not blank, line ending removed; parse it with
 * parseJsonLine) or why it could not be read. Line numbers start at 1. Parsing is left to the
 * consumer so that it can happen where the sample is scored (a worker thread).
 */
export type JsonlTextRecord = { line: number; text: string } | { line: number; error: ErrorInfo };

const CARRIAGE_RETURN = 0x0d;

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
