/**
 * Linear-time helpers for LaTeX groups. No regular expressions: answers come from untrusted
 * model output, and nested braces are where backtracking regexes blow up.
 */

/** Index of the `}` closing the `{` at `openIndex` (escaped `\{`/`\}` ignored), or -1. */
export function findClosingBrace(text: string, openIndex: number): number {
  let depth = 0;
  for (let index = openIndex; index < text.length; index++) {
    const char = text[index];
    if (char === '\\') {
      index++;
      continue;
    }
    if (char === '{') depth++;
    else if (char === '}') {
      depth--;
      if (depth === 0) return index;
    }
  }
  return -1;
}

/** The argument that follows a command ending at `index`: `{...}` content, or one token. */
export function readArgument(text: string, index: number): { content: string; end: number } | undefined {
  let cursor = index;
  while (cursor < text.length && text[cursor] === ' ') cursor++;
  if (cursor >= text.length) return undefined;
  if (text[cursor] === '{') {
    const close = findClosingBrace(text, cursor);
    if (close < 0) return undefined;
    return { content: text.slice(cursor + 1, close), end: close + 1 };
  }
  if (text[cursor] === '\\') {
    let end = cursor + 1;
    while (end < text.length && /[A-Za-z]/.test(text[end] ?? '')) end++;
    return { content: text.slice(cursor, Math.max(end, cursor + 2)), end: Math.max(end, cursor + 2) };
  }
  return { content: text[cursor] ?? '', end: cursor + 1 };
}

/**
 * Replaces every `\command{arg}` by `render(arg)`, scanning once from left to right (nested
 * occurrences inside the argument are handled too, as the result is scanned again by callers
 * only when they ask). Commands must be followed by a non-letter.
 */
export function replaceCommand(text: string, command: string, render: (argument: string) => string): string {
  const needle = `\\${command}`;
  let index = text.indexOf(needle);
  if (index < 0) return text;
  let output = '';
  let cursor = 0;
  while (index >= 0) {
    const after = index + needle.length;
    if (/[A-Za-z]/.test(text[after] ?? '')) {
      index = text.indexOf(needle, after);
      continue;
    }
    const argument = readArgument(text, after);
    if (argument === undefined) break;
    output += text.slice(cursor, index) + render(replaceCommand(argument.content, command, render));
    cursor = argument.end;
    index = text.indexOf(needle, cursor);
  }
  return output + text.slice(cursor);
}

/** Splits at top-level occurrences of `separator` (outside (), [], {}, and \left...\right). */
export function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\\') {
      if (text.startsWith(separator, index) && depth === 0) {
        parts.push(text.slice(start, index));
        start = index + separator.length;
        index = start - 1;
        continue;
      }
      if (text.startsWith('\\langle', index)) depth++;
      else if (text.startsWith('\\rangle', index)) depth--;
      index++;
      if (text[index] === '{' || text[index] === '(' || text[index] === '[') depth++;
      else if (text[index] === '}' || text[index] === ')' || text[index] === ']') depth--;
      continue;
    }
    if (char === '{' || char === '(' || char === '[') depth++;
    else if (char === '}' || char === ')' || char === ']') depth--;
    else if (depth === 0 && text.startsWith(separator, index)) {
      parts.push(text.slice(start, index));
      start = index + separator.length;
      index = start - 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * Walks the brackets of `text` (`{ ( [` open and `} ) ]` close, whichever kind; a backslash
 * escapes the next character, and with `escapedBraces` the pairs `\{` `\}` count as brackets),
 * calling `visit` with the depth after each bracket and its index. Returns the final depth, or
 * undefined when `visit` returned false to stop early.
 */
export function walkBrackets(
  text: string,
  visit: (depth: number, index: number) => boolean,
  escapedBraces = false,
): number | undefined {
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\\') {
      index++;
      if (!escapedBraces || (text[index] !== '{' && text[index] !== '}')) continue;
      depth += text[index] === '{' ? 1 : -1;
    } else if (char === '{' || char === '(' || char === '[') depth++;
    else if (char === '}' || char === ')' || char === ']') depth--;
    else continue;
    if (!visit(depth, index)) return undefined;
  }
  return depth;
}

/** True when the brackets of `text` balance (ignoring which kind closes which). */
export function isBalanced(text: string): boolean {
  return walkBrackets(text, (depth) => depth >= 0) === 0;
}

/** Index of the `)` closing the `(` at `open` (brackets of every kind nested between), or -1. */
export function findClosingParenthesis(text: string, open: number): number {
  let close = -1;
  walkBrackets(text.slice(open), (depth, index) => {
    if (depth > 0) return true;
    if (text[open + index] === ')') close = open + index;
    return false;
  });
  return close;
}
