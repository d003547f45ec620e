/**
 * A response that ends in a JSON object with an answer field: models asked for structured output
 * close with `{"answer": 13.5, "reasoning": "..."}`, often in a ```` ```json ```` fence after their
 * worked solution (o1-preview, DeepSeek-V3 and GPT-4 outputs of protagolabs/odyssey-math, the
 * round-10 real outputs of issue 9: 31 of 144 responses, whose answers the other extractors read
 * from the reasoning's last number or from the fence's tag `json`). The field is read with or
 * without the rest of the object being valid JSON: models write LaTeX escapes that JSON forbids
 * (`"\(x\)"`), so the object is walked by a tolerant scanner, never by `JSON.parse`.
 *
 * Only the object that ends the response counts (what follows it: spaces and the fence's closing
 * backticks), and only its own top-level field: an `answer` nested in its reasoning is no answer.
 * A string value is the answer's text (JSON's `\"`, `\\`, `\/` and `\uXXXX` unescaped, other
 * escapes kept: `\frac` is LaTeX); an array of strings and numbers is their list (`["B", "F"]`
 * reads `B, F`); an array of arrays keeps its brackets; an object or an empty value is no answer.
 */

import { isWhiteSpaceCode, lastNonSpaceBefore } from '../core/text.js';

/** Field names that hold the answer, compared in lower case with spaces and hyphens as `_`. */
const ANSWER_FIELDS: ReadonlySet<string> = new Set(['answer', 'final_answer', 'finalanswer']);

/** Candidate openings (`{` before a quoted key) tried from the end, at most. */
const MAX_OPENINGS = 32;

/** The answer field's value and where the object holding it starts and ends. */
export interface JsonAnswer {
  text: string;
  /** The object's opening brace. */
  start: number;
  /** Just past the object's closing brace. */
  end: number;
}

/** The index of the response's closing `}` when the response ends with a JSON object, else -1. */
function closingBrace(text: string): number {
  let index = lastNonSpaceBefore(text, text.length);
  // A closing fence (```), then the spaces before it.
  let backticks = 0;
  while (index >= 0 && text.charCodeAt(index) === 96) {
    index--;
    backticks++;
  }
  if (backticks !== 0 && backticks !== 3) return -1;
  index = lastNonSpaceBefore(text, index + 1);
  return index >= 0 && text.charCodeAt(index) === 125 ? index : -1;
}

function skipSpaces(text: string, index: number): number {
  while (index < text.length && isWhiteSpaceCode(text.charCodeAt(index))) index++;
  return index;
}

/** Just past the string opening at `index` (a `"`), or -1 when it never closes. Any escape skips one character. */
function stringEnd(text: string, index: number): number {
  for (let at = index + 1; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 92) at++;
    else if (code === 34) return at + 1;
  }
  return -1;
}

/**
 * Just past the JSON value at `index` (object, array, string, or a bare word or number), or -1
 * when it is no value or does not close.
 */
function valueEnd(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code === 34) return stringEnd(text, index);
  if (code === 123 || code === 91) {
    let depth = 0;
    for (let at = index; at < text.length; at++) {
      const inner = text.charCodeAt(at);
      if (inner === 34) {
        at = stringEnd(text, at) - 1;
        if (at < 0) return -1;
      } else if (inner === 123 || inner === 91) depth++;
      else if (inner === 125 || inner === 93) {
        depth--;
        if (depth === 0) return at + 1;
      }
    }
    return -1;
  }
  // A number or a literal (true, false, null): up to a comma, a closing bracket or a space.
  let at = index;
  while (at < text.length) {
    const inner = text.charCodeAt(at);
    if (inner === 44 || inner === 125 || inner === 93 || isWhiteSpaceCode(inner)) break;
    at++;
  }
  return at === index ? -1 : at;
}

/** A JSON string's content with `\"`, `\\`, `\/` and `\uXXXX` unescaped; other escapes (LaTeX's `\frac`) kept. */
function stringContent(literal: string): string {
  return literal
    .slice(1, -1)
    .replace(
      /\\(["\\/])|\\u([0-9a-fA-F]{4})/g,
      (_escape, character: string | undefined, hex: string | undefined) =>
        character ?? String.fromCharCode(Number.parseInt(hex as string, 16)),
    );
}

/** The answer a JSON value states: a string's content, a number, a list's items; undefined for an object. */
function valueText(text: string, start: number, end: number): string | undefined {
  const code = text.charCodeAt(start);
  if (code === 34) return stringContent(text.slice(start, end));
  if (code === 123) return undefined;
  if (code !== 91) return text.slice(start, end);
  const items: string[] = [];
  for (let at = skipSpaces(text, start + 1); at < end - 1; ) {
    const itemEnd = valueEnd(text, at);
    const first = text.charCodeAt(at);
    // Nested arrays or objects (a matrix): the array as written.
    if (itemEnd < 0 || first === 91 || first === 123) return text.slice(start, end);
    items.push(first === 34 ? stringContent(text.slice(at, itemEnd)) : text.slice(at, itemEnd));
    at = skipSpaces(text, itemEnd);
    if (text.charCodeAt(at) === 44) at = skipSpaces(text, at + 1);
    else break;
  }
  return items.join(', ');
}

/**
 * The top-level answer field of the object opening at `open` (closing at `close`), if any;
 * `'conflicting'` when it has two answer fields that differ (`{"final_answer": "7", "answer": "6"}`,
 * an answer and a null one).
 */
function answerField(text: string, open: number, close: number): string | 'conflicting' | undefined {
  let found: string | undefined;
  let fields = 0;
  let at = skipSpaces(text, open + 1);
  while (at < close && text.charCodeAt(at) === 34) {
    const keyEnd = stringEnd(text, at);
    if (keyEnd < 0) return undefined;
    const key = text
      .slice(at + 1, keyEnd - 1)
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    at = skipSpaces(text, keyEnd);
    if (text.charCodeAt(at) !== 58) return undefined;
    at = skipSpaces(text, at + 1);
    const end = valueEnd(text, at);
    if (end < 0 || end > close) return undefined;
    if (ANSWER_FIELDS.has(key)) {
      const answer = valueText(text, at, end)?.trim();
      const usable = answer !== undefined && answer !== '' && answer !== 'null';
      if (++fields > 1 && (!usable || answer !== found)) return 'conflicting';
      if (usable) found = answer;
    }
    at = skipSpaces(text, end);
    if (text.charCodeAt(at) !== 44) return at === close ? found : undefined;
    at = skipSpaces(text, at + 1);
  }
  return undefined;
}

/** Whether the text may name an answer field (a cheap test before the walk). */
function mayHoldAnswerField(text: string): boolean {
  return text.includes('nswer"') || text.includes('NSWER"');
}

/**
 * The answer field of the JSON object that ends the response, if it has one; `'conflicting'` when
 * the object has answer fields that differ (the response then states no answer at all: the other
 * extractors would read one of the fields as text).
 */
export function jsonAnswer(text: string): JsonAnswer | 'conflicting' | undefined {
  const close = closingBrace(text);
  if (close < 0 || !mayHoldAnswerField(text)) return undefined;
  // Openings `{` before a quoted key, from the last: the first whose object closes at the end is
  // the top-level one (a nested object closes before it).
  let tried = 0;
  for (let open = text.lastIndexOf('{', close); open >= 0 && tried < MAX_OPENINGS; ) {
    if (text.charCodeAt(skipSpaces(text, open + 1)) === 34) {
      tried++;
      if (valueEnd(text, open) === close + 1) {
        const answer = answerField(text, open, close);
        return answer === undefined || answer === 'conflicting'
          ? answer
          : { text: answer, start: open, end: close + 1 };
      }
    }
    open = open === 0 ? -1 : text.lastIndexOf('{', open - 1);
  }
  return undefined;
}
