import { conditionedValueEnd } from './condition-span.js';
import type { Extraction } from './extraction.js';
import { lastIndexIn } from './last-index.js';
import { isDigitCode, lastNumber } from './last-number.js';
import { endBeforeOfferedValue } from './offered-value.js';
import { endBeforeRuledOut, isRejectedSpan } from './ruled-out-value.js';

/** Inline `$...$` follows pandoc's rule: no space inside either dollar, no digit right after the closing one. */
function isInlineMath(text: string, open: number, close: number): boolean {
  // A digit right after the closing dollar: currency ("$5 and $10").
  // (In bounds only: a read past the end would deoptimise the callers' optimised code.)
  const after = close + 1 < text.length ? text.charCodeAt(close + 1) : -1;
  if (after >= 48 && after <= 57) return false;
  const inner = text.slice(open + 1, close);
  if (inner.trim() === '') return false;
  // Currency: "$5 and then $" opens on a digit and closes after a space.
  if (/^\s*\d/.test(inner) && /\s$/.test(inner)) return false;
  if (/^\s/.test(inner) && !/[\\^_=]/.test(inner)) return false;
  // Prose between two currency signs is not math: "costs $5 and then $".
  return !/\b[A-Za-z]{3,}\s+[A-Za-z]{3,}/.test(inner.replace(/\\[A-Za-z]+(\{[^{}]*\})?/g, ''));
}

/**
 * Text between two math spans that joins them into one answer: `$x=-3$ or $x=2$`; with LaTeX
 * spacing (`$3$ \quad or \quad $5$`, `~`) or a word of doubt after "or" (`$3$ or maybe $5$`: two
 * values offered, red team of stop 24); in any letter case, "and/or", `\text{or}`, "or even", "or
 * else", ", maybe" (red team of stop 27), ", or maybe", "— or", "/", 或 and 还是 ("or"; red team of stop
 * 29); between bold or italic spans (`**$18$** or **$9$**`: the first red team of stop 41 was paid 9).
 */
export const SPAN_JOINER =
  /^(?:\s|~|\*|_|\\q?quad\b|\\[,;:! ])*(?:[,;]\s*(?:maybe|perhaps|possibly)|,|;|and\/or|and|(?:,\s*)?or(?:\s*,)?(?:\s+(?:maybe|perhaps|possibly|probably|likely|even|else|rather))?,?|,\s*(?:and|or)|\\text\{\s*(?:and|or)\s*\}|(?:—|–|-{1,2})\s*or(?:\s+(?:maybe|perhaps|possibly|probably|likely|even|else|rather))?|\/|或者?|还是)(?:\s|~|\*|_|\\q?quad\b|\\[,;:! ])*$/i;

/** The later of two candidates (no closure in this hot path). */
function later(best: Extraction | undefined, content: string, end: number): Extraction | undefined {
  const trimmed = content.trim();
  if (trimmed === '' || (best !== undefined && end <= best.end)) return best;
  if (joinedSpansStart < 0) return { text: trimmed, extractor: 'latex', end };
  return { text: trimmed, extractor: 'latex', end, valueStart: joinedSpansStart };
}

/** Display and parenthesised math delimiters, read before the single dollars. */
const MATH_DELIMITERS: readonly (readonly [open: string, close: string])[] = [
  ['\\(', '\\)'],
  ['\\[', '\\]'],
  ['$$', '$$'],
];

/**
 * A math span set aside: ruled out by the words before it ("$40$, not $50$", "\(40\), not
 * \(50\)", ruled-out-value.ts) or rejected by those after it ("since $x=-3$ is rejected"), offered beside the value before it ("$17$ (or $19$)": that value,
 * with this one as its alternative, offered-value.ts), or the condition of the value before it
 * ("$5$ when $x = 2$", condition-span.ts). No candidate; the answer is read from the text before
 * the span (`before`). Undefined when the span is none of these.
 */
function setAsideSpan(
  text: string,
  open: number,
  contentStart: number,
  content: string,
  end: number,
  depth: number,
): { before: Extraction | undefined } | undefined {
  // Each level reads the text before the span again: a chain of such spans is read three deep.
  if (depth >= MAX_SET_ASIDE_DEPTH) return undefined;
  if (endBeforeRuledOut(text, contentStart) !== undefined)
    return { before: lastLatex(text.slice(0, open), depth + 1) };
  // "$x = 18$ is the answer, since $x=-3$ is rejected.": the span is a root the reason discards.
  if (isRejectedSpan(text, open, end)) {
    const before = lastLatex(text.slice(0, open), depth + 1);
    // The rejected span's numbers (`-3` of `x=-3`) are no later answer for the fallback.
    if (before !== undefined) before.coversTo = end;
    return { before };
  }
  // "$17$ (or $19$)": the value stated before, with this one as its alternative (offered-value.ts).
  // The stated value may be a plain number ("So 1/2 (or $\frac12$)").
  const statedEnd = endBeforeOfferedValue(text, contentStart, end);
  if (statedEnd !== undefined) {
    const before = lastLatex(text.slice(0, open), depth + 1) ?? lastNumber(text.slice(0, statedEnd));
    if (before !== undefined) {
      if (before.alternative === undefined) before.alternative = content.trim();
      // The offered span's numbers (`12` of `\frac12`) are no later answer for the fallback.
      before.coversTo = end;
    }
    return { before };
  }
  // "$5$ when $x = 2$", "$f(x) = 0$ for all $x > 0$": the span is the condition of the value before it.
  const valueEnd = conditionedValueEnd(text, open, content);
  if (valueEnd === undefined) return undefined;
  const valued = text.slice(0, valueEnd);
  const before = isDigitCode(text.charCodeAt(valueEnd - 1))
    ? lastNumber(valued)
    : lastLatex(valued, depth + 1);
  // The value must be the span or number that ends right before the condition (not any earlier one).
  if (before === undefined || before.end !== valueEnd) return undefined;
  before.coversTo = end;
  before.condition = content.trim();
  return { before };
}
/** How many spans set aside (ruled out, or a condition) are read through, one before the other. */
const MAX_SET_ASIDE_DEPTH = 3;

/** A math span: its content (trimmed), where its opening delimiter starts and its closing one ends. */
interface MathSpan {
  content: string;
  open: number;
  end: number;
}

/**
 * Words that open a condition right before a span, at the start of a sentence ("Since
 * $x>0$, $x = 5$", "For $n = 3$, $f(n) = 5$"): joined to the next span by punctuation only, the
 * span is that condition, not an item of a list. Inside a clause the same words introduce a list
 * ("The function is zero at $x=1$, $x=2$, and $x=3$", "Equality holds when $x = 2$, $x = 3$").
 */
const OPENS_CONDITION =
  /(?:^|[.!?;:\n]\s*)(?:since|for|if|when|whenever|with|given|because|assuming|substituting|plugging\s+in|using|setting|letting|putting|taking|at)\s*$/i;

/**
 * Where the first span of the last `joinedSpans` call opens when it joined more than one (its text
 * is then not in the response verbatim: Extraction.valueStart), else -1. A second result kept
 * beside the returned text, not an object per call: this runs for every response with a `$`.
 */
let joinedSpansStart = -1;

/** Spans joined to the last one (SPAN_JOINER), the last one included (a list of answers is shorter). */
const MAX_JOINED_SPANS = 64;

/**
 * The last span and the spans before it that SPAN_JOINER joins to it, as one text: `$x=-3$ or $x=2$`
 * reads `x=-3 or x=2`, `\(n = 5\) and \(n = 15\)` reads `n = 5, n = 15`. `previousOf` gives the span
 * right before a span (or none); the walk stops at the first gap that does not join, so a response
 * pays only for the spans that end it. The text is built as the group grows (as in boxed, boxed-answer.ts).
 */
function joinedSpans(
  text: string,
  last: MathSpan,
  previousOf: (span: MathSpan) => MathSpan | undefined,
): string {
  let first = last;
  let joined = last.content;
  for (let count = 1; count < MAX_JOINED_SPANS; count++) {
    const previous = previousOf(first);
    if (previous === undefined) break;
    const joiner = text.slice(previous.end, first.open);
    if (!SPAN_JOINER.test(joiner)) break;
    // "Since $x>0$, $x = 5$.": a span opened by a condition word, then a comma, is that condition.
    if (
      !/[a-z]/i.test(joiner) &&
      OPENS_CONDITION.test(text.slice(Math.max(0, previous.open - 28), previous.open))
    )
      break;
    first = previous;
    // "or" is kept: `a = 0` or `b = 0` are alternatives, `a = 0`, `b = 0` a point (equation-disjunction.ts).
    joined = `${previous.content}${/or|或|还是/.test(joiner) ? ' or ' : ', '}${joined}`;
  }
  joinedSpansStart = first === last ? -1 : first.open;
  return joined;
}

/** The span of one delimiter pair (`\(...\)`, `\[...\]`, `$$...$$`) that closes last before `before`. */
function delimitedSpanBefore(
  text: string,
  [open, close]: readonly [open: string, close: string],
  before: number,
): MathSpan | undefined {
  const closeIndex = text.lastIndexOf(close, before - 1);
  if (closeIndex < 0) return undefined;
  const openIndex = text.lastIndexOf(open, closeIndex - 1);
  if (openIndex < 0 || openIndex + open.length > closeIndex) return undefined;
  return {
    content: text.slice(openIndex + open.length, closeIndex).trim(),
    open: openIndex,
    end: closeIndex + close.length,
  };
}

export function lastLatex(text: string, depth = 0): Extraction | undefined {
  // Every delimiter holds a `$` or a backslash: prose without either has no math span.
  if (!text.includes('$') && !text.includes('\\')) return undefined;
  const spans = inlineDollarSpans(text);
  /**
   * The span of any kind that ends last at or before `at`: spans of different delimiters join as
   * spans of one do ("So we get $5$ or \(6\)." offers two values, as `$5$ or $6$` does).
   */
  const spanBefore = (at: number): MathSpan | undefined => {
    let found: MathSpan | undefined;
    for (const delimiters of MATH_DELIMITERS) {
      const span = delimitedSpanBefore(text, delimiters, at);
      if (span !== undefined && (found === undefined || span.end > found.end)) found = span;
    }
    for (let index = spans.length - 1; index >= 0; index--) {
      const span = spans[index] as MathSpan;
      if (span.end > at) continue;
      if (found === undefined || span.end > found.end) found = span;
      break;
    }
    return found;
  };
  let best: Extraction | undefined;
  for (const delimiters of MATH_DELIMITERS) {
    const [open, close] = delimiters;
    const closeIndex = lastIndexIn(text, close);
    if (closeIndex < 0) continue;
    const openIndex = text.lastIndexOf(open, closeIndex - 1);
    if (openIndex >= 0 && openIndex + open.length <= closeIndex) {
      const setAside = setAsideSpan(
        text,
        openIndex,
        openIndex + open.length,
        text.slice(openIndex + open.length, closeIndex),
        closeIndex + close.length,
        depth,
      );
      if (setAside === undefined) {
        const last: MathSpan = {
          content: text.slice(openIndex + open.length, closeIndex).trim(),
          open: openIndex,
          end: closeIndex + close.length,
        };
        best = later(
          best,
          joinedSpans(text, last, (span) => spanBefore(span.open)),
          last.end,
        );
      } else if (setAside.before !== undefined && (best === undefined || setAside.before.end > best.end)) {
        best = setAside.before;
      }
    }
  }
  const last = spans[spans.length - 1];
  if (last !== undefined && (best === undefined || best.end <= last.end)) {
    const setAside = setAsideSpan(text, last.open, last.open + 1, last.content, last.end, depth);
    if (setAside !== undefined) return setAside.before;
  }
  if (last !== undefined) {
    best = later(
      best,
      joinedSpans(text, last, (span) => spanBefore(span.open)),
      last.end,
    );
  }
  return best;
}

/** The text's inline `$...$` spans in order: dollars paired from the left, skipping escaped `\$` and `$$`. */
function inlineDollarSpans(text: string): MathSpan[] {
  const spans: MathSpan[] = [];
  let open = -1;
  for (let index = text.indexOf('$'); index >= 0; index = text.indexOf('$', index + 1)) {
    let backslashes = 0;
    while (text[index - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 1) continue;
    if (text[index + 1] === '$') {
      index++;
      open = -1;
      continue;
    }
    if (open < 0) {
      open = index;
    } else if (isInlineMath(text, open, index)) {
      spans.push({ content: text.slice(open + 1, index).trim(), open, end: index + 1 });
      open = -1;
    } else {
      open = index;
    }
  }
  return spans;
}
