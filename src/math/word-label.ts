import { NUMBER_WORD } from './number-words.js';
import { QUALIFYING_WORDS } from './qualifying-words.js';

/**
 * Words that name a quantity: `Total`, `Number of ways`, `Total cost`, `Total number of pencils in
 * the drawer` (3+ letters first; no product `xy`; at most 8 words, a name and not a sentence).
 */
const WORDS = /^[A-Za-z]{3,}(?:\s+[A-Za-z]+){0,7}$/;

/**
 * Words that qualify, deny or doubt a value rather than name it (`\text{Not} = 42`, `Lower bound:
 * 42`, `\text{Maybe} = 42`): such a label does not commit to the value (a red team of stop 26).
 */
const NOT_A_NAME = new RegExp(
  String.raw`\b(?:${QUALIFYING_WORDS}|no|none|rough\w*|more|less|fewer|greater|smaller|larger|bigger|higher|lower|upper|than|bound|minimal|maximal|over|under|above|below|except|other|different|discarded|excluded|mistaken|tentative|uncertain|alternative|cannot|cant|isnt|be|if|unless|wait|alternatively|instead)\b`,
  'i',
);

/**
 * Whether `text` is words naming the value on the other side of `=` or after a colon
 * (`\text{Total} = 42`, `Total cost: $42`): letters only, no word that qualifies or denies the value,
 * and no number word (`\text{Twenty} = 42` states two values).
 */
export function namesQuantity(text: string): boolean {
  const words = text.trim().replace(/['’]/g, '');
  return WORDS.test(words) && !NOT_A_NAME.test(words) && !NUMBER_WORD.test(words);
}
