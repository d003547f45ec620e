import { isAsciiLetterCode, lastNonSpaceBefore } from '../core/text.js';
import { statedValueEnd } from './stated-value.js';

/**
 * A value, then another ruled out right after it: "40, not 50", "40 (not 50)", "40 rather than
 * 50", "40 and not 50", "40, but not 50". The response commits to the first value; the last number
 * in the text is the one it rejects. Without this the last-number fallback reads 50 (and the
 * qualifier "not" then makes even that no answer), so a right answer with a closing aside scored 0.
 * The answer phrase already stops at such a clause ("The answer is 40, not 50."); this is the same
 * rule where no answer marker is written, for a last number and for a last math span (`$40$, not
 * $50$`, `\(40\), not \(50\)`, `$x = 40$, not $x = 50$`). A lone "not 50" rules out without stating: it stays a
 * qualified number (hedged-answer.ts), and "40 or 50, not 60" is still the hedge "40 or 50". One or
 * two words of unit may stand between ("There are 17 ways, not 16", "17 apples rather than 19":
 * the fallback read the rejected value; a red team of stop 33), never a verb ("the remainder 4 is
 * not 0" keeps 0), and so may a tuple's closing bracket ("(2, 3), not (3, 2)") or a dash ("2 and 3
 * — not -2 and -3"); an article or a possessive may follow the negation ("17, not the 16 I
 * first guessed", "12 rather than my 10": a red team of stop 34).
 */
const RULED_OUT_BEFORE =
  /(?<![\d.])-?\d[\d,]*(?:\.\d+)?(?:\s*(?:\\?%|percent))?(?:\s*[)\]])?(?:\s*(?:\$|\\\)|\*{1,2}|_{1,2}))?(?:\s+(?!(?:is|are|was|were|does|do|did|has|have|had|equals?|and|but|not)\b)[A-Za-z]{1,12}){0,2}\s*(?:[,;(—–]|-{1,2}(?=\s)|\\text\{\s*\(?)?\s*(?:(?:and|but)\s+)?(?:not|rather\s+than|instead\s+of)\s+(?:(?:the|my|our)\s+)?(?:\$|\\\(|\\text\{\s*|\*{1,2}|_{1,2}|[([])?(?:[A-Za-z]\s*=\s*)?$/i;

/**
 * Whether the text before `start` (from `from` on) may end as RULED_OUT_BEFORE does: a name's `=`
 * (`x = `), an opened math span, tuple, `\text{` or bold (`$`, `(`, `[`, `{`, `*`, `_`), or the last letter of "not", "than"
 * or "of" with space after it. Read in place, before the window is cut and searched: most numbers
 * follow other words, or an `=` after a number (`4 = 9`).
 */
function mayEndRuledOut(text: string, from: number, start: number): boolean {
  const last = lastNonSpaceBefore(text, start, from);
  if (last < from) return false;
  const code = text.charCodeAt(last);
  // `$`, `(`, `[`, `{`, and bold or italic (`**17** rather than **18**`: a red team of stop 35).
  if (code === 36 || code === 40 || code === 91 || code === 123 || code === 42 || code === 95) return true;
  if (code === 61) {
    const name = text.charCodeAt(lastNonSpaceBefore(text, last, from)) | 32;
    return name >= 97 && name <= 122;
  }
  const lower = code | 32;
  // "not", "than", "of"; "not the", "not my", "not our" (a red team of stop 34).
  return (
    last < start - 1 &&
    (lower === 116 || lower === 110 || lower === 102 || lower === 101 || lower === 121 || lower === 114)
  );
}

/**
 * When the number at `start` is ruled out by the words before it and a number precedes those
 * words, where that earlier number ends (the text to read the answer from), else undefined.
 */
export function endBeforeRuledOut(text: string, start: number): number | undefined {
  const from = Math.max(0, start - 48);
  if (!mayEndRuledOut(text, from, start)) return undefined;
  const window = text.slice(from, start);
  if (!/not|than|instead/i.test(window)) return undefined;
  const match = RULED_OUT_BEFORE.exec(window);
  if (match === null) return undefined;
  return statedValueEnd(match[0], from + match.index);
}

/** A clause that rules out the value after it: ", not", " (not", " rather than", ", but not", ", not the". */
const RULED_OUT_CLAUSE =
  /(?:[,;(]\s*|\s+)(?:(?:and|but)\s+)?(?:not|rather\s+than|instead\s+of)\s+(?:(?:the|my|our)\s+)?/gi;

/**
 * The same rule for a value in words ("So it is ten, not nine."): when `value` (the sentence's last
 * number in words) is the one a clause rules out, the text before that clause, where the stated
 * value must end; undefined when `value` is not ruled out.
 */
export function textBeforeRuledOut(sentence: string, value: string): string | undefined {
  if (!/not|than|instead/i.test(sentence)) return undefined;
  let last: RegExpExecArray | undefined;
  RULED_OUT_CLAUSE.lastIndex = 0;
  for (let match = RULED_OUT_CLAUSE.exec(sentence); match !== null; match = RULED_OUT_CLAUSE.exec(sentence))
    last = match;
  if (last === undefined) return undefined;
  const after = sentence.slice(last.index + last[0].length);
  return after.toLowerCase().startsWith(value.toLowerCase())
    ? sentence.slice(0, last.index).trimEnd()
    : undefined;
}

/** First letters (lower case) of the words REJECTED_AFTER opens on: i, w, d, f, c. */
const REJECTION_OPENERS: ReadonlySet<number> = new Set([105, 119, 100, 102, 99]);

/** Words right after a value that reject it: "is not positive", "is extraneous", "does not satisfy". */
const REJECTED_AFTER =
  /^\s*(?:\$|\\\))?\s*(?:(?:is|was)\s+(?:not\b|extraneous|rejected|invalid|impossible)|(?:does\s+not|doesn't|fails|cannot|can't)\b)/i;
/** A number (and up to two words), then a clause that opens on a reason ("5, since x = ", "14 left, because "). */
const STATED_BEFORE_REASON =
  /(?<![\d.])-?\d[\d,]*(?:\.\d+)?\s*(?:\$|\\\))?(?:\s+[A-Za-z]{1,12}){0,2}\s*[,;(]?\s*(?:since|because|as|while|whereas|and|but)\s+(?:\$|\\\()?\s*(?:[A-Za-z]\s*=\s*)?$/i;

/**
 * A value the words after it reject, in a reason given for an earlier value: "x = 5, since x = -2
 * is not positive" states 5 (the last number, -2, is the root it discards). When the number from
 * `start` to `end` is such a value and a number precedes the reason, where that number ends.
 */
export function endBeforeRejectedValue(text: string, start: number, end: number): number | undefined {
  if (!rejectedAfter(text, end)) return undefined;
  const from = Math.max(0, start - 48);
  const match = STATED_BEFORE_REASON.exec(text.slice(from, start));
  if (match === null) return undefined;
  const number = /^-?\d[\d,]*(?:\.\d+)?/.exec(match[0]);
  return number === null ? undefined : from + match.index + number[0].replace(/,+$/, '').length;
}

/** Words right after a value that discard it outright, whatever precedes it: "is extraneous", "is rejected". */
const DISCARDED_AFTER =
  /^\s*(?:\$|\\\))?\s*(?:is|was)\s+(?:extraneous|rejected|discarded|invalid|not\s+(?:valid|allowed|a\s+(?:valid\s+)?solution))\b/i;

/**
 * Whether the value ending at `end` is discarded by the words right after it, in a sentence of its
 * own: "We get x = 3 or x = 5. Checking, x = 3 is extraneous." (stop 36's examiner pairs). The
 * answer is then read from the text before the value; "is not positive" alone (a fact, not a
 * verdict) needs the reason of endBeforeRejectedValue.
 */
export function isDiscardedValue(text: string, end: number): boolean {
  return rejectedAfter(text, end) && DISCARDED_AFTER.test(text.slice(end, end + 40));
}

/** A clause that gives a reason or sets a value aside, right before a math span: "since ", "(the root ". */
const REASON_BEFORE_SPAN =
  /(?:\b(?:since|because|as|while|whereas|but|and)|[(;])\s*(?:the\s+(?:other\s+)?(?:root|value|solution|case|candidate)\s+)?$/i;

/**
 * Whether the math span from `open` to `end` is a value the words after it reject, in a reason or
 * an aside after the answer: "$x = 18$ is the answer, since $x=-3$ is rejected.", "Hence $x = 18$
 * (the root $x = -2$ is extraneous)." (a red team of stop 35 read the rejected root). The span
 * counterpart of endBeforeRejectedValue: a reason word or an opening parenthesis must stand right
 * before the span ("$x = 2$ is not negative" alone rejects nothing).
 */
export function isRejectedSpan(text: string, open: number, end: number): boolean {
  return rejectedAfter(text, end) && REASON_BEFORE_SPAN.test(text.slice(Math.max(0, open - 48), open));
}

/**
 * Whether the words right after a value ending at `end` reject it (REJECTED_AFTER). The first
 * letter after the value must open one of them (`is`, `was`, `does`, `fails`, `can`): read in
 * place before the pattern runs.
 */
function rejectedAfter(text: string, end: number): boolean {
  let at = end;
  while (at < text.length && at < end + 8 && !isAsciiLetterCode(text.charCodeAt(at))) at++;
  return REJECTION_OPENERS.has(text.charCodeAt(at) | 32) && REJECTED_AFTER.test(text.slice(end, end + 40));
}
