/**
 * A number that counts the digits or places of a rounding, not a value: "5.9 MiB (3 sig.fig.)",
 * "5.91 (to 2 decimal places)", "x = 5.91 to 2 d.p.", "about 5.9 (2 s.f.)". The last-number
 * fallback read the count (3, 2) as the answer; it reads the number before the note, and an answer
 * phrase's note is masked before the phrase is read for its number (answer-phrase.ts). Only a note
 * attached to a value, in parentheses or after "to", is one: "0.00340 has 3 significant figures"
 * answers a question about figures with its count.
 *
 * Seen in wenhuchen/TheoremQA outputs/ (GPT-3.5: "the answer is 5.9 MiB (3 sig.fig.)").
 */
const PLACES = String.raw`(?:significant\s+(?:figures?|digits?)|sig\.?\s*figs?\.?|s\.\s?f\.|s\.?f\.?(?![A-Za-z])|sf(?![A-Za-z])|decimal\s+(?:places?|digits?)|decimals(?![A-Za-z])|d\.\s?p\.|dps?(?![A-Za-z]))`;

/** What opens a note before its count: a parenthesis (and "to"), or "to". */
const NOTE_OPENING = String.raw`(?:\(\s*(?:(?:correct|rounded|accurate)\s+)?(?:to\s+)?|\bto\s+)`;

/** The words right after a count of places (spaces first). */
const AFTER_COUNT = new RegExp(`^\\s*${PLACES}`, 'i');
/** The opening right before a count of places. */
const BEFORE_COUNT = new RegExp(`${NOTE_OPENING}$`, 'i');

/** A note with its count anywhere in a phrase ("(to 2 decimal places)"). */
export const PRECISION_NOTE = new RegExp(`${NOTE_OPENING}(?<![\\d.])\\d{1,2}\\s*${PLACES}`, 'gi');

/** Whether the number at [start, end) counts the places of a rounding noted after a value. */
export function isPrecisionNote(text: string, start: number, end: number): boolean {
  // Every way of naming places starts with s, d or a space before one of them.
  const next = text.charCodeAt(end) | 32;
  if (next !== 32 && next !== 115 && next !== 100) return false;
  return (
    AFTER_COUNT.test(text.slice(end, end + 24)) &&
    BEFORE_COUNT.test(text.slice(Math.max(0, start - 24), start))
  );
}
