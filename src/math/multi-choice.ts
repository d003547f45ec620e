import { choiceMatches, namedChoice } from './choice-answer.js';
import { SENTENCE_BREAK } from './closing-number-words.js';
import type { Extraction } from './extraction.js';
import { equal, notEqual, type Verdict } from './verdict.js';

/**
 * Multiple-select questions (several options are right: gaokao, MMLU-Pro style "select all that
 * apply"). A gold that names two or more options, `AC`, `A, C`, `A and C`, `(A)(C)`, is the set of
 * those letters; a prediction is right when it selects exactly that set, in any order
 * (`\boxed{A} and \boxed{C}`, `CA`, "The correct options are A and C."). Selecting one more
 * (`ABCD`, `A, B, C`) or one less (`A`) is wrong, and a hedge ("A or C") selects nothing.
 *
 * A gold `AC` written as one word is read as options only when its letters are distinct and in
 * alphabetical order (how answer keys write them); `CA` stays a word (a segment, a name).
 */

/** Letters of an answer made only of choice letters and separators, in written order, or undefined. */
/** `\text{ and }`, `\mathrm{B}`: the words and letters inside, without the command. */
const TEXT_COMMAND = /\\(?:text|mathrm|textbf|mathbf)\s*\{([^{}]*)\}/g;

function selectedLetters(text: string): string[] | undefined {
  const bare = text
    .replace(TEXT_COMMAND, '$1')
    .replace(/\\[,;:! ]|\\q?quad/g, ' ')
    .replace(/[*$]/g, ' ')
    .trim();
  if (bare === '' || bare.length > 40) return undefined;
  // `(A)(C)`, `(A), (C)`, `A, C`, `A and C`, `A & C`, `A C`, `AC`.
  if (!/^(?:\(?[A-E]\)?)+$/.test(bare.replace(/\band\b|[,;&\s]/g, ''))) return undefined;
  return [...bare.matchAll(/[A-E]/g)].map((match) => match[0]);
}

/** The options a gold selects when it selects two or more, sorted (`AC` -> `AC`), or undefined. */
export function multiChoiceGold(gold: string | undefined): string | undefined {
  if (gold === undefined) return undefined;
  const letters = selectedLetters(gold);
  if (letters === undefined || letters.length < 2 || new Set(letters).size !== letters.length)
    return undefined;
  const written = letters.join('');
  const sorted = [...letters].sort().join('');
  // One word of capitals (`AC`) is options only in alphabetical order; separated letters always.
  if (/^[A-E]+$/.test(gold.trim()) && written !== sorted) return undefined;
  return sorted;
}

/** "or" between options, in the answer or between its boxes: a hedge, not a selection. */
const HEDGE = /\bor\b|或/i;
const HEDGED_BOXES = /\\boxed\s*\{\s*\(?[A-E]\)?\s*\}[^\\]{0,40}?(?:\bor\b|或)/;

/**
 * What may stand between two options a phrase selects: commas, "and", "&", spaces, emphasis stars
 * (`**B** and **C**`), the square brackets of `[A] and [B]` (real outputs round 21) and words that
 * name or grade them ("A and C are both correct"). Anything else, `A/C`, `A \\lor C`, `A-C`,
 * `A + C`, `A? C?`, "A maybe C", joins them some other way than as a list of selections.
 */
const LIST_JOINER =
  /^(?:[\s,;&、，和*[\]]|\\[&,;: ]|\\q?quad\b|\b(?:and|also|as well as|both|is|are|correct|true|right|options?|choices?)\b)*$/i;

/**
 * Options a phrase calls wrong ("A and C are incorrect", "Option D is false", "the incorrect
 * options are A and C"): rejected, not selected (they were read as a selection).
 */
const REJECTED =
  /(?<![A-Za-z])(?:(?:options?|choices?)\s*)?\(?[A-E]\)?(?:\s*(?:,|\band\b|&)\s*(?:(?:options?|choices?)\s*)?\(?[A-E]\)?)*\s*\**\s*(?:is|are)\s+(?:both\s+|all\s+)?(?:incorrect|wrong|false|invalid|not\s+(?:correct|true|right|valid))\b|\b(?:incorrect|wrong|false|invalid)\s+(?:options?|choices?|statements?|answers?)\s+(?:is|are)\s*:?\s*(?:(?:options?|choices?)\s*)?\(?[A-E]\)?(?:\s*(?:,|\band\b|&)\s*(?:(?:options?|choices?)\s*)?\(?[A-E]\)?)*(?![A-Za-z])/gi;

/** Options named as rejected or negated, blanked: what is left is what the phrase selects. */
function withoutRejected(text: string): string {
  return text.replace(NEGATED, ' ').replace(REJECTED, ' ');
}

/** "A" as an article ("A good choice is C"), not an option. */
const ARTICLE_A = /(?<![A-Za-z(])A(?=\s+(?!(?:or|and|nor|is|are|was|were)\b)[a-z]{2,})/g;

/** The text with every letter that names no selected option blanked (rejected, negated, the article A). */
function selectableLetters(text: string): string {
  return withoutRejected(text).replace(ARTICLE_A, ' ');
}

/** Negated options in prose ("not B", "not A or D", "neither A nor D") are not selected. */
const NEGATED =
  /(?:\b(?:not|except|nor|neither)\b|n't\b|不是|不)\s*(?:options?\s*)?\(?[A-E]\)?(?:\s*(?:,|\bor\b|\bnor\b|\band\b)\s*\(?[A-E]\)?(?![A-Za-z]))*(?![A-Za-z])/gi;

/** An "and" written inside math (`A \text{ and } B`): it joins mathematical objects, not selections. */
const MATH_AND = /\\(?:text|textrm|mathrm|mbox)\s*\{\s*and\s*\}/;
const OPTION_WORD = /\b(?:options?|choices?|correct|true|statements?)\b|选/i;
/** Words of the response's end that make its letters options ("Options A and C are ..."). */
const OPTIONS_NAMED = /\b(?:options?|choices?)\b|选项/i;

/**
 * A gold of two capitals written as one word (`AB`, `CD`) is as often a segment, a line or a side
 * as two options. A prediction whose letters are joined by an "and" inside math, with no word
 * that makes them options (`\boxed{A \text{ and } B}`), names two points, not a selection: the
 * multiple-select reading does not apply (the ordinary comparison decides, and two points are
 * not the segment). Letter words (`AB`), separate boxes, commas, and an "and" with option words
 * in the answer or the response's end ("Options A and C are correct, so $\boxed{A \text{ and }
 * C}$") still select.
 */
function namesPoints(goldText: string, extracted: string, response: string): boolean {
  return (
    /^\s*[A-E]{2}\s*$/.test(goldText) &&
    MATH_AND.test(extracted) &&
    !OPTION_WORD.test(extracted) &&
    !OPTIONS_NAMED.test(response.slice(-400))
  );
}

/**
 * Compares a prediction with a multiple-select gold (its sorted letters): the prediction's
 * extracted answer must select exactly those options. Undefined when it names no option at all.
 */
export function compareMultiChoice(
  goldLetters: string,
  extracted: string,
  response: string,
  goldText = goldLetters,
): Verdict | undefined {
  if (namesPoints(goldText, extracted, response)) return undefined;
  if (HEDGE.test(withoutRejected(extracted)) || HEDGED_BOXES.test(response.slice(-400)))
    return notEqual('choice', 'the options are hedged with "or": no selection');
  let letters = selectedLetters(extracted);
  if (letters === undefined && extracted.length <= 80) {
    // A short phrase naming its options: "options A and C", "A and C are correct", also written
    // in math (`B \text{ and } C \text{ are correct}`: a `\text{}` of list words only is read).
    const kept = selectableLetters(
      extracted.replace(TEXT_COMMAND, (command, words: string) =>
        LIST_JOINER.test(words) ? ` ${words} ` : command,
      ),
    );
    const named = choiceMatches(kept);
    const joiner = named.slice(1).find((match, index) => {
      const previous = named[index] as RegExpExecArray;
      return !LIST_JOINER.test(kept.slice(previous.index + previous[0].length, match.index));
    });
    if (joiner !== undefined)
      return notEqual('choice', 'the options are not joined as a list ("A and C", "A, C"): no selection');
    letters = named.length > 0 ? named.map(namedChoice) : undefined;
  }
  // No option named (`\overline{AB}` against a gold `AB`): the ordinary comparison decides.
  if (letters === undefined) return undefined;
  const selected = [...new Set(letters)].sort().join('');
  return selected === goldLetters
    ? equal('choice', `options ${selected.split('').join(', ')} selected, as in the gold`)
    : notEqual(
        'choice',
        `options ${selected.split('').join(', ')} selected, gold selects ${goldLetters.split('').join(', ')}`,
      );
}

/**
 * When no extractor found an answer: the last sentence that names options ("The correct options
 * are A and C."), its letters as the answer.
 */
export function multiChoiceInLastSentence(response: string): Extraction | undefined {
  const sentences = response.slice(-300).split(SENTENCE_BREAK);
  for (let index = sentences.length - 1; index >= 0; index--) {
    const sentence = sentences[index] ?? '';
    const kept = selectableLetters(sentence);
    // A lone option (`A`, `(C)`) or options written as one word (`DCA`).
    if (!/(?<![A-Za-z])(?:\(?[A-E]\)?|[A-E]{2,5})(?![A-Za-z])/.test(kept)) continue;
    return { text: sentence.trim(), extractor: 'last_number', end: response.length };
  }
  return undefined;
}

/** Bullets of a list of options ("the correct options are:\n- Option A\n- Option C"), read as commas. */
const OPTION_BULLETS = /\n[ \t]*[-*•][ \t]+/g;

/**
 * A sentence that states the options selected: "the correct options are B and C", "Options B and C
 * are (both) correct", "The answers are B and C", "Answer: B, C".
 */
const SELECTION_STATEMENT =
  /\b(?:correct|right|true|valid)\s+(?:options?|choices?|answers?|statements?)\s+(?:are|is)\b|\b(?:options?|choices?|statements?)\s+\(?[A-E]\)?(?:\s*(?:,|\band\b|&)\s*(?:(?:options?|choices?)\s+)?\(?[A-E]\)?)+\s+(?:are|is)\s+(?:both\s+|all\s+)?(?:correct|right|true|valid)\b|\banswers?\s*(?:is|are|:)/i;
/**
 * Words that make such a sentence something else than the selection: a denial, a doubt, a
 * condition, a check still to make, a choice between, a statement taken back ("Next, let's check
 * options B and C.", "If options B and C are correct, ...", "Exactly one of options B and C is
 * correct.", "Previously I said the correct options were B and C, but that was a mistake.": a red
 * team of stop 43).
 */
const NOT_A_SELECTION =
  /\?|n't\b|\b(?:not|no|none|neither|nor|never|cannot|maybe|perhaps|possibly|probably|likely|unlikely|guess\w*|unsure|unclear|uncertain|candidates?|if|whether|unless|suppos\w*|assum\w*|check\w*|verif\w*|compar\w*|decid\w*|previously|were|was|mistake\w*|wrong|incorrect|false|fail\w*|dubious|ruled|exactly|only|one\s+of|either|equivalent|let|next|should|would|could|might|remain\w*)\b/i;

/**
 * The response's last sentence when it states the options chosen ("In summary, the correct options
 * are B and C.", "Thus, the correct options are:\n- Option A\n- Option C"): a selection statement
 * with none of the words that make it something else, a letter that is neither rejected nor
 * negated, and no digit (a number there is the working, or an option's text, not a selection).
 */
export function optionsStatedLast(response: string): Extraction | undefined {
  const sentences = response.slice(-300).trimEnd().split(SENTENCE_BREAK);
  const last = (sentences[sentences.length - 1] ?? '').trim();
  if (last === '' || /\d/.test(last) || !SELECTION_STATEMENT.test(last) || NOT_A_SELECTION.test(last))
    return undefined;
  const kept = selectableLetters(last);
  if (!/(?<![A-Za-z])\(?[A-E]\)?(?![A-Za-z])/.test(kept)) return undefined;
  return { text: last.replace(OPTION_BULLETS, ', '), extractor: 'last_number', end: response.length };
}
