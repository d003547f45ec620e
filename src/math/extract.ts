import { answerColon, answerTag, finalAnswer, gsm8k, mentionsAnswer } from './answer-marker.js';
import { boxed } from './boxed-answer.js';
import { cleanResponse } from './clean-response.js';
import { comparesStatedAnswer } from './comparison-clause.js';
import { type Extraction, type ExtractorName, WEAK_EXTRACTORS } from './extraction.js';
import { jsonAnswer } from './json-answer.js';
import { lastIndexIn } from './last-index.js';
import { lastNumberAnswer } from './last-number.js';
import { lastLatex } from './math-span.js';
import { wholeExpression } from './whole-expression.js';

/**
 * Answer extraction from free-form model output. Each extractor finds at most one candidate;
 * `extractAnswer` tries them in priority order. The two weak extractors (`latex`, `last_number`)
 * compete by position when both are enabled and reached: the one that ends later in the text
 * wins, so "... $3 \times 6 = 18$ ... so 20 in total." yields 20.
 * All scans are linear (indexOf loops or regexes without nested quantifiers).
 */

/**
 * What a closing JSON object with two answer fields that differ extracts: nothing, and no other
 * extractor is tried (they would read one of the fields as text). Compared by identity.
 */
const CONFLICTING_FIELDS: Extraction = { text: '', extractor: 'json_answer', end: 0 };

/** The answer field of a JSON object that ends the response (json-answer.ts). */
function jsonAnswerField(text: string): Extraction | undefined {
  const found = jsonAnswer(text);
  if (found === 'conflicting') return CONFLICTING_FIELDS;
  return found === undefined
    ? undefined
    : { text: found.text, extractor: 'json_answer', start: found.start, end: found.end };
}

const EXTRACTORS: Record<ExtractorName, (text: string) => Extraction | undefined> = {
  json_answer: jsonAnswerField,
  boxed,
  answer_tag: answerTag,
  gsm8k,
  final_answer: finalAnswer,
  answer_colon: answerColon,
  whole_expression: wholeExpression,
  latex: lastLatex,
  last_number: lastNumberAnswer,
};

/**
 * Words that say something about an answer without being one: "No other answer is possible.",
 * "My answer is final.", "The answer is correct.", "the final answer is unchanged", "is still the
 * same" after a box or a `####` line judge it, they state no value.
 */
const JUDGES_THE_ANSWER =
  /^(?:(?:not|also|still|indeed|now|thus|therefore|definitely|clearly|see|as)\s+)?(?:the\s+)?(?:unchanged|unaffected|possible|impossible|final|correct|incorrect|right|wrong|unique|clear|obvious|above|below|shown|given|same|valid|verified|confirmed|consistent|reasonable|complete|certain)\W*$/i;

/** A phrase that states a value (not "written in \boxed{}", "as shown above" or "possible"). */
function isStatedValue(phrase: string): boolean {
  if (phrase.includes('boxed')) return false;
  if (/[\d\\]/.test(phrase)) return true;
  return phrase.split(/\s+/).length <= 2 && !JUDGES_THE_ANSWER.test(phrase.trim());
}

const NEW_QUESTION = /\n\s*(?:#+\s*)?(?:question|problem|q)\s*\d*\s*[:.]/i;
const HYPOTHETICAL = /\b(?:would|could|might|if|unless|were)\b/i;

/** Markers whose answer, when stated after the last boxed one, is the final word. */
const LATER_STATEMENTS: readonly ExtractorName[] = ['final_answer', 'answer_colon'];

/**
 * An answer stated after a box or a `####` line (which ends at `after`) that states a value: the
 * response's final word. "\boxed{42} ... The answer is 41." and "#### 42\nThe answer is 41 or 42."
 * read the later statement (the second was paid 42: a soup_cli test of a grader's issue 1226,
 * round 7 of stop 35); "the answer would be 3 if we counted ..." is a hypothetical, not a new answer.
 */
function laterStatement(
  text: string,
  after: number,
  priority: readonly ExtractorName[],
): Extraction | undefined {
  for (const later of LATER_STATEMENTS) {
    if (!priority.includes(later)) continue;
    const statement = EXTRACTORS[later](text);
    if (
      statement?.start !== undefined &&
      statement.start >= after &&
      isStatedValue(statement.text) &&
      !HYPOTHETICAL.test(text.slice(statement.start, statement.end))
    )
      return statement;
  }
  return finalAnswerBefore(text, after);
}

/**
 * A math span the words right after it call the final answer: "... $$(x + 2)^2 + y^2 = 4$$ This
 * is the final answer, describing a circle ..." after a box that held a parameter (a real output
 * of round 9 of stop 36: the box `a = 2` was read). The span must close right before the words.
 */
const FINAL_ANSWER_AFTER_SPAN =
  /(\$\$|\\\]|\$|\\\))\s*[.,]?\s*(?:this|that|which)\s+is\s+(?:the|my|our)\s+final\s+answer\b/gi;

function finalAnswerBefore(text: string, after: number): Extraction | undefined {
  if (!/final\s+answer/i.test(text.slice(after))) return undefined;
  FINAL_ANSWER_AFTER_SPAN.lastIndex = after;
  let last: RegExpExecArray | null = null;
  for (
    let match = FINAL_ANSWER_AFTER_SPAN.exec(text);
    match !== null;
    match = FINAL_ANSWER_AFTER_SPAN.exec(text)
  )
    last = match;
  if (last === null) return undefined;
  const spanEnd = last.index + (last[1] as string).length;
  const span = lastLatex(text.slice(0, spanEnd));
  if (span === undefined || span.end !== spanEnd || (span.valueStart ?? spanEnd) < after) return undefined;
  return { ...span, extractor: 'final_answer', end: last.index + last[0].length };
}

/** A GSM8K answer line's value: a number first, and no word of four letters or more. */
const ANSWER_LINE = /^(?![\s\S]*[A-Za-z]{4})[-+$\\({\s]*\d/;

/** A GSM8K `####` line or an `<answer>` tag that opens after `after` (a box's end), when those extractors are on. */
function markedAfter(
  text: string,
  after: number,
  priority: readonly ExtractorName[],
): Extraction | undefined {
  if (priority.includes('gsm8k') && text.indexOf('####', after) >= 0) {
    const line = gsm8k(text);
    // A value (`#### 43`, `#### $43$`), not a markdown heading (`#### Verification`, `#### 1. Check`).
    if (line !== undefined && lastIndexIn(text, '####') >= after && ANSWER_LINE.test(line.text)) return line;
  }
  if (priority.includes('answer_tag') && text.indexOf('<answer>', after) >= 0) return answerTag(text);
  return undefined;
}

/** The first candidate found by the extractors in `priority` order (see the module comment). */
export function extractAnswer(response: string, priority: readonly ExtractorName[]): Extraction | undefined {
  const text = cleanResponse(response);
  for (let index = 0; index < priority.length; index++) {
    const name = priority[index] as ExtractorName;
    const found = EXTRACTORS[name](text);
    if (found === undefined) continue;
    if (found === CONFLICTING_FIELDS) return undefined;
    if (name === 'boxed') {
      // `\boxed{42} ... #### 43`, `\boxed{42} ... <answer>43</answer>`: a later explicit marker is the answer.
      const marked = markedAfter(text, found.end, priority);
      if (marked !== undefined) return marked;
    }
    if ((name === 'boxed' || name === 'gsm8k') && mentionsAnswer(text.slice(found.end))) {
      // "... \boxed{200} ... \boxed{255} ... Final Answer: The final answer is $10,455$."
      const statement = laterStatement(text, found.end, priority);
      if (statement !== undefined) return statement;
    }
    if (name === 'final_answer' && priority.includes('answer_colon')) {
      // "Final Answer: ... are:\n\[Answer: 009\]": the later statement is the answer.
      const colon = answerColon(text);
      if (
        colon?.start !== undefined &&
        found.start !== undefined &&
        colon.start > found.start &&
        // Not across a new question the model wrote itself ("Question 2: ... Answer: 12").
        !NEW_QUESTION.test(text.slice(found.start, colon.start))
      )
        return colon;
    }
    const next = priority[index + 1];
    if (WEAK_EXTRACTORS.has(name) && next !== undefined && WEAK_EXTRACTORS.has(next)) {
      const rival = EXTRACTORS[next](text);
      // "$\$125$, which is 25 more than ...": the later number compares the answer (comparison-clause.ts).
      if (
        rival !== undefined &&
        rival.end > (found.coversTo ?? found.end) &&
        !comparesStatedAnswer(text, found.end, rival.text, rival.end)
      )
        return rival;
    }
    return found;
  }
  return undefined;
}

/** Runs one extractor alone (for tests and for callers with their own policy). */
export function runExtractor(name: ExtractorName, text: string): Extraction | undefined {
  const found = EXTRACTORS[name](text);
  return found === CONFLICTING_FIELDS ? undefined : found;
}
