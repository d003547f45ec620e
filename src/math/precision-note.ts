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
/** Words that can only name places (`significant figures`, `s.f.`, `decimal places`, `d.p.`). */
const PLACES = String.raw`(?:significant\s+(?:figures?|digits?)|sig\.?\s*figs?\.?|s\.\s?f\.|decimal\s+(?:places?|digits?)|d\.\s?p\.)`;
/** Short forms that name other things outside a note in parentheses (`120 sf` of floor, `50 dps`). */
const SHORT_PLACES = String.raw`(?:s\.?f\.?(?![A-Za-z])|sf(?![A-Za-z])|decimals(?![A-Za-z])|dps?(?![A-Za-z]))`;

/** A note in parentheses (any way of naming places), or "to", "correct to" ... (a full name). */
const NOTE = String.raw`(?:\(\s*(?:(?:correct|rounded|accurate)\s+)?(?:to\s+)?(?<![\d.])\d{1,2}\s*(?:${PLACES}|${SHORT_PLACES})|\bto\s+(?<![\d.])\d{1,2}\s*${PLACES})`;

/** A note with its count anywhere in a phrase ("(to 2 decimal places)"). */
export const PRECISION_NOTE = new RegExp(NOTE, 'gi');
/** A note that ends at a count's end: the count and the words after it, read from the opening. */
const NOTE_AT_END = new RegExp(`${NOTE}$`, 'i');

/** Whether the number at [start, end) counts the places of a rounding noted after a value. */
export function isPrecisionNote(text: string, start: number, end: number): boolean {
  // Every way of naming places starts with s, d or a space before one of them.
  if (end >= text.length) return false;
  const next = text.charCodeAt(end) | 32;
  if (next !== 32 && next !== 115 && next !== 100) return false;
  const words = /^\s*[A-Za-z.]+(\s+[A-Za-z.]+)?/.exec(text.slice(end, end + 24));
  if (words === null) return false;
  // The note's words: one ("s.f.", "sf") or two ("decimal places").
  const from = Math.max(0, start - 24);
  const oneWord = end + words[0].length - (words[1]?.length ?? 0);
  // (A full stop after the words may end the sentence: "to 2 decimal places.")
  const isNote = (note: string) => NOTE_AT_END.test(note) || NOTE_AT_END.test(note.replace(/\.$/, ''));
  return (
    isNote(text.slice(from, oneWord)) ||
    (words[1] !== undefined && isNote(text.slice(from, end + words[0].length)))
  );
}
