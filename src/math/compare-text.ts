import { byRange, type OptionRange } from './option-letters.js';
import { equal, notEqual, type Verdict } from './verdict.js';

/** Case-, space- and punctuation-blind form of a word answer. */
export function canonicalText(text: string): string {
  return text
    .toLowerCase()
    .replace(/\\text\{([^{}]*)\}/g, '$1')
    .replace(/^the\s+/, '')
    .replace(/[\s.,;:!?'"`*()[\]{}\\]/g, '');
}

/** Words and choice letters: equal when their canonical forms are. */
export function compareTexts(gold: string, pred: string): Verdict {
  const goldForm = canonicalText(gold);
  const predForm = canonicalText(pred);
  if (goldForm !== '' && goldForm === predForm) return equal('text', `"${pred}" matches "${gold}"`);
  return notEqual('text', `"${pred}" differs from "${gold}"`);
}

const CHOICE_LETTER = byRange(
  (letters, small) =>
    new RegExp(String.raw`^\s*(?:\\text\{\s*)?\(?\s*([${letters}${small}])\s*\)?\s*\}?\s*$`),
);
const LEADING_CHOICE_LETTER = byRange(
  (letters, small, capital) =>
    new RegExp(
      String.raw`^\s*(?:\\text\{\s*)?(?:\(\s*([${letters}${small}])\s*\)|(${capital})(?:\s*[).:]|\s*$|\s))`,
    ),
);

/** A multiple-choice letter written as `C`, `(C)`, `C)` or `\text{(C)}`, or undefined. */
export function choiceLetter(text: string, range: OptionRange = 'A-E'): string | undefined {
  return CHOICE_LETTER[range].exec(text)?.[1]?.toUpperCase();
}

/** The choice a prediction starts with: `(B)`, `B)`, `B.`, `B: 12`, `B`. */
export function leadingChoiceLetter(text: string, range: OptionRange = 'A-E'): string | undefined {
  const match = LEADING_CHOICE_LETTER[range].exec(text);
  return (match?.[1] ?? match?.[2])?.toUpperCase();
}
