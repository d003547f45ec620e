/**
 * Dashes that stand for a minus sign. Word processors and some tokenizers write the sign of `-5`
 * as a hyphen (U+2010, U+2011), a figure dash (U+2012), an en dash (U+2013), a small or fullwidth
 * hyphen-minus (U+FE63, U+FF0D); TeX writes a unary minus as `{-}`. Read as anything but a minus,
 * the sign is dropped: `\boxed{–5}` scored 1 against a gold 5 and 0 against -5 (red team round 3).
 * A dash right before a digit is a minus (between two digits it then reads as an ASCII hyphen does:
 * `5–6` is `5-6`). The em dash (U+2014) stays punctuation ("the answer—5").
 */
const DASH_BEFORE_DIGIT = /[\u2010-\u2013\uFE63\uFF0D](?=\s*\d)|\{\s*-\s*\}(?=\s*\d)/g;

/** A dash that may stand for a minus: one character class, scanned fast. */
const DASH_CHARACTER = /[\u2010-\u2013\uFE63\uFF0D]/;

/** Cheap gate: one of the dash characters, or a braced minus. */
export function mayHoldDashMinus(text: string): boolean {
  return DASH_CHARACTER.test(text) || (text.includes('{') && /\{\s*-\s*\}/.test(text));
}

/** `text` with every dash that stands for a minus sign written `-`. */
export function dashesAsMinus(text: string): string {
  return text.replace(DASH_BEFORE_DIGIT, '-');
}
