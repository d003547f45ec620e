import type { ErrorInfo } from '../core/errors.js';
import { parseJsonLine } from './parse-json-line.js';

/**
 * Python's `json.dumps` writes the non-finite floats as the bare words `NaN`, `Infinity` and
 * `-Infinity`, which are not JSON. This quotes those words where they stand as values (outside
 * strings), so a line written by Python parses and the non-finite value reaches field validation
 * as the string "NaN" (or "Infinity", "-Infinity"), to be named there as the field's error.
 * Returns undefined when the text has no such word outside a string (nothing to repair).
 */
export function quotePythonNonFinite(text: string): string | undefined {
  let out = '';
  let copiedUpTo = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c)
        index++; // a backslash escapes the next character
      else if (char === 0x22) inString = false;
      continue;
    }
    if (char === 0x22) {
      inString = true;
      continue;
    }
    const word = nonFiniteWordAt(text, index);
    if (word === undefined) continue;
    out += `${text.slice(copiedUpTo, index)}"${word}"`;
    index += word.length - 1;
    copiedUpTo = index + 1;
  }
  return copiedUpTo === 0 ? undefined : out + text.slice(copiedUpTo);
}

/** The words Python writes for the non-finite floats. */
export const NON_FINITE_WORDS: ReadonlySet<string> = new Set(['NaN', 'Infinity', '-Infinity']);

function nonFiniteWordAt(text: string, index: number): string | undefined {
  for (const word of NON_FINITE_WORDS) {
    if (!text.startsWith(word, index)) continue;
    const after = text.charCodeAt(index + word.length);
    // A value ends at a delimiter: whitespace, ',', ']', '}' or the end of the line.
    if (Number.isNaN(after) || after === 0x2c || after === 0x5d || after === 0x7d || after <= 0x20)
      return word;
  }
  return undefined;
}

/**
 * parseJsonLine, then, only when that fails, once more with Python's non-finite words quoted; a
 * line that is valid JSON is never rewritten, and a line neither reading parses keeps the strict
 * parser's reason.
 */
export function parsePythonJsonLine(text: string, line: number): { value: unknown } | { error: ErrorInfo } {
  const parsed = parseJsonLine(text, line);
  if (!('error' in parsed)) return parsed;
  const repaired = quotePythonNonFinite(text);
  if (repaired === undefined) return parsed;
  const retried = parseJsonLine(repaired, line);
  return 'error' in retried ? parsed : retried;
}
