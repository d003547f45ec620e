import type { Extraction } from './extraction.js';

/** A math span, then a full-width comma, semicolon or enumeration comma, at the end of a window. */
const SPAN_THEN_SEPARATOR = /\$([^$]{1,200})\$\s*[，；、]\s*$/;
/** Spans joined into one list at the most (a list of answers is short). */
const MAX_SPANS = 8;

/**
 * Against a gold of several answers, the math spans that end the response joined by Chinese
 * punctuation, read as one list: `$\dfrac{3\pi}{2}$；$1$` answers both blanks of a gold
 * `\dfrac{3\pi}{2}, 1` (real outputs round 30: frontier models' answer cells on the 2026 NCEE read
 * only the last span). Only spans with nothing but punctuation after the last: "答案为 $5$，$6$ 是错误的"
 * ("6 is wrong"), `$x=-3$（舍去）` ("rejected") are no list. Not for other golds: a working step and
 * its result, `$2x=6$，$x=3$`, keep the last span (stop 47's second red team, where joining them
 * for every gold refused four such answers).
 */
export function fullWidthSpanList(
  extraction: Extraction | undefined,
  response: string,
): Extraction | undefined {
  if (extraction?.extractor !== 'latex' || response.charCodeAt(extraction.end - 1) !== 36) return undefined;
  if (/[^\s.。!！]/.test(response.slice(extraction.end))) return undefined;
  let cursor = response.lastIndexOf('$', extraction.end - 2);
  if (cursor < 0) return undefined;
  const items = [extraction.text];
  for (let count = 1; count < MAX_SPANS; count++) {
    const from = Math.max(0, cursor - 240);
    const before = SPAN_THEN_SEPARATOR.exec(response.slice(from, cursor));
    if (before === null) break;
    items.unshift((before[1] as string).trim());
    cursor = from + before.index;
  }
  return items.length > 1 ? { ...extraction, text: items.join(', ') } : undefined;
}
