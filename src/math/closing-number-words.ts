import type { Extraction } from './extraction.js';
import { NUMBER_WORD, parseNumberWords } from './number-words.js';
import { textBeforeRuledOut } from './ruled-out-value.js';

/** Where a sentence ends: `.`, `!` or `?` and a space before more text, or `。`. */
export const SENTENCE_BREAK = /[.!?]\s+(?=\S)|。\s*/;

/**
 * A last number in digits, then a closing sentence that states a number in words ("... = 9 eggs
 * left. Wait, the question asks how many she lays: she lays sixteen eggs."): the later statement is
 * the answer, as a later number in digits would be. Only a statement of a count: the number words
 * end the sentence or come before at most two words (a unit: "sixteen eggs", "ten dollars each").
 * Not a mention ("There are two cases to check", "both of the two numbers": a determiner before,
 * a longer phrase after), not a sum ("Three times three"), not a doubt or an alternative ("It might
 * be ten", "nine or ten", "About ten", "Ten?": hedges, never an answer), not a value ruled out
 * ("Not ten."), not "one" (a pronoun as often), "half" or a scale word alone ("hundreds of them").
 */
const NOT_A_STATEMENT =
  /\b(?:not|never|no|isn't|aren't|wasn't|instead\s+of|rather\s+than|or|maybe|perhaps|possibly|probably|likely|might|could|about|around|approximately|roughly|nearly|almost|least|most|than|over|under|times|plus|minus|divided|each|both|every)\b/i;
const DETERMINER = /^(?:the|these|those|all|of|every|each|both|first|last|other)$/i;
const LONE_SCALE = /^(?:half|hundreds?|thousands?|millions?|billions?|dozens?)$/i;

/** The closing statement in words after a last number in digits (see above), or undefined. */
export function closingNumberWords(extraction: Extraction | undefined, text: string): Extraction | undefined {
  if (extraction?.extractor !== 'last_number' || extraction.end >= text.length - 3) return undefined;
  const after = text.slice(extraction.end);
  if (!NUMBER_WORD.test(after) || after.includes('?')) return undefined;
  const sentences = after.split(SENTENCE_BREAK);
  if (sentences.length < 2) return undefined;
  const sentence = sentences[sentences.length - 1] ?? '';
  if (NOT_A_STATEMENT.test(sentence)) return undefined;
  const found = lastNumberWords(sentence);
  if (found === undefined || LONE_SCALE.test(found.text) || found.wordsAfter > 2) return undefined;
  if (DETERMINER.test(found.wordBefore)) return undefined;
  return { text: found.text, extractor: 'last_number', end: text.length };
}

/** The last number written in words in a sentence ("three", "twenty-one", "one hundred and five"). */
export function numberInWords(sentence: string, end: number): Extraction | undefined {
  let found = lastNumberWords(sentence);
  if (found === undefined) return undefined;
  // "ten, not nine": the value stated right before the one ruled out (ruled-out-value.ts); "not
  // nine" alone keeps nine, which the hedge rules then read as qualified, as they do `not 9`.
  const stated = textBeforeRuledOut(sentence, found.text);
  const earlier = stated === undefined ? undefined : lastNumberWords(stated);
  if (earlier !== undefined && earlier.wordsAfter === 0) found = earlier;
  return { text: found.text, extractor: 'last_number', end };
}

function lastNumberWords(
  sentence: string,
): { text: string; wordBefore: string; wordsAfter: number } | undefined {
  const words = sentence
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[.,;:!?]+$/, ''));
  for (let last = words.length - 1; last >= 0; last--) {
    // "one" alone is as often a pronoun ("which one") as a number.
    if (/^one$/i.test(words[last] as string) || parseNumberWords(words[last] as string) === undefined)
      continue;
    let first = last;
    while (first > 0 && parseNumberWords(words.slice(first - 1, last + 1).join(' ')) !== undefined) first--;
    return {
      text: words.slice(first, last + 1).join(' '),
      wordBefore: words[first - 1] ?? '',
      wordsAfter: words.slice(last + 1).filter((word) => word !== '').length,
    };
  }
  return undefined;
}
