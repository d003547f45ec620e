import { ALTERNATIVE_WORDS } from './alternative-words.js';

/**
 * An answer stated in the first sentence, then its working announced: "There are 10 objects in
 * the image. Here is the detailed process to count them: 1. Cylinders (1): ... 2 yellow cubes, a
 * smaller gold cube ..." (StarsfieldAI/R1-V#38, a counting reward that read the breakdown's last
 * number). The last-number fallback reads the first sentence, where the working that follows
 * does not conclude with a value of its own (its last sentence has no "so", "total", "answer" ...):
 * "We start with 5 apples. Here is the breakdown: ... So she has 12 in total." keeps 12. Nor may the
 * working hold a word that offers another value ("or", "maybe", "actually": ALTERNATIVE_WORDS): the
 * hedge rules read everything after an answer, and a breakdown is no place to judge "green or teal".
 */
const WORKING_ANNOUNCED =
  /\s*(?:here\s+(?:is|are)|here's|here’s|below\s+is)\s+(?:the|a|my)\s+(?:(?:detailed|full|complete|step-by-step|quick|short|brief)\s+)*(?:process|breakdown|explanation|reasoning|steps|calculation|count(?:ing)?|solution|work(?:ing)?|details?|justification|derivation|itemization)\b|\s*(?:breakdown|explanation|reasoning|justification|details)\s*:/iy;

/** Words of a concluding sentence: the working arrives at a value of its own. */
const CONCLUDES =
  /\b(?:so|therefore|thus|hence|total|altogether|in\s+all|overall|answer|result|sum|final(?:ly)?)\b/i;

/** First letters (lower case) of WORKING_ANNOUNCED's words: here, below, breakdown, explanation, reasoning, justification, details. */
const ANNOUNCING_LETTERS: ReadonlySet<number> = new Set([104, 98, 101, 114, 106, 100]);

function isSpaceCode(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

/** The longest first sentence read as a stated answer. */
const MAX_FIRST_SENTENCE = 200;

/** Where the stated first sentence ends, when the working after it is announced and does not conclude; else undefined. */
export function endOfStatedFirstSentence(text: string): number | undefined {
  // The first full stop followed by a space (a decimal point, `2.5`, is no sentence end).
  let period = text.indexOf('.');
  while (period >= 0 && period <= MAX_FIRST_SENTENCE && !isSpaceCode(text.charCodeAt(period + 1)))
    period = text.indexOf('.', period + 1);
  if (period < 0 || period > MAX_FIRST_SENTENCE) return undefined;
  // The announcement's first letter, read in place before the pattern is tried.
  let next = period + 1;
  while (isSpaceCode(text.charCodeAt(next))) next++;
  if (!ANNOUNCING_LETTERS.has(text.charCodeAt(next) | 32)) return undefined;
  WORKING_ANNOUNCED.lastIndex = period + 1;
  if (!WORKING_ANNOUNCED.test(text)) return undefined;
  const tail = text.slice(WORKING_ANNOUNCED.lastIndex).trimEnd();
  const lastBreak = Math.max(tail.lastIndexOf('. ', tail.length - 2), tail.lastIndexOf('\n'));
  return CONCLUDES.test(tail.slice(lastBreak + 1)) || ALTERNATIVE_WORDS.test(tail) ? undefined : period;
}
