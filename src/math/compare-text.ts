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

/** A multiple-choice letter written as `C`, `(C)`, `C)` or `\text{(C)}`, or undefined. */
export function choiceLetter(text: string): string | undefined {
  const match = /^\s*(?:\\text\{\s*)?\(?\s*([A-Ea-e])\s*\)?\s*\}?\s*$/.exec(text);
  return match?.[1]?.toUpperCase();
}

/** The choice a prediction starts with: `(B)`, `B)`, `B.`, `B: 12`, `B`. */
export function leadingChoiceLetter(text: string): string | undefined {
  const match = /^\s*(?:\\text\{\s*)?(?:\(\s*([A-Ea-e])\s*\)|([A-E])(?:\s*[).:]|\s*$|\s))/.exec(text);
  return (match?.[1] ?? match?.[2])?.toUpperCase();
}
