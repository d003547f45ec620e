/** A last number read from prose widened to the ratio it ends (`3:4`, "7 to 32") against a ratio gold. */
import { type Extraction, MAX_SCANNED_CHARS } from './extraction.js';

/** Numbers joined by colons that end where a last-number extraction ends: `3:4`, `2 : 3 : 5`. */
const RATIO_BEFORE = /(?<![\d.:])(?:\d+(?:\.\d+)?\s*:\s*)+$/;
/** A number, then "or", "and", a comma or a semicolon, right before a ratio: another candidate. */
const HEDGED_BEFORE = /\d\s*(?:,|;|\bor\b|\band\b|或)\s*$/;

/** A number and "to" right before a last-number extraction (`7 to 32`), not after "from" or "between". */
const RATIO_IN_WORDS_BEFORE = /(?<![\d.:])(\d+(?:\.\d+)?)\s+to\s+$/i;
/** A range's opening, or a chain of "to" (`16 to 17 to 19`): no ratio of two. */
const RANGE_OPENING = /\b(?:from|between|up|to)\s*$/i;
/** A word after the last number (`17 to 19 days`): a range of a quantity, not a ratio. */
const NOUN_AFTER = /^\s*[A-Za-z]/;

/** "The ratio is 7 to 32." against a ratio gold: `7:32` (stop 36's examiner pairs read 32). */
function ratioInWordsAround(extraction: Extraction, window: string, after: string): Extraction | undefined {
  const words = RATIO_IN_WORDS_BEFORE.exec(window);
  if (words === null || NOUN_AFTER.test(after)) return undefined;
  const opening = window.slice(0, words.index);
  if (RANGE_OPENING.test(opening) || HEDGED_BEFORE.test(opening)) return undefined;
  return { ...extraction, text: `${words[1]}:${extraction.text}` };
}

/**
 * Against a ratio gold (`3:4`), a last number read from prose ("So the ratio is 3:4.") is the
 * ratio's last part: the whole ratio is the answer.
 */
export function ratioAround(extraction: Extraction | undefined, response: string): Extraction | undefined {
  if (extraction?.extractor !== 'last_number' || response.length > MAX_SCANNED_CHARS) return undefined;
  const start = extraction.end - extraction.text.length;
  if (response.slice(start, extraction.end) !== extraction.text) return undefined;
  const window = response.slice(Math.max(0, start - 80), start);
  const before = RATIO_BEFORE.exec(window);
  if (before === null)
    return ratioInWordsAround(extraction, window, response.slice(extraction.end, extraction.end + 20));
  // "1:2 or 3:4" names two ratios: a hedge, left as the last number (which does not score).
  if (HEDGED_BEFORE.test(window.slice(0, before.index))) return undefined;
  return { ...extraction, text: `${before[0]}${extraction.text}` };
}
