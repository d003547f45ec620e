import { NUMBER_WORD } from './number-words.js';
import { restatesInOtherUnits } from './unit-dimension.js';

/**
 * A remark in parentheses after an answer explains it and is not part of it: "the answer is 4
 * (Thursday is the fourth day of the week)" states 4. Without this, the answer phrase took what
 * follows the remark's own "is" ("the fourth day of the week"). Only a remark of words is dropped:
 * one that holds a digit, a number word or mathematics ("4 (or five)", "4 (i.e. 5)", `4 (x = 5)`),
 * a word of doubt or alternative, or a choice letter ("A (but B is also possible)") may offer
 * another answer, and the hedge checks must still see it. A remark that states the value's
 * condition ("18 (when a = 3)") is dropped too.
 *
 * Seen in TheoremQA's error analysis (wenhuchen/TheoremQA error_analysis/ChatGPT_errors.json,
 * tonyxia/modulararithmetic1).
 */
const TRAILING_PARENTHESIS = /\S\s*\(([^()]{3,120})\)[\s.!]*$/;
/** Two words of letters in a row: a remark, not a symbol or a unit. */
const WORDS = /[A-Za-z]{2,}\s+[A-Za-z]{2,}/;
const VALUE_LIKE = /[\d\\$=]/;
/** A remark that offers or doubts ("A (but B is also possible)"), or names a choice letter. */
const OFFERS =
  /\b(?:or|but|maybe|perhaps|possibly|might|could|also|either|alternatively|otherwise|instead|not|unless)\b|\b[A-Z]\b/i;

/**
 * A remark that names the condition of the value: a condition word, then one letter set to a
 * number ("obtained with $a=3$", "when a = 3", "using $n = 4$"; a red team of stop 35 read the 3).
 */
const CONDITION_REMARK =
  /^\s*(?:(?:obtained|achieved|attained|reached|taken)\s+)?(?:with|using|when|where|for|at|if|given)\s+\$?\s*[A-Za-z](?:_\{?\w+\}?)?\s*=\s*-?\d+(?:\.\d+)?(?:\/\d+)?\s*\$?\s*$/i;

/** The phrase without a closing parenthetical remark of words, or of a condition; or the phrase itself. */
export function withoutParentheticalRemark(phrase: string): string {
  if (!phrase.includes('(')) return phrase;
  const remark = TRAILING_PARENTHESIS.exec(phrase);
  if (remark === null) return phrase;
  const inside = remark[1] as string;
  // "18 (obtained with $a=3$)", "18 (when a = 3)": the condition the value holds under.
  if (CONDITION_REMARK.test(inside)) return phrase.slice(0, remark.index + 1);
  // "2 hours (120 minutes)": the value restated in other units (unit-dimension.ts).
  if (restatesInOtherUnits(phrase.slice(0, remark.index + 1), inside))
    return phrase.slice(0, remark.index + 1);
  if (!WORDS.test(inside) || VALUE_LIKE.test(inside) || NUMBER_WORD.test(inside)) return phrase;
  if (OFFERS.test(inside)) return phrase;
  return phrase.slice(0, remark.index + 1);
}
