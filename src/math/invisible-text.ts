import { beyondAscii } from './ascii-text.js';
import { findClosingBrace } from './braces.js';

/**
 * What a reader of the rendered response does not see, removed before extraction, so the answer
 * we read is the one a grader reads (an RL policy must not score with text nobody sees, nor hide
 * the answer it commits to behind text we would read instead):
 *
 * - invisible characters: zero-width spaces and joiners, the soft hyphen, word joiners, invisible
 *   operators, the byte-order mark, left-to-right and right-to-left marks (`4\u200b0` is 40);
 * - LaTeX that renders nothing: `\phantom{..}`, `\hphantom`, `\vphantom`, `\iffalse ... \fi`,
 *   `\if0 ... \fi`, the `comment` environment;
 * - HTML that renders nothing: comments `<!-- .. -->` (an unclosed one hides the rest) and elements
 *   styled `display: none` / `visibility: hidden`, `font-size: 0`, `opacity: 0`, moved off the
 *   page (`left: -9999px`), clipped or scaled to nothing, or marked `hidden`;
 * - markdown's comment idiom, a link definition to `#` or `<>` (`[//]: # (..)`), which renders nothing;
 * - retracted (struck-out) text: `\cancel{..}`, `\bcancel`, `\xcancel`, `\sout`, `\st`,
 *   `\cancelto{a}{b}` (both parts), markdown `~~..~~`, `<del>`/`<strike>` elements, characters
 *   overlaid with a combining stroke (`5̶`). A struck value
 *   is withdrawn: `\cancel{50} 40` states 40, `\cancel{40}` alone states nothing.
 *
 * Digits of other scripts (fullwidth `４０`, Arabic-Indic `٤٠`, Devanagari `४०`, mathematical bold
 * `𝟒𝟎` ...) are digits: they become ASCII digits. Bidirectional overrides and isolates (which make a reader see
 * `50` where the text says `05`) are not removed: `hasReorderingControls` tells the verifier, which
 * then compares nothing.
 *
 * Cheap tests decide whether any of this can apply (`mayHideText`); a response without a
 * character beyond ASCII and without `<!--`, `~~`, `<del`, `<strike`, a hiding attribute or one of
 * the commands is returned as it is.
 */

/** Markers of hidden ASCII text (asked only when the text holds `<`, `~~` or a backslash). */
const HIDING_MARKUP =
  /<(?:!--|del\b|strike\b|[A-Za-z][^<>]{0,80}?(?:hidden|display))|~~|\\(?:[hv]?phantom|iffalse|[bx]?cancel|sout|st(?![A-Za-z]))/;
/** OPENING_TAG at one position (see holdsHidingTag). */
const OPENING_TAG_AT = /<([A-Za-z][A-Za-z0-9]{0,15})\b([^<>]{0,400})>/y;

/** Zero-width and other invisible format characters (bidi overrides and isolates excluded). */
const INVISIBLE_CHARACTERS = /[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/g;
/** Bidirectional embeddings, overrides and isolates: they reorder what is shown. */
const REORDERING_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
/**
 * The first code unit of each run of ten decimal digits of the scripts models write in (Arabic,
 * Persian, N'Ko, the Indic scripts, Thai, Lao, Tibetan, Myanmar, Khmer, Mongolian, fullwidth);
 * mathematical digits (U+1D7CE..U+1D7FF, five runs) are a surrogate pair after U+D835. A loop over
 * code units finds them several times faster than a regex class on long non-Latin text.
 */
const DIGIT_ZEROS: readonly number[] = [
  0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0de6,
  0x0e50, 0x0ed0, 0x0f20, 0x1040, 0x17e0, 0x1810, 0xff10,
];

/**
 * A digit or letter overlaid with a stroke or a slash (combining U+0335-U+0338: `5̶`, `5̸`), the
 * plain-text strike-through of chat interfaces: struck, so withdrawn like `~~5~~` (red team round
 * 3: `\boxed{5̶}` scored 1). A slashed relation (`≠`) is a negation, not a strike, and is kept.
 */
const STRUCK_CHARACTERS = /[0-9A-Za-z][\u0335-\u0338]+/g;
const STROKE_OVERLAY_GATE = /[\u0335-\u0338]/;

const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
/** An opening HTML tag and its attributes (bounded: no backtracking over long text). */
const OPENING_TAG = /<([A-Za-z][A-Za-z0-9]{0,15})\b([^<>]{0,400})>/g;
const CLOSING_TAG = /<\/([A-Za-z][A-Za-z0-9]{0,15})\s*>/g;
/** Attributes that hide an element, and elements that strike their content out. */
const HIDING_ATTRIBUTES =
  /display\s*:\s*none|visibility\s*:\s*hidden|\bhidden\b|(?:font-size|opacity)\s*:\s*0*(?:\.0*)?(?:px|em|rem|pt|%|vw|vh)?\s*(?:[;"'!]|$)|opacity\s*:\s*0?\.0\d*|font-size\s*:\s*0?\.\d+(?:px|pt)|color\s*:\s*transparent|(?:left|top|right)\s*:\s*-\d{3,}|(?:left|top|right)\s*:\s*-\d{2,}(?:\.\d+)?(?:em|rem|vw|vh)|clip-path\s*:\s*(?:inset\(\s*(?:50|100)%|circle\(\s*0)|transform\s*:\s*scale\(\s*0\s*\)/i;
const STRUCK_ELEMENTS = /^(?:del|strike)$/i;
const STRUCK_MARKDOWN = /~~(?!\s)[^~\n]{1,200}?~~/g;
const IF_FALSE = /\\iffalse(?![A-Za-z])[\s\S]*?(?:\\fi(?![A-Za-z])|$)/g;
/**
 * `\if0 ... \fi` removed up to its `\fi` (a lone `\if0` in prose hides nothing): one forward walk
 * with `indexOf`, linear however many `\if0` lack a `\fi` (a lazy pattern rescanned the rest of
 * the text from each of them).
 */
function withoutIfZeroBlocks(text: string): string {
  let output = '';
  let cursor = 0;
  for (let open = text.indexOf('\\if0'); open >= 0; open = text.indexOf('\\if0', cursor)) {
    if (/\d/.test(text[open + 4] ?? '')) {
      output += text.slice(cursor, open + 4);
      cursor = open + 4;
      continue;
    }
    let close = text.indexOf('\\fi', open + 4);
    while (close >= 0 && /[A-Za-z]/.test(text[close + 3] ?? '')) close = text.indexOf('\\fi', close + 3);
    if (close < 0) break;
    output += `${text.slice(cursor, open)} `;
    cursor = close + 3;
  }
  return cursor === 0 ? text : output + text.slice(cursor);
}
/** The `comment` environment (the LaTeX `comment` package) and markdown's comment idiom `[//]: # (..)`. */
const COMMENT_ENVIRONMENT = /\\begin\{comment\}[\s\S]*?(?:\\end\{comment\}|$)/g;
const MARKDOWN_COMMENT_GATE = /\]:[ \t]*(?:#|<>|\/\/)/;
/**
 * The comment line; its classes stop at `\r` too, which ends a line for `^` and `$` (a text of
 * `\t[]:#(\r` repeated made each line's `\([^\n]*\)` scan on to the text's end: 120-150 ms on 30,000
 * characters in the pattern audit of stop 45; 5 ms a whole verification now).
 */
const MARKDOWN_COMMENT =
  /^[ \t]*\[[^\]\n\r]{0,40}\]:[ \t]*(?:#|<>|\/\/)(?:[ \t]*(?:\([^\n\r]*\)|"[^\n\r]*"|'[^\n\r]*'))?[ \t]*$/gm;
/** Commands removed with their braced arguments (`\cancelto{a}{b}` has two, the others one). */
const REMOVED_COMMANDS = /\\(?:[hv]?phantom|cancelto|[bx]?cancel|sout|st)(?![A-Za-z])/g;

/** Whether the text may hold something a reader does not see (a cheap test before any rewrite). */
export function mayHideText(text: string): boolean {
  // `includes` before any pattern: one regex alternation of all the markers cost microseconds on
  // every plain word-problem solution (GSM8K's `<<48/2=24>>` notes hold `<`).
  if (beyondAscii(text)) return true;
  if (text.includes('\\') && mayHoldRemovedCommand(text)) return true;
  if (text.includes('~~')) return true;
  if (text.includes(']:') && MARKDOWN_COMMENT_GATE.test(text)) return true;
  return holdsHidingTag(text);
}

/**
 * Whether a comment or an element that `withoutHiddenElements` removes starts at some `<` (the
 * same patterns, in any letter case and as far into the tag: `<DEL>`, `<p HIDDEN>`): each `<`
 * followed by `!` or a letter is tried. GSM8K's `<<48/2=24>>` notes are passed over at once; an
 * unanchored scan cost about 0.17 µs on every such solution, this walk 0.08 µs.
 */
function holdsHidingTag(text: string): boolean {
  for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
    // `!` (33) or an ASCII letter, read in lower case (a few other codes pass too; the patterns decide).
    const next = text.charCodeAt(at + 1) | 32;
    if (next !== 33 && (next < 97 || next > 122)) continue;
    if (text.startsWith('<!--', at)) return true;
    OPENING_TAG_AT.lastIndex = at;
    const tag = OPENING_TAG_AT.exec(text);
    if (tag !== null && (STRUCK_ELEMENTS.test(tag[1] as string) || HIDING_ATTRIBUTES.test(tag[2] as string)))
      return true;
  }
  return false;
}

function mayHoldRemovedCommand(text: string): boolean {
  if (text.includes('\\if0') || text.includes('\\begin{comment}')) return true;
  return (
    (text.includes('phantom') ||
      text.includes('\\iffalse') ||
      text.includes('cancel') ||
      text.includes('\\sout') ||
      text.includes('\\st')) &&
    HIDING_MARKUP.test(text)
  );
}

/** The text as a reader sees it (see the module comment); unchanged when nothing applies. */
export function withoutInvisibleText(text: string): string {
  if (!mayHideText(text)) return text;
  let visible = text;
  if (beyondAscii(visible)) {
    visible = visible.replace(INVISIBLE_CHARACTERS, '');
    if (STROKE_OVERLAY_GATE.test(visible)) visible = visible.replace(STRUCK_CHARACTERS, ' ');
    visible = asciiDigits(visible);
  }
  if (visible.includes('<!--')) visible = visible.replace(HTML_COMMENT, ' ');
  if (visible.includes('<')) visible = withoutHiddenElements(visible);
  if (visible.includes('~~')) visible = visible.replace(STRUCK_MARKDOWN, ' ');
  if (visible.includes(']:')) visible = visible.replace(MARKDOWN_COMMENT, ' ');
  if (visible.includes('\\')) {
    if (visible.includes('\\iffalse')) visible = visible.replace(IF_FALSE, ' ');
    if (visible.includes('\\if0')) visible = withoutIfZeroBlocks(visible);
    if (visible.includes('\\begin{comment}')) visible = visible.replace(COMMENT_ENVIRONMENT, ' ');
    visible = withoutRemovedCommands(visible);
  }
  return visible;
}

/**
 * Removes hidden (`style="display:none"`, `hidden`) and struck (`<del>`, `<strike>`) elements up to
 * their closing tag (nesting is not followed; an unclosed one hides the rest). Each opening tag is
 * found once and its closing tag with one `indexOf`: linear in the text.
 */
function withoutHiddenElements(text: string): string {
  let output = '';
  let cursor = 0;
  OPENING_TAG.lastIndex = 0;
  for (let match = OPENING_TAG.exec(text); match !== null; match = OPENING_TAG.exec(text)) {
    const [, tag = '', attributes = ''] = match;
    // (`<s>` is not read as a strike-through: it opens a Llama turn, see chat-tokens.ts.)
    if (!STRUCK_ELEMENTS.test(tag) && !HIDING_ATTRIBUTES.test(attributes)) continue;
    // Its closing tag, in any letter case (the scan goes on after it: linear overall).
    const name = tag.toLowerCase();
    CLOSING_TAG.lastIndex = OPENING_TAG.lastIndex;
    let closeEnd = text.length;
    for (let close = CLOSING_TAG.exec(text); close !== null; close = CLOSING_TAG.exec(text)) {
      if ((close[1] as string).toLowerCase() === name) {
        closeEnd = CLOSING_TAG.lastIndex;
        break;
      }
    }
    output += `${text.slice(cursor, match.index)} `;
    cursor = closeEnd;
    OPENING_TAG.lastIndex = closeEnd;
  }
  return cursor === 0 ? text : output + text.slice(cursor);
}

/**
 * Removes every phantom and strike-out command with its arguments, in one scan (linear): a command
 * without braces (`\cancel 5`) removes the next token.
 */
function withoutRemovedCommands(text: string): string {
  let output = '';
  let cursor = 0;
  REMOVED_COMMANDS.lastIndex = 0;
  for (let match = REMOVED_COMMANDS.exec(text); match !== null; match = REMOVED_COMMANDS.exec(text)) {
    let end = match.index + match[0].length;
    const count = match[0] === '\\cancelto' ? 2 : 1;
    for (let argument = 0; argument < count; argument++) {
      while (text[end] === ' ') end++;
      if (text[end] === '{') {
        const close = findClosingBrace(text, end);
        end = close < 0 ? text.length : close + 1;
      } else if (end < text.length) {
        // One token: a number, a command, or a character.
        const token = /^(?:\d+(?:\.\d+)?|\\[A-Za-z]+|.)/s.exec(text.slice(end, end + 64));
        end += token?.[0].length ?? 1;
      }
    }
    output += `${text.slice(cursor, match.index)} `;
    cursor = end;
    REMOVED_COMMANDS.lastIndex = end;
  }
  return cursor === 0 ? text : output + text.slice(cursor);
}

/** Whether the text holds bidirectional controls that reorder what a reader sees. */
export function hasReorderingControls(text: string): boolean {
  return REORDERING_CONTROLS.test(text);
}

/** The ASCII digit a code unit stands for, or undefined (`low` is the next unit, for a surrogate pair). */
function digitOf(code: number, low: number): string | undefined {
  if (code < 0x0660) return undefined;
  if (code === 0xd835 && low >= 0xdfce && low <= 0xdfff) return String((low - 0xdfce) % 10);
  for (const zero of DIGIT_ZEROS) {
    if (code >= zero && code < zero + 10) return String(code - zero);
  }
  return undefined;
}

/** Digits of other scripts as ASCII digits, one code unit at a time (NFKC of the text would also fold `x²`). */
function asciiDigits(text: string): string {
  let output = '';
  let cursor = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // Below Arabic-Indic zero, or between Mongolian nine and fullwidth zero (CJK, most letters).
    if (code < 0x0660 || (code > 0x1819 && code < 0xd835) || (code > 0xd835 && code < 0xff10)) continue;
    const digit = digitOf(code, text.charCodeAt(index + 1));
    if (digit === undefined) continue;
    output += text.slice(cursor, index) + digit;
    cursor = index + (code === 0xd835 ? 2 : 1);
    if (code === 0xd835) index++;
  }
  return cursor === 0 ? text : output + text.slice(cursor);
}
