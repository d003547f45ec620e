import { lastNumberStart } from './last-number-place.js';

/**
 * A last number read from prose that ends an expression written in the sentence: "It is 2x+1."
 * read 1 and "So the total is 2^10." read 10 (inside `$...$` the same text is 2x+1 and 1024). The
 * answer is the whole expression: the run of characters without spaces that ends with the number
 * (and its closing brackets), when that run holds a power (`^`), a product (`*`), a one-letter
 * variable (`2x+1`, `3n-2`, `x^2`) or a function call in plain text (`ln(2)`). Plain digits joined
 * by `-` or `+` stay as they were (a range `1-2`, a date, a phone number), so does a word
 * (`COVID-19`: two letters or more), and a number after `=` is already the value (`5+3=8` reads 8).
 * Values offered before it with "or" or commas (`2^10 or 2^11`, `2x+1 or 2x+2`) come with it, as a
 * list: a hedge scores no single gold.
 */
const EXPRESSION_BEFORE = /(?:^|[\s(])((?:[A-Za-z0-9.^*+\-/(){}])*[\^*+\-/({])$/;
/** Closing brackets right after the number, then a space, sentence punctuation or the end. */
const CLOSERS = /^[)}]*(?=$|[\s.,;!?])/;
/** A character right before a number that may join it to an expression. */
const JOINERS = new Set(['^', '*', '+', '-', '/', '{', '(']);

export function closingExpression<T extends { text: string; extractor: string; end: number }>(
  extraction: T | undefined,
  response: string,
): T | undefined {
  const start = lastNumberStart(extraction, response);
  if (extraction === undefined || start === undefined) return undefined;
  if (!JOINERS.has(response[start - 1] ?? '')) return spacedExpression(extraction, response, start);
  const run = EXPRESSION_BEFORE.exec(response.slice(Math.max(0, start - 48), start))?.[1];
  if (run === undefined || !isExpressionRun(run)) return undefined;
  const closers = CLOSERS.exec(response.slice(extraction.end, extraction.end + 8));
  if (closers === null) return undefined;
  const expression = `${run}${extraction.text}${closers[0]}`;
  if (!balanced(expression)) return undefined;
  const offered = offeredBefore(response.slice(Math.max(0, start - run.length - 120), start - run.length));
  const text = offered === undefined ? expression : `${offered} or ${expression}`;
  return { ...extraction, text, end: extraction.end + closers[0].length };
}

/**
 * Operands joined by operators written with spaces (`1 + 2 + 3`, `x + y - 3`, `6 ÷ 2`, `5 − 1`),
 * ending right before the last number: numbers, one-letter names, powers, products without spaces.
 */
const SPACED_OPERANDS =
  /(?:(?:\d+(?:\.\d+)?[A-Za-z]?|[A-Za-z])(?:[\^*](?:\d+(?:\.\d+)?|[A-Za-z]))*\s+[-+−×÷*/]\s+)+$/;
/** The operators of SPACED_OPERANDS. */
const SPACED_OPERATORS = new Set(['-', '+', '−', '×', '÷', '*', '/']);
/** What opens a closing expression: a conclusion word, "is", "to", "equals", "be" or a colon. */
const CONCLUSION_BEFORE = /(?:\b(?:is|to|equals|be|therefore|thus|so|hence)|:)\s+$/i;

/**
 * "So the result is 5 − 1", "Therefore 6 ÷ 2", "So the value comes out to 1 + 2 + 3": an
 * expression with spaced operators that closes the response after a conclusion, read whole (the
 * last number alone is its last operand; an LLM-eval library's tests, graders' round 13). Only at
 * the very end of the response, with nothing but closing punctuation after it, and never after `=`.
 */
function spacedExpression<T extends { text: string; extractor: string; end: number }>(
  extraction: T,
  response: string,
  start: number,
): T | undefined {
  // A space, then an operator right before it (looked at by hand: most last numbers follow a word).
  let before = start - 1;
  while (response.charCodeAt(before) === 32) before--;
  if (before === start - 1 || !SPACED_OPERATORS.has(response[before] ?? '')) return undefined;
  if (/[^\s.!)]/.test(response.slice(extraction.end))) return undefined;
  const window = response.slice(Math.max(0, start - 80), start);
  const operands = SPACED_OPERANDS.exec(window);
  if (operands === null) return undefined;
  const lead = window.slice(0, operands.index);
  if (!CONCLUSION_BEFORE.test(lead) || /=\s*$/.test(lead)) return undefined;
  const expression = `${operands[0]}${extraction.text}`;
  // Numbers joined only by minus signs (`5 - 10`, `3 − 1`) may be a range or a score, as unspaced
  // ones may (see above).
  if (/^[\d.\s\-−]+$/.test(expression)) return undefined;
  const offered = offeredBefore(lead.replace(CONCLUSION_BEFORE, ''));
  return { ...extraction, text: offered === undefined ? expression : `${offered} or ${expression}` };
}

/**
 * A value offered before the expression with "or", "and" or a comma (`2^10 or 2^11`, "ln(2) and
 * ln(3)"): read as a list.
 */
const OFFERED_BEFORE = /(?:^|\s)([-\w^*+/(){}.]*\d[-\w^*+/(){}.]*)\s*(?:,|\bor|\band)\s*$/;

/** The values joined to the expression by "or" or commas, when there are any (a hedge, never one answer). */
function offeredBefore(before: string): string | undefined {
  const match = OFFERED_BEFORE.exec(before);
  if (match === null) return undefined;
  const earlier = offeredBefore(before.slice(0, match.index));
  return earlier === undefined ? match[1] : `${earlier} or ${match[1]}`;
}

/** A function written in plain text before its bracketed argument (`ln(2)`, `sqrt(3)`). */
const PLAIN_FUNCTION_CALL = /\b(?:ln|log|sqrt|exp|sin|cos|tan|cot|sec|csc|arcsin|arccos|arctan)\(/g;

/**
 * A power, a product, a one-letter variable or a function call (`a = ln(2)` read 2: gaokao
 * answers of a real-outputs round), and no other word of two letters or more.
 */
function isExpressionRun(run: string): boolean {
  const withoutCalls = run.replace(PLAIN_FUNCTION_CALL, '(');
  if (/[A-Za-z]{2}/.test(withoutCalls)) return false;
  return withoutCalls !== run || /[\^*]|[A-Za-z]/.test(withoutCalls);
}

function balanced(text: string): boolean {
  let round = 0;
  let curly = 0;
  for (const char of text) {
    if (char === '(') round++;
    else if (char === ')') round--;
    else if (char === '{') curly++;
    else if (char === '}') curly--;
    if (round < 0 || curly < 0) return false;
  }
  return round === 0 && curly === 0;
}
