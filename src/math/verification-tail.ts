import { extractAnswer } from './extract.js';
import { type Extraction, type ExtractorName, WEAK_EXTRACTORS } from './extraction.js';

/**
 * A response that states its answer and then checks it, with no answer marker anywhere ("So
 * x = 3. Checking: 9 - 15 + 6 = 0."): the weak extractors read the last number, which is the
 * check's (0), not the answer. When the response ends in a check passage, the answer is read from
 * the text before it.
 *
 * A check passage starts a sentence or a line, perhaps in parentheses ("(We check: ...)", a red team
 * of stop 35), with a check word (`Check`, `Checking`, `Verify`,
 * `Verification`, `Let's check`, `To double-check`; not "substituting back", which as often
 * solves as checks), runs to the end of the response, is short (at most 400 characters), holds a computation
 * (`=` and a digit) and concludes nothing: no "answer", "therefore", "thus", "hence", "final",
 * "total", `\boxed`, `####` or "so x =" ("Checking, x = 3 is extraneous, so x = 5": stop 36's
 * examiner pairs), which would make it the place where the answer is stated, and no
 * "also", "another" or "or", which would make it offer a second value. The
 * earliest such passage is cut (a response may check each root in turn). A closing parenthetical
 * aside that gives a reason or a rejected value ("(since x = -2 is extraneous)", "(not 4)") is
 * cut the same way (unless it goes on to offer a value: "(not 50, maybe 45)" is a hedge), and so is a closing computation of the value ("7 (3 + 4)."). Used only when a weak extractor (`latex`, `last_number`) decided: a marked
 * answer is never second-guessed.
 */
const CHECK_MARKER =
  /(?:^|[.!:;\n]\s*)\(?(?:(?:let(?:'s|’s| us| me)|to|we(?: can)?|i(?:'ll| will| can)?|now)\s+(?:quickly\s+)?)?(?:double[- ]?)?(?:check(?:ing|s)?|verif(?:y|ying|ication|ies))\b/gi;
const CONCLUSION =
  /\b(?:answer|therefore|thus|hence|final|total|also|another|or)\b|\\boxed|####|(?:^|\n)\s*A\s*:|\bso\s+(?:the\s+(?:only\s+)?(?:solution|root|value)\s+is\s+)?[A-Za-z](?:_\{?\w+\}?)?\s*=/i;
/** Words and signs with which a check finds fault with the answer or corrects it. */
const REFUTATION =
  /\b(?:not|no|wrong|incorrect|fail(?:s|ed)?|mistake|error|but|however|wait|hmm|actually|instead|should|must|redo)\b|n't\b|≠|\\neq?\b|!=|=\/=/i;
/** A variable given a value in the passage: `x = 4`, `y_1 = -2.5`, `n = 3/2`. */
const ASSIGNMENT = /(?<![A-Za-z0-9_\\])[A-Za-z](?:_\{?\w+\}?)?\s*=\s*(-?\d[\d.,/]*)/g;
const MAX_CHECK_CHARS = 400;

/**
 * A closing parenthetical aside after the answer: `x = 3 is the only solution (since x = -2 is
 * extraneous).` The aside names a rejected value or a reason, never the answer; an aside that
 * offers another value ("3 (or maybe 4)") is a hedge, read as both values.
 */
const CLOSING_ASIDE =
  /\s*\((?:(?:or|maybe|perhaps|possibly|since|because|as|which|not|note|i\.e\.|e\.g\.|the other|rejecting|discarding|we reject|excluding)\b[^()]{0,200}|\s*\d+(?:\.\d+)?(?:\s*[-+*/×·x]\s*\d+(?:\.\d+)?){1,8}\s*)\)[\s.!]*$/i;

/** A word of doubt right before a number inside an aside: it offers that number. */
const OFFERS_VALUE = /\b(?:or|maybe|perhaps|possibly|probably|might\s+be|could\s+be)\s+\$?-?\d/i;

/** Whether the text ends in `)`, then at most spaces and a full stop (a cheap test before the regex). */
function endsInParenthesis(text: string): boolean {
  let index = text.length - 1;
  for (let code = text.charCodeAt(index); code === 32 || code === 10 || code === 46 || code === 33; )
    code = text.charCodeAt(--index);
  return text.charCodeAt(index) === 41;
}

/** The answer stated before a closing check passage or aside, or undefined when there is none. */
export function answerBeforeCheck(
  response: string,
  extraction: Extraction | undefined,
  priority: readonly ExtractorName[],
): Extraction | undefined {
  if (extraction === undefined || !WEAK_EXTRACTORS.has(extraction.extractor)) return undefined;
  if (endsInParenthesis(response)) {
    const weak = priority.filter((name) => WEAK_EXTRACTORS.has(name));
    const aside = CLOSING_ASIDE.exec(response.slice(-260));
    if (aside !== null) {
      const before = response.slice(0, response.length - aside[0].length);
      const found = extractAnswer(before, weak);
      // "3 (or maybe 4)" is a hedge: both values, which a single gold never equals.
      // "40 (not 50, maybe 45)": an aside that goes on to offer a value is a hedge too.
      if (
        found !== undefined &&
        (/^\s*\(\s*(?:or|maybe|perhaps|possibly)\b/i.test(aside[0]) || OFFERS_VALUE.test(aside[0]))
      ) {
        // The aside's value: the extraction when it ends inside the aside, else the aside's own
        // reading (the fallbacks may have read the value before the aside, with the aside's as
        // its alternative: offered-value.ts).
        const offered =
          extraction.end > before.length
            ? extraction.text
            : (extractAnswer(aside[0], weak)?.text ?? extraction.text);
        return { ...found, text: `${found.text}, ${offered}` };
      }
      if (found !== undefined) return found;
    }
  }
  const tail = response.slice(-MAX_CHECK_CHARS - 40);
  // In any letter case, as CHECK_MARKER matches: `CHECK:` too.
  if (!/check|verif/i.test(tail)) return undefined;
  const offset = response.length - tail.length;
  CHECK_MARKER.lastIndex = 0;
  for (let match = CHECK_MARKER.exec(tail); match !== null; match = CHECK_MARKER.exec(tail)) {
    const start = offset + match.index;
    const passage = response.slice(start);
    if (passage.length > MAX_CHECK_CHARS || !passage.includes('=') || !/\d/.test(passage)) continue;
    if (CONCLUSION.test(passage) || REFUTATION.test(passage)) return undefined;
    // Up to the check word: the punctuation before it stays ("Step 12: Verify" keeps the label's colon).
    const before = response.slice(0, start + Math.max(0, match[0].search(/[A-Za-z]/)));
    const weak = priority.filter((name) => WEAK_EXTRACTORS.has(name));
    const answer = extractAnswer(before, weak);
    return answer !== undefined && assignsOnlyAnswerValues(passage, answer.text) ? answer : undefined;
  }
  return undefined;
}

/** Whether every value the passage gives a variable is made of numbers the answer holds. */
function assignsOnlyAnswerValues(passage: string, answer: string): boolean {
  const answerNumbers = new Set(answer.match(/\d+/g));
  for (const assignment of passage.matchAll(ASSIGNMENT)) {
    const numbers = (assignment[1] as string).match(/\d+/g) ?? [];
    if (numbers.some((number) => !answerNumbers.has(number))) return false;
  }
  return true;
}
