/**
 * The gold answer as verification reads it: extracted when it is a worked solution or a stating
 * sentence, the last side of a chain, minutes, an option letter and its text; cached per scorer.
 */
import { unclosedBoxed } from './boxed-answer.js';
import { choiceLetter } from './compare-text.js';
import { extractAnswer } from './extract.js';
import type { ExtractorName } from './extraction.js';
import { isStatingSentence } from './gold-sentence.js';
import { LruCache } from './lru-cache.js';
import { multiChoiceGold } from './multi-choice.js';
import type { MathVerifyOptions } from './options.js';
import { parseAnswer } from './parse-answer.js';
import { PLAIN_NUMBER } from './parse-number.js';
import { asMinutes, type PreparedAnswer, prepare } from './prepared-answer.js';
import { describeValue } from './value.js';

const GOLD_MARKERS = ['\\boxed', '\\fbox', '####', '<answer>'];
/** A whole number, then a proper fraction in parentheses: `1(1/3)`, Ape210K's mixed number. */
const MIXED_NUMBER_IN_PARENTHESES = /^\s*(-?\d+)\((\d+)\/(\d+)\)\s*$/;

/** `1(1/3)` written as the mixed number `1 1/3`; undefined for any other text (or an improper fraction). */
export function mixedNumberInParentheses(text: string): string | undefined {
  const mixed = MIXED_NUMBER_IN_PARENTHESES.exec(text);
  return mixed !== null && Number(mixed[2]) < Number(mixed[3])
    ? `${mixed[1]} ${mixed[2]}/${mixed[3]}`
    : undefined;
}
/** A gold this long that names its answer in words is a solution, not an answer. */
const LONG_GOLD_CHARS = 100;
const SOLUTION_GOLD_EXTRACTION: readonly ExtractorName[] = ['final_answer', 'answer_colon'];
const GOLD_SENTENCE_EXTRACTION: readonly ExtractorName[] = ['final_answer', 'answer_colon', 'last_number'];
/** Parsed golds per options object (one per scorer), so repeated golds (GRPO groups) are free. */
const goldCaches = new WeakMap<MathVerifyOptions, LruCache<string, PreparedAnswer>>();
const GOLD_CACHE_SIZE = 8_192;

export function prepareGold(gold: string, options: MathVerifyOptions): PreparedAnswer {
  let cache = goldCaches.get(options);
  if (cache === undefined) {
    cache = new LruCache<string, PreparedAnswer>(GOLD_CACHE_SIZE);
    goldCaches.set(options, cache);
  }
  const cached = cache.get(gold);
  if (cached !== undefined) return cached;
  const prepared = PLAIN_NUMBER.test(gold) ? preparePlainNumber(gold) : prepareGoldText(gold, options);
  cache.set(gold, prepared);
  return prepared;
}

/** An integer or decimal gold (most golds of word problems): what `prepareGoldText` makes of it, directly. */
function preparePlainNumber(gold: string): PreparedAnswer {
  const value = parseAnswer(gold, false);
  return {
    trace: {
      extracted: gold,
      extractor: 'whole',
      normalized: gold,
      parsed: value === undefined ? undefined : describeValue(value),
    },
    value,
    choice: undefined,
  };
}

function prepareGoldText(gold: string, options: MathVerifyOptions): PreparedAnswer {
  const isSolution = GOLD_MARKERS.some((marker) => gold.includes(marker));
  let extraction = isSolution
    ? (extractAnswer(gold, options.goldExtraction) ?? unclosedBoxed(gold))
    : undefined;
  // A worked solution without a box: "... Final Answer: The final answer is $28\%$. I hope ...".
  // A short gold may state it too: "Alina and the answer is\n(C) Cecile"; so may one whose `####`
  // is a markdown heading, "#### Final Answer\n42", "#### Answer: 42" (round 7 of stop 35: a
  // soup_cli test's golds, read whole before).
  if (
    extraction === undefined &&
    (((isSolution || gold.length > LONG_GOLD_CHARS) && /answer/i.test(gold)) || /\banswer is\b/i.test(gold))
  ) {
    extraction = extractAnswer(gold, SOLUTION_GOLD_EXTRACTION);
  }
  // A gold sentence that states its value: "The number is 4." (gold-sentence.ts).
  if (extraction === undefined && isStatingSentence(gold)) {
    extraction = extractAnswer(gold, GOLD_SENTENCE_EXTRACTION);
  }
  // GSM8K's worked solutions as published with its model samples end in a line "A: 18".
  if (extraction === undefined && gold.includes('\n')) {
    const trimmed = gold.trimEnd();
    const last = /^\s*(?:A|Answer)\s*:(.+)$/.exec(trimmed.slice(trimmed.lastIndexOf('\n') + 1));
    const value = last?.[1]?.trim();
    if (value) extraction = { text: value, extractor: 'gsm8k', end: gold.length };
  }
  // Ape210K writes a mixed number `1(1/3)`: an answer key's product of a number and a fraction
  // would have been multiplied out (real outputs round 20: `4/3` refused against it).
  const mixed = extraction === undefined ? mixedNumberInParentheses(gold) : undefined;
  let prepared = prepare(
    mixed !== undefined
      ? { text: mixed, extractor: 'whole' }
      : (extraction ?? { text: gold, extractor: 'whole' }),
  );
  // A response in the same notation is read the same way (read-prediction.ts).
  if (mixed !== undefined) prepared.mixedInParentheses = true;
  const chainEnd = chainValue(prepared.trace.normalized);
  if (chainEnd !== undefined) prepared = prepare({ text: chainEnd, extractor: 'whole' });
  // `9\text{ min}` in an answer key is minutes (after a response's value, "min" may be a bound:
  // unit-words.ts); a response's `9 min` is then read the same way (readPrediction).
  const minutes = asMinutes(prepared);
  if (minutes !== undefined) {
    prepared = minutes;
    prepared.minutes = true;
  }
  const extracted = prepared.trace.extracted ?? '';
  prepared.choices = multiChoiceGold(extracted);
  // `C`, `(C)`, or an option with its text: `C. x = 42`, `(B) 12`; a small letter only in
  // parentheses (`(a)`, TheoremQA's options), where it names no variable.
  // A capital up to J is an option letter (MMLU-Pro's ten options: option-letters.ts).
  const letter = choiceLetter(extracted, 'A-J');
  prepared.choice =
    letter !== undefined && /^\s*(?:\\text\{)?(?:\(?[A-J]\)?|\(\s*[a-e]\s*\))/.test(extracted)
      ? letter
      : (labelledChoice(extracted) ?? labelledChoice(prepared.trace.normalized ?? ''));
  if (prepared.choice !== undefined) {
    // The option's text after its label: a prediction that gives the value, not the letter.
    const text = (prepared.trace.normalized ?? '').replace(/^\s*\(?[A-E]\)?[.:)]?\s*/, '');
    if (text !== '' && text !== prepared.trace.normalized)
      prepared.option = prepare({ text, extractor: 'whole' }).value;
  }
  return prepared;
}

/**
 * A gold chain of equalities ending in a number (`z = 1+1 = 2`, `1 = \zzz = x = 0`): its last
 * side is the value the chain arrives at, and the gold's answer.
 */
function chainValue(normalized: string | undefined): string | undefined {
  if (normalized === undefined || !normalized.includes('=') || normalized.includes(',')) return undefined;
  const sides = normalized.split('=');
  if (sides.length < 3 || /[<>]|\\(?:le|ge|ne|in)(?![A-Za-z])/.test(normalized)) return undefined;
  const last = (sides[sides.length - 1] as string).trim();
  return /^-?\d+(?:\.\d+)?(?:\/\d+)?$/.test(last) ? last : undefined;
}

/**
 * A multiple-choice gold written with its option's text: `(D) Alina`, `C. x = 42`, `B) 12`,
 * `C Cecile` (a letter, then a capitalised word): the letter is the answer.
 */
function labelledChoice(gold: string): string | undefined {
  const match = /^\s*(?:\(([A-E])\)\s*\S|\(?([A-E])[.)]\s+\S|([A-E])\s+[A-Z][a-z]+(?:\s|$))/.exec(gold);
  return match?.[1] ?? match?.[2] ?? match?.[3];
}

/** A list gold `1,22` or `0,111` read as a decimal (against a number), prepared once per gold. */
export function decimalCommaReading(gold: PreparedAnswer): PreparedAnswer | undefined {
  if (gold.decimalComma === undefined) {
    const text = gold.trace.extracted?.trim() ?? '';
    gold.decimalComma = /^-?\d+,\d{1,2}$|^-?0,\d+$/.test(text)
      ? prepare({ text: text.replace(',', '.'), extractor: 'whole' })
      : null;
  }
  return gold.decimalComma ?? undefined;
}
