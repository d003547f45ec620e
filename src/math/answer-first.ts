import { ALTERNATIVE_WORDS } from './alternative-words.js';

/**
 * A count stated in the first sentence, then its working announced as a list: "There are 10
 * objects in the image. Here is the detailed process to count them:\n1. Cylinders (1): ...\n2. ...
 * 2 yellow cubes, a smaller gold cube ..." (StarsfieldAI/R1-V#38, a counting reward that read the
 * breakdown's last number). The last-number fallback reads the first sentence only when all hold:
 * - it states a count at once: "There are 10 ...", "The total is 10", "I count 10" (a restated
 *   problem, "Maria bought 4 boxes.", or a hedge, "The answer could be 12.", does not);
 * - the next sentence announces the working ("Here is the breakdown:"), which is a list of items
 *   (two lines or more opening with `1.`, `-`, `*`) and ends on one;
 * - the working does not conclude ("So ... 12 in total.") and holds no word that offers another
 *   value or takes the first back ("or", "maybe", "actually", "wait", "recount", "wrong").
 * Red team of stop 24: without the first two conditions, "It's 12. Here is the breakdown: no, 15"
 * scored 12 and "Maria bought 4 boxes. Here is the step-by-step solution: ... 106 remain." read 4.
 */
const WORKING_ANNOUNCED =
  /\s*(?:here\s+(?:is|are)|here's|here’s|below\s+is)\s+(?:the|a|my)\s+(?:(?:detailed|full|complete|step-by-step|quick|short|brief)\s+)*(?:process|breakdown|explanation|reasoning|steps|calculation|count(?:ing)?|solution|work(?:ing)?|details?|justification|derivation|itemization)\b|\s*(?:breakdown|explanation|reasoning|justification|details)\s*:/iy;

/** A first sentence that states a count at once: its opening words, then the number. */
const STATED_COUNT =
  /^\s*(?:\*\*)?(?:there\s+(?:are|is|were|was)\s+(?:a\s+total\s+of\s+)?|(?:the\s+)?(?:total(?:\s+count)?|count|answer)\s+(?:is|was)\s+|i\s+count(?:ed)?\s+)(?:\*\*)?\d[\d,]*\b/i;
/** An item line of a list: `1.`, `2)`, `-`, `*`, `•`. */
const ITEM_LINE = /^[ \t]*(?:\d{1,3}[.)]|[-*•])[ \t]+\S/;
/** Words that take the first statement back or doubt it. */
const TAKES_BACK =
  /\b(?:wait|oops|hmm|recount(?:ed|ing)?|correction|mistake|wrong|instead|true\s+(?:value|count|answer)|real\s+(?:value|count|answer))\b/i;

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
  // The opening words first: an anchored pattern that fails at once on nearly every response.
  if (!STATED_COUNT.test(text)) return undefined;
  // The first full stop followed by a space (a decimal point, `2.5`, is no sentence end).
  // (Reads stay inside the text: a read past its end throws V8's compiled code away.)
  let period = text.indexOf('.');
  while (
    period >= 0 &&
    period <= MAX_FIRST_SENTENCE &&
    !(period + 1 < text.length && isSpaceCode(text.charCodeAt(period + 1)))
  )
    period = text.indexOf('.', period + 1);
  if (period < 0 || period > MAX_FIRST_SENTENCE) return undefined;
  // The announcement's first letter, read in place before the pattern is tried.
  let next = period + 1;
  while (next < text.length && isSpaceCode(text.charCodeAt(next))) next++;
  if (next >= text.length || !ANNOUNCING_LETTERS.has(text.charCodeAt(next) | 32)) return undefined;
  WORKING_ANNOUNCED.lastIndex = period + 1;
  if (!WORKING_ANNOUNCED.test(text)) return undefined;
  const tail = text.slice(WORKING_ANNOUNCED.lastIndex).trimEnd();
  const lines = tail.split('\n');
  const items = lines.filter((line) => ITEM_LINE.test(line)).length;
  if (items < 2 || !ITEM_LINE.test(lines[lines.length - 1] ?? '')) return undefined;
  const lastBreak = Math.max(tail.lastIndexOf('. ', tail.length - 2), tail.lastIndexOf('\n'));
  return CONCLUDES.test(tail.slice(lastBreak + 1)) || ALTERNATIVE_WORDS.test(tail) || TAKES_BACK.test(tail)
    ? undefined
    : period;
}
