/**
 * A response that loops until the token limit cuts it (`... - 1/2 - 1/2 - 1/2 - 1`) ends on a piece
 * of its repeated unit: its last number may be a number cut short (`1` of `1/2`). That number was
 * never written; the response states no answer (real outputs round 20: a LLaMA-7B fine-tuned on
 * GSM8K looped on `- 1/2` through MATH problem 1716 and was paid a gold 1 for the `1` the cut left).
 * A loop cut after a whole number (`The total is 18. The total is 18`) still reads it: one period
 * back, the same number stands whole.
 */
import { lastNonSpaceBefore } from '../core/text.js';
import type { Extraction } from './extraction.js';

/** Periods of a repeated unit looked for, in characters. */
const MAX_PERIOD = 80;
/** A loop repeats its unit at least this many times, over at least MIN_LOOP_CHARS characters. */
const MIN_REPEATS = 4;
const MIN_LOOP_CHARS = 40;

/**
 * The smallest period the text up to `end` repeats with at its end (MIN_REPEATS times, MIN_LOOP_CHARS
 * long), or 0. Only the periods at which the last character recurs are tried (found by lastIndexOf:
 * this runs on every answer that ends the text, and most periods fail at that first character).
 */
function loopPeriod(text: string, end: number): number {
  const last = text[end - 1] as string;
  for (let at = text.lastIndexOf(last, end - 3); at >= 0; at = text.lastIndexOf(last, at - 1)) {
    const period = end - 1 - at;
    if (period > MAX_PERIOD) return 0;
    const span = Math.max(period * MIN_REPEATS, MIN_LOOP_CHARS);
    if (span + period > end) return 0;
    let index = end - 2;
    while (index >= end - span && text.charCodeAt(index) === text.charCodeAt(index - period)) index--;
    if (index < end - span) return period;
    if (at === 0) break;
  }
  return 0;
}

/** What a cut may leave right after a number it stopped: the point, comma or bar that went on. */
const CUT_MARKS: ReadonlySet<string> = new Set(['.', ',', '/']);

/** A digit, or `/`, `.` or `,` then a digit: where a number goes on. */
function numberGoesOn(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code >= 48 && code <= 57) return true;
  const next = text.charCodeAt(at + 1);
  return (code === 47 || code === 46 || code === 44) && next >= 48 && next <= 57;
}

/**
 * Whether an extraction is a number cut short by the end of a loop: it ends the text (spaces aside,
 * or a point the cut left after it), the text's end repeats with some period longer than the
 * number, and one period back the same number goes on (more digits, a fraction bar, a decimal
 * point). Whatever read it (the last number, "The answer is 1" of a loop of "The answer is 1/2").
 */
export function isCutLoopNumber(text: string, extraction: Extraction): boolean {
  // The text's end, spaces aside (found in place: this runs on every answer that ends the text).
  const end = lastNonSpaceBefore(text, text.length) + 1;
  if (end < MIN_LOOP_CHARS) return false;
  // The number ends the text, or a point, comma or bar the cut left after it (`12.` of `12.5`).
  const rest = end - extraction.end;
  if (rest < 0 || rest > 1 || (rest === 1 && !CUT_MARKS.has(text[extraction.end] as string))) return false;
  const period = loopPeriod(text, end);
  // The number lies within the last unit (a run of digits is no loop of units: `33333`).
  const start = extraction.end - extraction.text.length;
  return period > 0 && start > end - period && numberGoesOn(text, extraction.end - period);
}
