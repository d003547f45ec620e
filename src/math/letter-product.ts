import { freeVariables } from './evaluate.js';
import type { MathValue } from './value.js';

/**
 * Letters side by side are a product in mathematics (`xyz` is x·y·z, `abx + aby` is a·b·x + a·b·y),
 * but a run of three letters reads as a word everywhere else (`yes`, `odd`, `Monday`). The gold
 * decides: against a gold expression, a run made only of the gold's own one-letter variables is
 * their product. Found in graders' rounds 11 and 12 (a sympy grader's `xyz` against `x * y * z`,
 * pie-framework's `abx+aby` against `ab(x+y)`), where both read as words and were not equal.
 */

/** A run of letters: the candidate product (short; a longer run is a word or a name). */
const LETTER_RUN = /^[A-Za-z]{2,8}$/;
/** A bare expression of letters, digits and arithmetic on one line (no prose punctuation). */
const LETTER_EXPRESSION = /^[A-Za-z\d+\-*/^() ]{1,80}$/;

/** The one-letter free variables of a gold expression, or undefined when it is none. */
function goldLetters(gold: MathValue | undefined): Set<string> | undefined {
  if (gold?.kind !== 'expression') return undefined;
  const letters = new Set<string>();
  for (const name of freeVariables(gold.json)) if (name.length === 1) letters.add(name);
  return letters.size === 0 ? undefined : letters;
}

/** Whether every letter of `text` is one of `letters`. */
function onlyLetters(text: string, letters: ReadonlySet<string>): boolean {
  for (const char of text) {
    const code = char.charCodeAt(0) | 32;
    if (code >= 97 && code <= 122 && !letters.has(char)) return false;
  }
  return true;
}

/** `xyz` (read as a word) against a gold in x, y and z: the product x·y·z. */
export function lettersAsProduct(gold: MathValue, pred: MathValue): MathValue | undefined {
  if (pred.kind !== 'text' || !LETTER_RUN.test(pred.text)) return undefined;
  const letters = goldLetters(gold);
  if (letters === undefined || !onlyLetters(pred.text, letters)) return undefined;
  return { kind: 'expression', json: ['Multiply', ...pred.text], text: pred.text };
}

/**
 * A whole response that is a bare expression whose letters are all the gold's one-letter
 * variables (`abx+aby`, `xyz`), where no extractor read one (its runs of three letters looked
 * like prose words): the response itself.
 */
export function letterExpression(gold: MathValue | undefined, response: string): string | undefined {
  const text = response.trim();
  if (!LETTER_EXPRESSION.test(text) || !/[A-Za-z]{3}/.test(text)) return undefined;
  const letters = goldLetters(gold);
  return letters !== undefined && onlyLetters(text, letters) ? text : undefined;
}
