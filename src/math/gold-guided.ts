/**
 * When no extractor finds an answer, the gold's kind guides the reading of the last sentence: its
 * letter, the options named, "no solution", "all real numbers", a number in words, yes or no, the
 * last words. Used by `verify.ts`.
 */
import { HEDGE, lastChosenLetter } from './choice-answer.js';
import { numberInWords, SENTENCE_BREAK } from './closing-number-words.js';
import { choiceLetter } from './compare-text.js';
import { type Extraction, WEAK_EXTRACTORS } from './extraction.js';
import { frenchAnswerInWords } from './french-number-words.js';
import { letterExpression } from './letter-product.js';
import { multiChoiceInLastSentence, optionsStatedLast } from './multi-choice.js';
import { optionRangeOf } from './option-letters.js';
import { withoutOptionLabels } from './option-list.js';
import {
  infinitelyManyIn,
  noSolutionConcluded,
  noSolutionIn,
  statesInfinitelyMany,
  statesNoSolution,
} from './solution-count.js';
import type { MathValue } from './value.js';

/**
 * The rule that found an answer when no extractor did. Reported in `details.extractor` (the
 * extraction itself travels as a `last_number` one, so the rules that widen a last number still
 * apply).
 */
export type GoldGuidedRule =
  | 'gold_guided_choice'
  | 'gold_guided_options'
  | 'gold_guided_no_solution'
  | 'gold_guided_infinitely_many'
  | 'gold_guided_all_reals'
  | 'gold_guided_number_words'
  | 'gold_guided_yes_no'
  | 'gold_guided_words'
  | 'gold_guided_letters';

export type GuidedExtraction = Extraction & { guidedBy: GoldGuidedRule };

/** What the gold-guided reading needs of a prepared gold (a subset of verify.ts's PreparedAnswer). */
export interface GuidingGold {
  value: MathValue | undefined;
  choice?: string | undefined;
  choices?: string | undefined;
  trace: { normalized: string | undefined };
}

/**
 * A closing sentence that states a truth value and nothing else ("Therefore, the statement is
 * true."), or says yes or no, after a reason ("Since 7 > 5, yes.") or a conclusion word ("The
 * count is 3, so no."). Qualified ones ("is not always true", "false rather than true", "whether
 * this is true") and conditional ones ("If n were odd, yes.") are not.
 */
const TRUTH_STATEMENT =
  /^(?:(?:so|thus|hence|therefore|consequently)\s*,?\s*)?(?:(?:the|this|that)\s+(?:given\s+|original\s+)?(?:statement|claim|proposition|assertion|conjecture|answer)|it|this)\s+is\s+(true|false)[\s.!]*$/i;
const YES_NO_STATEMENT =
  /^(?:(?:since|because|as)\b[^,]*,\s*|[^,]*,\s*(?=(?:so|thus|hence|therefore|consequently)\b))?(?:(?:so|thus|hence|therefore|consequently)\s*,?\s*)?(?:the\s+answer\s+is\s+)?(yes|no)[\s.!]*$/i;

/**
 * Against a truth-value gold, a closing sentence that states a truth value, read past a weak
 * extraction (the last math span or number, WEAK_EXTRACTORS): "... $\\chi^2$, up to a factor of 2.
 * Therefore, the statement is true." answers true, not with a number of its working (TheoremQA's
 * outputs, stop 29). Otherwise the weak extraction stands.
 */
export function truthPastWeakExtraction(
  gold: GuidingGold,
  extraction: Extraction,
  response: string,
): GuidedExtraction | undefined {
  if (!WEAK_EXTRACTORS.has(extraction.extractor)) return undefined;
  const goldText = gold.trace.normalized ?? '';
  const truth = /^(?:true|false)$/i.test(goldText);
  if (!truth && !/^(?:yes|no)$/i.test(goldText)) return undefined;
  const sentences = response.slice(-300).split(SENTENCE_BREAK);
  let last = '';
  for (let index = sentences.length - 1; index >= 0 && last === ''; index--)
    last = (sentences[index] ?? '').trim();
  const word = (truth ? TRUTH_STATEMENT : YES_NO_STATEMENT).exec(last)?.[1];
  return word === undefined
    ? undefined
    : closing(word, response, truth ? 'gold_guided_words' : 'gold_guided_yes_no');
}

/**
 * Against a gold that there is no solution (the empty set, "no real roots"), a closing sentence
 * that concludes so and says nothing else (noSolutionConcluded), read past a weak extraction (the
 * last math span of the working): "Squaring gives $x = -1$, but checking, $\sqrt{-1+2} = 1 \ne
 * -1$. Hence there is no solution." answers "no solution", not with the check (an examiner's hard
 * pairs of stop 47). Not after a value the response calls its answer or says works.
 */
const VALUE_STATED =
  /\b(?:the\s+(?:final\s+)?answer\s+is|is\s+the\s+(?:only\s+)?(?:answer|solution)|(?<!\bnot\s)works\b)|\\boxed\s*\{\s*[^\s}]/i;

export function noSolutionPastWeakExtraction(
  gold: GuidingGold,
  extraction: Extraction,
  response: string,
): GuidedExtraction | undefined {
  if (!WEAK_EXTRACTORS.has(extraction.extractor) || gold.value === undefined || !statesNoSolution(gold.value))
    return undefined;
  const sentences = response.slice(-300).split(SENTENCE_BREAK);
  let last = '';
  for (let index = sentences.length - 1; index >= 0 && last === ''; index--)
    last = (sentences[index] ?? '').trim();
  // The sentence must come after what was extracted, and be the conclusion and nothing else.
  const at = response.lastIndexOf(last);
  if (at < extraction.end || VALUE_STATED.test(response.slice(0, at))) return undefined;
  const phrase = noSolutionConcluded(last);
  return phrase === undefined ? undefined : closing(phrase, response, 'gold_guided_no_solution');
}

/** An extraction that is only the predicate of a statement of options ("... are true"). */
const TRUTH_WORD = /^\s*(?:true|correct|right|valid)\s*[.!]?\s*$/i;

/**
 * A multiple-select gold, and a weak extraction (the last number or math of the working) before a
 * last sentence that states the options chosen ("In summary, the correct options are B and C."),
 * or an extraction that is only that sentence's predicate ("true"): that sentence is the answer
 * (multi-choice.ts decides what it selects).
 */
export function optionsPastWeakExtraction(
  gold: GuidingGold,
  extraction: Extraction,
  response: string,
): GuidedExtraction | undefined {
  if (gold.choices === undefined) return undefined;
  // "Final Answer: Statements (A), (C), and (D) are true." read as its predicate, "true" (real
  // outputs round 21: GPT-4 on JEEBench): the statement of options is the answer too.
  if (!WEAK_EXTRACTORS.has(extraction.extractor) && !TRUTH_WORD.test(extraction.text)) return undefined;
  return guided(optionsStatedLast(response), 'gold_guided_options');
}

/** A sentence that ends on an arithmetic operator: a computation cut off (`= 6 × $5\n=`, `5 +`). */
const ENDS_ON_OPERATOR = /[=+×÷·/]\s*$/;

/**
 * Whether a sentence ends on an operator once the markup after it is gone. A trailing `-` or `*` is
 * taken for markup (a rule, a bullet, emphasis), never for an operator.
 */
function endsOnOperator(sentence: string): boolean {
  return ENDS_ON_OPERATOR.test(withoutTrailingMarkup(sentence));
}
/**
 * The text without the markdown rules and emphasis left at its end (`---`, `* * *`, `**`): no
 * operator (the red team of stop 46). A walk back over `-`, `*`, `_` and spaces, not a pattern: a
 * run of them with nested repeats backtracks exponentially (`npm run bench -- regex` timed one out).
 */
function withoutTrailingMarkup(text: string): string {
  let end = text.length;
  while (end > 0 && '-*_ \t\r\n'.includes(text[end - 1] as string)) end--;
  return text.slice(0, end);
}

/** An extraction marked with the gold-guided rule that found it. */
export function guided(
  extraction: Extraction | undefined,
  rule: GoldGuidedRule,
): GuidedExtraction | undefined {
  return extraction === undefined ? undefined : { ...extraction, guidedBy: rule };
}

/** A guided reading of `text` that ends the response (the rules read the last sentence). */
function closing(text: string, response: string, rule: GoldGuidedRule): GuidedExtraction {
  return { text, extractor: 'last_number', end: response.length, guidedBy: rule };
}

/**
 * When no extractor finds an answer and the gold is a word or a choice letter, looks for that
 * kind of answer in the last sentence ("So the meeting falls on Monday.", "The option is B.").
 */
/**
 * "yes" anywhere, or "no" as an answer: before punctuation or the end, or before a pronoun, a
 * reason or a condition ("No, it is not.", "no because ...", "no if n is odd"), never a
 * determiner before a noun ("no other way", "no solution").
 */
const YES_OR_NO_ANSWER =
  /\b(yes|no(?=\s*(?:[,.;:!?)}\]'"]|$|\s+(?:it|there|they|we|you|he|she|this|that|because|since|as|otherwise|if|when|else|for|in|and|or|but)\b)))\b/i;

/**
 * The last of the last three sentences that says yes or no as an answer: "Yes. There is no other
 * possibility." reads yes ("no other", "No contradiction arises" use "no" as a determiner).
 */
function answeredYesOrNo(sentences: readonly string[]): string | undefined {
  for (let index = sentences.length - 1; index >= 0 && index >= sentences.length - 3; index--) {
    const answer = YES_OR_NO_ANSWER.exec(sentences[index] as string);
    if (answer !== null) return answer[1] as string;
  }
  return undefined;
}

export function goldGuided(gold: GuidingGold, response: string): GuidedExtraction | undefined {
  const goldText = gold.trace.normalized ?? '';
  const tail = response.slice(-300);
  const sentences = tail.split(SENTENCE_BREAK);
  const sentence = sentences[sentences.length - 1] ?? tail;
  if (gold.choices !== undefined) return guided(multiChoiceInLastSentence(response), 'gold_guided_options');
  if (gold.choice !== undefined || choiceLetter(goldText) !== undefined) {
    // The labels of a list of options are no choice.
    const unlabelled = withoutOptionLabels(tail, optionRangeOf(gold.choice));
    const letter = lastChosenLetter(
      unlabelled === tail ? sentences : unlabelled.split(SENTENCE_BREAK),
      optionRangeOf(gold.choice),
    );
    return letter === undefined ? undefined : closing(letter, response, 'gold_guided_choice');
  }
  if (gold.value !== undefined && statesNoSolution(gold.value)) {
    // A gold "no solution" (or the empty set): the last sentence's statement that there is none.
    // A sentence that hedges ("no solutions, or perhaps one") states no answer; "None." alone says it.
    const phrase = HEDGE.test(sentence) ? undefined : noSolutionIn(sentence);
    return phrase === undefined ? undefined : closing(phrase, response, 'gold_guided_no_solution');
  }
  // `abx+aby` against `ab(x+y)`: letters of the gold's variables side by side (letter-product.ts).
  const letters = letterExpression(gold.value, response);
  if (letters !== undefined) return closing(letters, response, 'gold_guided_letters');
  // "three or four", "Sunday or Monday", "yes or no": a sentence that hedges states no answer.
  if (HEDGE.test(sentence)) return undefined;
  // A gold that is the whole real line: "all real numbers" in the last sentence.
  if (goldText === '(-\\infty, \\infty)') {
    const reals = /\b(?:all|every)\s+real\s+numbers?\b/i.exec(sentence);
    return reals === null ? undefined : closing(reals[0], response, 'gold_guided_all_reals');
  }
  // A number gold and an answer in words only: "There are three solutions.", "La réponse est douze."
  if (gold.value?.kind === 'number') {
    // A computation cut off at its operator (`= 6 × $5\n=`) states no answer: a number word of
    // its premises is none (real outputs round 26: "Michael has six $5 bills: ... =" paid 6).
    if (endsOnOperator(sentence)) return undefined;
    const french = frenchAnswerInWords(sentence);
    return french === undefined
      ? guided(numberInWords(sentence, response.length), 'gold_guided_number_words')
      : closing(french, response, 'gold_guided_number_words');
  }
  if (gold.value?.kind !== 'text') return undefined;
  // "There are infinitely many solutions." for a gold "infinitely many" (solution-count.ts).
  if (statesInfinitelyMany(gold.value)) {
    const phrase = infinitelyManyIn(sentence);
    return phrase === undefined ? undefined : closing(phrase, response, 'gold_guided_infinitely_many');
  }
  // "Yes, it is possible." for a gold yes/no: the sentence's yes or no.
  if (/^(?:yes|no)$/i.test(goldText)) {
    const answer = answeredYesOrNo(sentences);
    if (answer !== undefined) return closing(answer, response, 'gold_guided_yes_no');
    // None as an answer: the last sentence's own word ("There is no such number." says no).
    const word = /\b(yes|no)\b/i.exec(sentence);
    return word === null ? undefined : closing(word[1] as string, response, 'gold_guided_yes_no');
  }
  // "The function is neither even nor odd.": the answer is "neither", not its last word.
  const neither = NEITHER_NOR.exec(sentence);
  if (neither !== null) return closing(neither[1] as string, response, 'gold_guided_words');
  const words = [...sentence.matchAll(/[A-Za-z][A-Za-z'-]*/g)].map((match) => match[0]);
  const wanted = goldText.split(/\s+/).length;
  if (words.length < wanted) return undefined;
  // "So f is even, not odd.": a denied word is no answer; nor is a qualified one ("negative
  // infinity" for a gold "infinity", "north east" for "east").
  if (NEGATION.test(words[words.length - wanted - 1] ?? '')) return undefined;
  return closing(words.slice(-wanted).join(' '), response, 'gold_guided_words');
}

/** "neither even nor odd" closing a sentence (a red team of stop 26: it read "odd"). */
const NEITHER_NOR = /\b(neither)\s+[A-Za-z]+(?:\s+[A-Za-z]+)?\s+nor\s+[A-Za-z]+\W*$/i;
/**
 * A word that denies the word after it, or makes it another answer (`negative infinity`, `non
 * increasing`, `counter clockwise`, `north east`: each paid a gold of its last word and the whole
 * phrase too, a red team of stop 28).
 */
const NEGATION =
  /^(?:not|nor|no|never|neither|isn't|cannot|can't|non|negative|minus|counter|anti|north|south|east|west)$/i;
