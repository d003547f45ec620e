import { hasLetterOrDigit } from '../core/text.js';
import { FOREIGN_OFFERING_WORDS } from './alternative-words.js';
import { findClosingBrace, readArgument } from './braces.js';
import { cleanResponse } from './clean-response.js';
import type { Extraction } from './extraction.js';
import { holdsOtherScriptWord } from './foreign-prose.js';
import { lastIndexIn } from './last-index.js';
import { unbracedBoxNumber } from './unbraced-box.js';

/** Boxed answers separated by at most this much text form one list (`\boxed{2}, \boxed{3}`). */
const BOXED_GROUP_GAP = 60;

/**
 * Words in the text between two boxed answers that make the earlier one a discarded attempt: a
 * retraction or self-correction ("wait", "on reflection", "correcting that", "or rather"), or an
 * order ("and later", "finally") that makes the later box the one that stands.
 */
const RETRACTION =
  /\b(?:wait|actually|no|not|instead|correct(?:ion|ed|ing)?|recheck|but|however|mistake|error|wrong|hmm|oops|earlier|previous|later|finally|eventually|ultimately|revised|updated|so|thus|therefore|hence|then|answers?|final|total|overall|result|reflection|reflecting|reconsider(?:ing|ed)?|rethinking|rather|scratch|recalculat(?:ing|ed|ion)|recomput(?:ing|ed))\b/i;

/** Words between two boxes that offer the later one beside the earlier. */
const OFFERS_ANOTHER_BOX = new RegExp(
  String.raw`\b(?:or|alternatively|alternative|maybe|perhaps|possibly|another\s+(?:possible\s+)?(?:answer|option|possibility|candidate)|second\s+(?:answer|option|possibility|candidate)|vs|versus)\b|${FOREIGN_OFFERING_WORDS}`,
  'i',
);
/** Words between two boxes that take the earlier one back ("Or rather", "Wait, no"). */
const TAKES_BOX_BACK =
  /\b(?:wait|actually|no|not|instead|correct(?:ion|ed|ing)?|mistake|error|wrong|oops|rather|scratch|revised|updated|recheck|recalculat\w*|recomput\w*|reconsider\w*)\b/i;
/** An HTML line break (`<br>`, `<br/>`), a mark and no word. */
const LINE_BREAK_TAG = /<\/?br\s*\/?>/gi;
/** A markdown horizontal rule on its own line (`---`, `***`, `___`). */
const HORIZONTAL_RULE = /^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$/gm;
/** A sentence's end between two boxes; not the full stop of "vs.", "approx.", "i.e." and kin. */
const SENTENCE_END_IN_GAP = /(?<!\b(?:vs|approx|alt|resp|cf|viz|i\.e|e\.g))[.!?](?:\s|$)/i;

/**
 * Whether the text between two boxed answers joins them into one answer: only separators
 * (`,` `;` `\quad` `$` "and" "or"), or a short aside that ends in "and"/"or"
 * (`\text{ for part (a) and }`), never a sentence end or a retraction ("no", "wait").
 */
export function joinsBoxedAnswers(gap: string): boolean {
  if (gap.length > BOXED_GROUP_GAP) return false;
  // "\boxed{17}\n\nAlternatively, \boxed{18}", "Or: ", "Maybe: ", "vs. ": a word that offers another
  // joins the boxes across a paragraph or a full stop, unless the gap takes the first one back (a
  // red team of stop 35: the later box alone was paid).
  if (OFFERS_ANOTHER_BOX.test(gap) && !TAKES_BOX_BACK.test(gap)) return true;
  // `\boxed{17}. \boxed{18}`, `\boxed{17}\n\n---\n\n\boxed{18}`, `<br>`: nothing but marks between
  // two boxes, no word that revises the first: two answers side by side.
  // An operator between them is arithmetic on the boxes (`\boxed{35} + \boxed{4}`), read below.
  // Words in another script are words too ("### 最終答え：" between `\boxed{84 - 63 = 21}` and
  // `\boxed{21}`, a held-out Japanese output of real outputs round 17).
  if (
    !/[A-Za-z+\-*/=<>^]/.test(gap.replace(LINE_BREAK_TAG, '').replace(HORIZONTAL_RULE, '')) &&
    !holdsOtherScriptWord(gap)
  )
    return true;
  if (gap.includes('\n\n') || SENTENCE_END_IN_GAP.test(gap)) return false;
  const words = gap
    .replace(/\\text\s*\{([^{}]*)\}/g, ' $1 ')
    .replace(/\\(?:q?quad|[,;: !()[\]])|\\\\|[$&,;]|\+{2,}/g, ' ')
    .replace(/(?:^|\s)[A-Za-z](?:_\{?\w{1,3}\}?)?\s*=/g, ' ')
    // Part labels between the answers of a multi-part question: `(a) \boxed{3} (b) \boxed{5}`.
    .replace(/(?:^|\s)(?:part\s*)?\(?(?:[a-h]|i{1,3}|iv|vi?)\)(?=\s|$)/gi, ' ')
    .trim();
  if (words === '' || /^(?:and|or)$/i.test(words)) return true;
  if (RETRACTION.test(words)) return false;
  // `\boxed{1}###Response\boxed{42}`, "Assistant:" opening a line: a new turn between the boxes;
  // the later one stands (THUDM/slime#2116 grades the last `###Response` segment). A `#` inside a
  // line ("Problem #2", "option #1") joins.
  if (TURN_MARKER.test(gap)) return false;
  // An operator alone (`\boxed{35} + \boxed{4}`) is arithmetic on the boxes, not a list.
  if (/^[-+*=<>^]$/.test(words)) return false;
  // Any other words in the same sentence (`\boxed{3} vs \boxed{5}`, "maybe", "Case 1: ...\nCase 2:",
  // "the first root is ... and the second root is"): the boxes stand side by side as several
  // answers, never the last one alone (a hedge between boxes must not score as the last box).
  return true;
}

/**
 * A new turn between two boxes: a `###Response` heading (glued to the box or opening a line), a
 * role label opening a line ("Assistant:", "User:"), a chat template token (`<|...|>`). A bare
 * heading or a role word inside the line joins: "\boxed{3}\n### \boxed{5}" and "\boxed{3} Human:
 * \boxed{5}" offer two values (red team of stop 24).
 */
const TURN_MARKER =
  /(?:^|\n)[ \t]*#{1,6}[ \t]*(?:response|assistant|answer)\b|\n[ \t]*(?:response|assistant|user|human)[ \t]*:|<\|[A-Za-z_]+\|>/i;

/** The gap between two boxes when it rules the second one out: ", not ", " rather than ", " instead of ". */
const RULES_OUT_NEXT_BOX =
  /^[\s$)\]]*,?\s*(?:(?:and|but)\s+)?(?:not|rather\s+than|instead\s+of)\s*[$([]*\s*$/i;

/** Boxes read per response, the last ones: each unclosed box costs a scan to the end of the text. */
const MAX_BOXES = 64;

/** Boxes of working a doubly boxed answer must follow to stand alone: a box for every line. */
const MIN_WORKING_BOXES = 3;

/**
 * Whether the last box, doubly boxed, ends boxed working: at least MIN_WORKING_BOXES boxes before
 * it, nothing but line breaks and marks (no word) between it and the box before, and nothing but
 * closing marks after it.
 */
function standsAfterBoxedWorking(text: string, found: readonly { start: number; end: number }[]): boolean {
  const last = found[found.length - 1];
  const before = found[found.length - 2];
  if (last === undefined || before === undefined || found.length - 1 < MIN_WORKING_BOXES) return false;
  const gap = text.slice(before.end, last.start);
  return gap.includes('\n') && !hasLetterOrDigit(gap) && !hasLetterOrDigit(text.slice(last.end));
}

/** The content of a box that holds nothing but another box (`\boxed{\boxed{x}}` gives `x`), else undefined. */
function doublyBoxed(content: string): string | undefined {
  if (!content.startsWith('\\boxed')) return undefined;
  const inner = readArgument(content, '\\boxed'.length);
  const text = inner?.content.trim();
  return inner !== undefined && inner.end === content.length && text !== '' ? text : undefined;
}

export function boxed(text: string): Extraction | undefined {
  const found: { content: string; start: number; end: number }[] = [];
  for (const command of ['\\boxed', '\\fbox']) {
    // Only the last MAX_BOXES occurrences (50,000 unclosed `\boxed{` would cost n^2); found with
    // `indexOf` (V8's `lastIndexOf` is several times slower).
    const starts: number[] = [];
    for (let at = text.indexOf(command); at >= 0; at = text.indexOf(command, at + command.length)) {
      starts.push(at);
    }
    let index = starts.length > MAX_BOXES ? (starts[starts.length - MAX_BOXES] as number) : (starts[0] ?? -1);
    while (index >= 0) {
      const argument =
        unbracedBoxNumber(text, index + command.length) ?? readArgument(text, index + command.length);
      if (argument !== undefined && argument.content.trim() !== '') {
        found.push({ content: argument.content.trim(), start: index, end: argument.end });
        index = text.indexOf(command, argument.end);
      } else {
        index = text.indexOf(command, index + command.length);
      }
    }
  }
  if (found.length === 0) return undefined;
  found.sort((left, right) => left.start - right.start);
  let last = found[found.length - 1] as (typeof found)[number];
  // `\boxed{18} rather than \boxed{17}`, `\boxed{18}, not \boxed{17}`: the last box is ruled out,
  // the one before it stands (a red team of stop 35 read the rejected box).
  const ruledOutAfter = found[found.length - 2];
  if (ruledOutAfter !== undefined && RULES_OUT_NEXT_BOX.test(text.slice(ruledOutAfter.end, last.start))) {
    found.pop();
    last = ruledOutAfter;
  }
  // `\boxed{\boxed{\frac{41}{81}}}` on its own line after a box for every line of the working: the
  // doubly boxed answer stands alone (real outputs round 19: a model that boxed each of 20 lines was
  // read as a list of them). Only then (standsAfterBoxedWorking): a double box beside one or two
  // boxes, after words or before more text is one of the answers offered (red team of stop 44).
  const emphasized = doublyBoxed(last.content);
  if (emphasized !== undefined && standsAfterBoxedWorking(text, found)) {
    return { text: emphasized, extractor: 'boxed', end: last.end };
  }
  // The group of boxes joined to the last one, its text built as it grows (no array, no `map`).
  let first = last;
  let joined = last.content;
  for (let index = found.length - 2; index >= 0; index--) {
    const previous = found[index] as (typeof found)[number];
    const gap = text.slice(previous.end, first.start);
    if (previous.end > first.start) break;
    if (!joinsBoxedAnswers(gap)) break;
    first = previous;
    // The same box written twice (`\(\boxed{6}\). \[\boxed{6}\]`) is one answer.
    if (previous.content !== last.content) joined = `${previous.content}, ${joined}`;
  }
  return { text: joined, extractor: 'boxed', end: last.end };
}

/**
 * A gold whose last `\boxed{` is never closed (a dataset typo: `\boxed{W(n) = 1 \text{ and } W(n)
 * = -1`): the rest of the text, without closing math delimiters. Used for golds only: a response
 * cut off inside its box (`\boxed{12` of a longer answer) is no answer.
 */
export function unclosedBoxed(gold: string): Extraction | undefined {
  const text = cleanResponse(gold);
  const index = Math.max(text.lastIndexOf('\\boxed{'), text.lastIndexOf('\\fbox{'));
  if (index < 0) return undefined;
  const open = text.indexOf('{', index);
  if (findClosingBrace(text, open) >= 0) return undefined;
  // Closing math delimiters and a full stop after the answer (a loop: no regex backtracking).
  let content = text.slice(open + 1).trimEnd();
  for (let previous = ''; previous !== content; ) {
    previous = content;
    if (/[$.]$/.test(content)) content = content.slice(0, -1).trimEnd();
    else if (/\\[\])]$/.test(content)) content = content.slice(0, -2).trimEnd();
  }
  content = content.trimStart();
  return content === '' ? undefined : { text: content, extractor: 'boxed', end: text.length };
}

/**
 * Whether the response ends inside its last `\boxed{` (or `\fbox{`): cut off while writing its
 * answer (`\boxed{3` of `\boxed{35}`), so it states none, whatever came before.
 */
export function endsInsideBox(text: string): boolean {
  const boxedAt = lastIndexIn(text, '\\boxed');
  const fboxAt = lastIndexIn(text, '\\fbox');
  if (boxedAt < 0 && fboxAt < 0) return false;
  let cursor = boxedAt > fboxAt ? boxedAt + 6 : fboxAt + 5;
  while (text[cursor] === ' ') cursor++;
  return text[cursor] === '{' && findClosingBrace(text, cursor) < 0;
}
