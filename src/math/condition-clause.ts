import { lastNonSpaceBefore } from '../core/text.js';
import { ATTAINED_AT } from './condition-span.js';

/**
 * A value, then the condition it holds under: "We get 4 if x is 2", "4 when n = 2", "4, where
 * k = 3", "4 for x = 2", "The maximum is 5, achieved at x = 2" (a bare "at" is not: "The velocity
 * is 0 at t = 2" answers when). The last number in the text is the condition's value (2), the answer the
 * number stated before it ("18, with equality when x = y = 3", "18 (when n = 4)": stop 36). Only a
 * condition on a one-letter name (`x`, `n`, `k_1`, or letters set equal, `x = y`) with `is`,
 * `=` or `equals` right before the last number, and only when a number precedes the clause: a
 * sentence that only states `x = 2` keeps its value, and so does a line that used the name before
 * (`1000 + 1000 X/100 = 1,100 if X = 10` solves for X).
 */
const CONDITION_BEFORE = new RegExp(
  String.raw`(?<![\d.])-?\d[\d,]*(?:\.\d+)?\s*,?\s*\(?\s*(?:if|when|where|for|provided|given|${ATTAINED_AT})\s+(?:that\s+)?(?:[A-Za-z](?:_\{?\w+\}?)?\s*=\s*)*([A-Za-z](?:_\{?\w+\}?)?)\s*(?:is|=|equals)\s*$`,
  'i',
);

/** "or", "(or", "maybe" right before a value: it is offered beside another, not stated. */
const OFFERED_RIGHT_BEFORE = /(?:\bor|\bmaybe|\bperhaps|\bpossibly)\s*$/i;

/**
 * Whether the text before `start` (from `from` on) may end as CONDITION_BEFORE does: in `=`, `is` or
 * `equals`, spaces after. Read in place, before the window is cut and searched: most numbers follow
 * other words.
 */
function endsInConditionVerb(text: string, from: number, start: number): boolean {
  const last = lastNonSpaceBefore(text, start, from);
  if (last < from) return false;
  const code = text.charCodeAt(last);
  if (code === 61) return true;
  const before = text.charCodeAt(last - 1) | 32;
  // `is`, `equals`: an `s` after an `i` or an `l`, in any letter case.
  return (code | 32) === 115 && (before === 105 || before === 108);
}

/**
 * When the number at `start` is the value of a condition that follows a stated number, where that
 * stated number ends; else undefined.
 */
export function endBeforeCondition(text: string, start: number): number | undefined {
  const from = Math.max(0, start - 48);
  if (!endsInConditionVerb(text, from, start)) return undefined;
  const window = text.slice(from, start);
  // The pattern's words; "at" only after a participle (`achieved at x = `), so within the window's
  // last 24 characters (a short forward search there; a longer pattern cost more on every number).
  if (!/if|when|where|for|provided|given/i.test(window) && window.indexOf(' at ', window.length - 24) < 0)
    return undefined;
  const match = CONDITION_BEFORE.exec(window);
  if (match === null) return undefined;
  // `1000 + 1000 X/100 = 1,100 if X = 10`: a name already in the line is the unknown solved for.
  const lineStart = text.lastIndexOf('\n', from + match.index) + 1;
  const name = (match[1] as string).replace(/[$^\\.*+?()[\]{}|]/g, '\\$&');
  if (new RegExp(`(?<![A-Za-z])${name}(?![A-Za-z])`).test(text.slice(lineStart, from + match.index)))
    return undefined;
  // "17 (or 19, which occurs when x = 3)": a value offered beside another is no stated value (stop
  // 36's red team: the fallback then read 19 alone).
  if (OFFERED_RIGHT_BEFORE.test(text.slice(Math.max(0, from + match.index - 16), from + match.index)))
    return undefined;
  const number = /^-?\d[\d,]*(?:\.\d+)?/.exec(match[0]);
  return number === null ? undefined : from + match.index + number[0].replace(/,+$/, '').length;
}
