import { findClosingBrace } from './braces.js';

/**
 * What a reader of the rendered response does not see, removed before extraction, so the answer
 * we read is the one a grader reads (an RL policy must not score with text nobody sees, nor hide
 * the answer it commits to behind text we would read instead):
 *
 * - invisible characters: zero-width spaces and joiners, the soft hyphen, word joiners, invisible
 *   operators, the byte-order mark, left-to-right and right-to-left marks (`4\u200b0` is 40);
 * - LaTeX that renders nothing: `\phantom{..}`, `\hphantom`, `\vphantom`, `\iffalse ... \fi`;
 * - HTML that renders nothing: comments `<!-- .. -->` (an unclosed one hides the rest) and elements
 *   styled `display: none` / `visibility: hidden` or marked `hidden`;
 * - retracted (struck-out) text: `\cancel{..}`, `\bcancel`, `\xcancel`, `\sout`, `\st`,
 *   `\cancelto{a}{b}` (both parts), markdown `~~..~~`, `<del>`/`<strike>` elements. A struck value
 *   is withdrawn: `\cancel{50} 40` states 40, `\cancel{40}` alone states nothing.
 *
 * Digits of other scripts (fullwidth `４０`, Arabic-Indic `٤٠`, mathematical bold `𝟒𝟎` ...) are
 * digits: they become ASCII digits. Bidirectional overrides and isolates (which make a reader see
 * `50` where the text says `05`) are not removed: `hasReorderingControls` tells the verifier, which
 * then compares nothing.
 *
 * One regex test decides whether any of this can apply (`mayHideText`); a response without a
 * character beyond ASCII and without `<!--`, `~~`, `<del`, `<strike`, `hidden`, `display` or one
 * of the commands is returned as it is.
 */

const GATE =
  /[^\x00-\x7e]|<!--|~~|<(?:del|strike)\b|hidden|display\s*:|\\(?:[hv]?phantom|iffalse|[bx]?cancel|cancelto|sout|st)(?![A-Za-z])/;

/** Zero-width and other invisible format characters (bidi overrides and isolates excluded). */
const INVISIBLE_CHARACTERS = /[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/g;
/** Bidirectional embeddings, overrides and isolates: they reorder what is shown. */
const REORDERING_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
/** A decimal digit of any script but ASCII. */
const OTHER_DIGIT = /(?![0-9])\p{Nd}/gu;

const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
/** An element hidden by its style or attribute, up to its closing tag (not nested). */
const HIDDEN_ELEMENT =
  /<([A-Za-z][A-Za-z0-9]*)\b[^<>]*(?:display\s*:\s*none|visibility\s*:\s*hidden|\bhidden\b)[^<>]*>[\s\S]*?<\/\1\s*>/gi;
const STRUCK_HTML = /<(del|strike)\b[^<>]*>[\s\S]*?<\/\1\s*>/gi;
const STRUCK_MARKDOWN = /~~(?!\s)[^~\n]{1,200}?~~/g;
const IF_FALSE = /\\iffalse(?![A-Za-z])[\s\S]*?(?:\\fi(?![A-Za-z])|$)/g;

/** Commands whose braced arguments (how many) are removed with them. */
const REMOVED_COMMANDS: readonly (readonly [name: string, argumentCount: number])[] = [
  ['phantom', 1],
  ['hphantom', 1],
  ['vphantom', 1],
  ['cancelto', 2],
  ['cancel', 1],
  ['bcancel', 1],
  ['xcancel', 1],
  ['sout', 1],
  ['st', 1],
];

/** Whether the text may hold something a reader does not see (a cheap test before any rewrite). */
export function mayHideText(text: string): boolean {
  return GATE.test(text);
}

/** The text as a reader sees it (see the module comment); unchanged when nothing applies. */
export function withoutInvisibleText(text: string): string {
  if (!GATE.test(text)) return text;
  let visible = text;
  if (/[^\x00-\x7e]/.test(visible)) {
    visible = visible.replace(INVISIBLE_CHARACTERS, '');
    if (OTHER_DIGIT.test(visible)) visible = asciiDigits(visible);
  }
  if (visible.includes('<!--')) visible = visible.replace(HTML_COMMENT, ' ');
  if (visible.includes('<')) visible = visible.replace(HIDDEN_ELEMENT, ' ').replace(STRUCK_HTML, ' ');
  if (visible.includes('~~')) visible = visible.replace(STRUCK_MARKDOWN, ' ');
  if (visible.includes('\\')) {
    if (visible.includes('\\iffalse')) visible = visible.replace(IF_FALSE, ' ');
    for (const [name, count] of REMOVED_COMMANDS) visible = removeCommand(visible, name, count);
  }
  return visible;
}

/** Whether the text holds bidirectional controls that reorder what a reader sees. */
export function hasReorderingControls(text: string): boolean {
  return REORDERING_CONTROLS.test(text);
}

/** Digits of other scripts as ASCII digits (each digit alone: NFKC of the whole text would also fold `x²`). */
function asciiDigits(text: string): string {
  return text.replace(OTHER_DIGIT, (digit) => {
    const folded = digit.normalize('NFKC');
    if (folded.length === 1 && folded >= '0' && folded <= '9') return folded;
    // Unicode encodes each script's digits as a run of ten from zero: the value is the distance
    // from the run's zero.
    let code = digit.codePointAt(0) as number;
    let value = 0;
    while (value < 50 && /\p{Nd}/u.test(String.fromCodePoint(code - 1))) {
      code--;
      value++;
    }
    return String(value % 10);
  });
}

/**
 * Removes every `\name{..}` (with `count` braced arguments), one scan, linear: a command without
 * its braces (`\cancel 5`) removes the next token.
 */
function removeCommand(text: string, name: string, count: number): string {
  const needle = `\\${name}`;
  let index = text.indexOf(needle);
  if (index < 0) return text;
  let output = '';
  let cursor = 0;
  while (index >= 0) {
    let end = index + needle.length;
    if (/[A-Za-z]/.test(text[end] ?? '')) {
      index = text.indexOf(needle, end);
      continue;
    }
    for (let argument = 0; argument < count; argument++) {
      while (text[end] === ' ') end++;
      if (text[end] === '{') {
        const close = findClosingBrace(text, end);
        end = close < 0 ? text.length : close + 1;
      } else if (end < text.length) {
        // One token: a digit run, a letter, or a command.
        const token = /^(?:\d+(?:\.\d+)?|\\[A-Za-z]+|.)/s.exec(text.slice(end, end + 64));
        end += token?.[0].length ?? 1;
      }
    }
    output += `${text.slice(cursor, index)} `;
    cursor = end;
    index = text.indexOf(needle, end);
  }
  return output + text.slice(cursor);
}
