import { type Extraction, type ExtractorName, extractAnswer, WEAK_EXTRACTORS } from './extract.js';

/**
 * A response that states its answer and then checks it, with no answer marker anywhere ("So
 * x = 3. Checking: 9 - 15 + 6 = 0."): the weak extractors read the last number, which is the
 * check's (0), not the answer. When the response ends in a check passage, the answer is read from
 * the text before it.
 *
 * A check passage starts a sentence or a line with a check word (`Check`, `Checking`, `Verify`,
 * `Verification`, `Let's check`, `To double-check`; not "substituting back", which as often
 * solves as checks), runs to the end of the response, is short (at most 400 characters), holds a computation
 * (`=` and a digit) and concludes nothing: no "answer", "therefore", "thus", "hence", "final",
 * "total", `\boxed` or `####`, which would make it the place where the answer is stated. The
 * earliest such passage is cut (a response may check each root in turn). Used only when a weak
 * extractor (`latex`, `last_number`) decided: a marked answer is never second-guessed.
 *
 * A check that finds fault is no check of the answer: a passage with a word of refutation or
 * correction (`not`, `≠`, "wrong", "fails", "but", "actually", "instead", "wait" ...) or that
 * gives a variable a value the answer before it does not hold (`so x = 4` after `x = 3`) is left
 * alone, and the response is read as before (its last number): "x = 3. Checking: 9 - 15 + 6 = 1,
 * not 0, so x = 4." is not scored as 3.
 */
const CHECK_MARKER =
  /(?:^|[.!:;\n]\s*)(?:(?:let(?:'s|’s| us| me)|to|we(?: can)?|i(?:'ll| will| can)?|now)\s+(?:quickly\s+)?)?(?:double[- ]?)?(?:check(?:ing|s)?|verif(?:y|ying|ication|ies))\b/gi;
const CONCLUSION = /\b(?:answer|therefore|thus|hence|final|total)\b|\\boxed|####|(?:^|\n)\s*A\s*:/i;
/** Words and signs with which a check finds fault with the answer or corrects it. */
const REFUTATION =
  /\b(?:not|no|wrong|incorrect|fail(?:s|ed)?|mistake|error|but|however|wait|hmm|actually|instead|should|must|redo)\b|n't\b|≠|\\neq?\b|!=|=\/=/i;
/** A variable given a value in the passage: `x = 4`, `y_1 = -2.5`, `n = 3/2`. */
const ASSIGNMENT = /(?<![A-Za-z0-9_\\])[A-Za-z](?:_\{?\w+\}?)?\s*=\s*(-?\d[\d.,/]*)/g;
const MAX_CHECK_CHARS = 400;

/** The answer stated before a closing check passage, or undefined when there is none. */
export function answerBeforeCheck(
  response: string,
  extraction: Extraction | undefined,
  priority: readonly ExtractorName[],
): Extraction | undefined {
  if (extraction === undefined || !WEAK_EXTRACTORS.has(extraction.extractor)) return undefined;
  const tail = response.slice(-MAX_CHECK_CHARS - 40);
  if (!/check|verif/i.test(tail)) return undefined;
  const offset = response.length - tail.length;
  CHECK_MARKER.lastIndex = 0;
  for (let match = CHECK_MARKER.exec(tail); match !== null; match = CHECK_MARKER.exec(tail)) {
    const start = offset + match.index;
    const passage = response.slice(start);
    if (passage.length > MAX_CHECK_CHARS || !passage.includes('=') || !/\d/.test(passage)) continue;
    if (CONCLUSION.test(passage) || REFUTATION.test(passage)) return undefined;
    const before = response.slice(0, start + (match[0].length - match[0].trimStart().length));
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
