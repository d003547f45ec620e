/**
 * The last match of a global regex without scanning the whole text: answers sit at the end, and a
 * left-to-right scan of a 300-character solution builds a match object per number in it.
 *
 * Scanning from a later start gives the same last match as a scan from 0 when no match of the
 * full scan spans that start: the character before the start must be one that no match can
 * contain (a "breaker"). Then the full scan's first match at or after the start is the leftmost
 * match there (a match the full scan skipped would have had to begin inside an earlier match that
 * spans the start), and every later match is the same (lookbehinds see the whole text either way).
 * The caller names its pattern's breakers; a pattern whose matches may contain any character has
 * none, and is scanned whole.
 */

/** ASCII characters as a lookup table; other characters are never breakers. */
export function breakerTable(characters: string): Uint8Array {
  const table = new Uint8Array(128);
  for (let index = 0; index < characters.length; index++) {
    const code = characters.charCodeAt(index);
    if (code >= 128) throw new Error('breakers are ASCII characters');
    table[code] = 1;
  }
  return table;
}

/** Where a tail scan may start at or before `from`: just after a breaker, or 0. */
function scanStart(text: string, from: number, breakers: Uint8Array): number {
  for (let index = Math.min(from, text.length); index > 0; index--) {
    const code = text.charCodeAt(index - 1);
    if (code < 128 && breakers[code] === 1) return index;
  }
  return 0;
}

/**
 * The last match of `pattern` (global) in `text`, found by scanning about the last `tailChars`
 * characters first; exactly what a scan of the whole text would find last (see the module comment).
 */
export function lastMatchInTail(
  text: string,
  pattern: RegExp,
  breakers: Uint8Array,
  tailChars: number,
): RegExpExecArray | undefined {
  let end = text.length;
  // Windows of growing size towards the start: the answer is nearly always in the first one.
  for (let size = tailChars; ; size *= 4) {
    const start = end - size <= 0 ? 0 : scanStart(text, end - size, breakers);
    let last: RegExpExecArray | undefined;
    pattern.lastIndex = start;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      // Matches that start at or after `end` were seen by the previous window (none matched).
      if (match.index >= end) break;
      last = match;
      if (match[0] === '') pattern.lastIndex++;
    }
    if (last !== undefined || start === 0) return last;
    end = start;
  }
}
