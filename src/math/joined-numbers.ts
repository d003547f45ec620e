import type { Extraction } from './extraction.js';
import { lastNumberStart } from './last-number-place.js';

/**
 * Against a gold of several answers (`1, 2`, `\{1, 2\}`), a last number read from prose that ends
 * a list joined by "and" ("The roots are 1 and 2.", "x is 1, 2 and 5") is that whole list. The
 * last-number fallback itself does not join "and" (a single gold would then lose "between 3 and
 * 5" to a list); here the gold already says several answers are wanted. A range ("between 1 and
 * 2", "from 1 and 2") is not a list of answers.
 */
const LIST_BEFORE = /((?:-?\d+(?:\.\d+)?(?:\s*,\s*|\s+and\s+)){0,8}-?\d+(?:\.\d+)?)\s*,?\s+and\s+$/i;
const RANGE_WORD = /\b(?:between|from|to)\s*$/i;

export function numbersJoinedByAnd(
  extraction: Extraction | undefined,
  response: string,
): Extraction | undefined {
  const start = lastNumberStart(extraction, response);
  if (extraction === undefined || start === undefined) return undefined;
  const window = response.slice(Math.max(0, start - 120), start);
  const list = LIST_BEFORE.exec(window);
  if (list === null || RANGE_WORD.test(window.slice(0, list.index))) return undefined;
  // Digits glued to the list from the left (`x2 and 3`) are no list.
  if (/[\w.]$/.test(window.slice(0, list.index))) return undefined;
  const items = (list[1] as string).split(/\s*,\s*|\s+and\s+/i);
  return { ...extraction, text: [...items, extraction.text].join(', ') };
}
