import { byRange, type OptionRange } from './option-letters.js';

/**
 * A response that only lists answer options (`A. first option; B. second option`, or one option a
 * line) chooses none of them: when two or more different letters each open an item (at the
 * start, after a semicolon or a line break, then `.` or `)`), those item labels are blanked, so a
 * search for a choice letter does not take a label for an answer. A single labelled line
 * (`A. lightning.`) and a choice stated after the list (`... So B.`) are kept. The gate is one
 * `includes` before the scan.
 */
export function withoutOptionLabels(text: string, range: OptionRange = 'A-E'): string {
  if (!text.includes('. ') && !text.includes(') ')) return text;
  const item = OPTION_ITEM[range];
  const letters = new Set<string>();
  for (const match of text.matchAll(item)) letters.add(match[2] as string);
  if (letters.size < 2) return text;
  return text.replace(item, (_item, start: string) => `${start} `);
}

/** An item's label, `A.`, `(B)`, `C)`, opening a line or after a semicolon (up to J: option-letters.ts). */
const OPTION_ITEM = byRange(
  (letters) => new RegExp(String.raw`((?:^|[;\n])\s*)\(?([${letters}])[.)](?=\s)`, 'g'),
);
