import { NUMBER_WORD } from './number-words.js';

/**
 * A single word of comment after the answer and a comma ("the final answer is 5, obviously",
 * "18, approximately" excepted) remarks on the answer; it is no second item of a list, which
 * made "5, obviously" a two-item answer against a gold of one value. Only one or two plain words
 * (one of four letters or more) are dropped: a word of doubt, degree or alternative ("5, probably", "5, approximately", "5, or
 * not"), a number word ("5, six"), a word that is itself a mathematical answer ("1, infinity",
 * "5, odd", "2, none"), a letter that may be a variable or a choice ("3, x", "A, B"), or anything
 * with a digit or mathematics stays for the list and hedge checks.
 *
 * Seen in trope's exact-match verifier tests (code index file 71465315378: `answers_match("5,
 * obviously", "5")`).
 */
const TRAILING_WORDS = /^(.*?\S)\s*,\s*([A-Za-z]{2,}(?:\s+[A-Za-z]{2,})?)[\s.!]*$/s;
/** Words that doubt, grade, offer or negate ("5, probably", "5, roughly", "5, not"). */
const QUALIFIES =
  /^(?:or|not|no|nor|but|maybe|perhaps|possibly|probably|likely|unlikely|might|could|also|either|else|otherwise|instead|unless|about|around|approximately|approx|roughly|nearly|almost|circa|some|least|most|more|less|over|under|above|below|wait|hmm|guess|think|assuming|respectively|total|each|both|all|any|only|exactly)$/i;
/** Words that are answers in their own right ("1, infinity", "3, undefined", "5, even"). */
const ANSWER_WORD =
  /^(?:infinity|infinite|inf|pi|undefined|none|never|always|odd|even|true|false|yes|prime|composite|positive|negative|zero|real|imaginary|empty|impossible|unbounded|diverges?|converges?|increasing|decreasing|constant|identity|everywhere|nowhere)$/i;

/** The phrase without a closing comment word after a comma, or the phrase itself. */
export function withoutTrailingRemark(phrase: string): string {
  if (!phrase.includes(',')) return phrase;
  const remark = TRAILING_WORDS.exec(phrase);
  if (remark === null) return phrase;
  const head = remark[1] as string;
  const words = (remark[2] as string).split(/\s+/);
  if (!/\d/.test(head) || head.includes(',') || !words.some((word) => word.length >= 4)) return phrase;
  if (words.some((word) => QUALIFIES.test(word) || ANSWER_WORD.test(word) || NUMBER_WORD.test(word))) {
    return phrase;
  }
  return head;
}
