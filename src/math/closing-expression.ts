import { lastNumberStart } from './last-number-place.js';

/**
 * A last number read from prose that ends an expression written in the sentence: "It is 2x+1."
 * read 1 and "So the total is 2^10." read 10 (inside `$...$` the same text is 2x+1 and 1024). The
 * answer is the whole expression: the run of characters without spaces that ends with the number
 * (and its closing brackets), when that run holds a power (`^`), a product (`*`) or a one-letter
 * variable (`2x+1`, `3n-2`, `x^2`). Plain digits joined by `-` or `+` stay as they were (a range
 * `1-2`, a date, a phone number), so does a word (`COVID-19`: two letters or more), and a number
 * after `=` is already the value (`5+3=8` reads 8). Values offered before it with "or" or commas
 * (`2^10 or 2^11`, `2x+1 or 2x+2`) come with it, as a list: a hedge scores no single gold.
 * A power of ten takes the number written before it with a times sign and spaces ("E = 4.65 x
 * 10^-34 J" read 10^-34): the extraction stays the response's own text, so the words before it
 * still qualify it ("It is not 3 x 10^5." scores nothing).
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
  if (extraction === undefined || start === undefined || !JOINERS.has(response[start - 1] ?? ''))
    return undefined;
  const run = EXPRESSION_BEFORE.exec(response.slice(Math.max(0, start - 48), start))?.[1];
  if (run === undefined || !isExpressionRun(run)) return undefined;
  const closers = CLOSERS.exec(response.slice(extraction.end, extraction.end + 8));
  if (closers === null) return undefined;
  // "E = 4.65 x 10^-34 J": a power of ten scales the number written before it with a times sign.
  const runStart = POWER_OF_TEN_RUN.test(run)
    ? mantissaStart(response, start - run.length)
    : start - run.length;
  const end = extraction.end + closers[0].length;
  const expression = response.slice(runStart, end);
  if (!balanced(expression)) return undefined;
  const offered = offeredBefore(response.slice(Math.max(0, runStart - 120), runStart));
  const text = offered === undefined ? expression : `${offered} or ${expression}`;
  return { ...extraction, text, end };
}

/** The characters before a power of ten's exponent: `10^`, `10^{`, `10^(`. */
const POWER_OF_TEN_RUN = /^10\^[({]?$/;
/**
 * A number and a times sign right before `10^` (`4.65 x `, `3 × `, `1.2 \cdot `, `1,500 x `), the
 * whole number (no digit, letter, point, comma or caret against its start): the mantissa of a number
 * in scientific notation.
 */
const MANTISSA_TIMES = /(?<![\w.^,])-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:[x×*·]|\\times|\\cdot)\s*$/;

/** The words or sign that state the value right before a mantissa ("is", "=", "approximately", "Result:"). */
const STATING_BEFORE =
  /(?:\n|[=≈~]|[A-Za-z)]\s*:|\b(?:is|are|was|were|be|equals?(?:\s+to)?|gives?|gets?|becomes?|approximately|about|around|roughly|so|thus|hence|therefore|then|answer|result|value|total)\b)\s*$/i;
/** A condition's equation right before it ("when x = "): the value stated is another one. */
const CONDITION_BEFORE = /\b(?:when|whenever|if|where|for|with|at)\s+[^\s=]{1,12}\s*=\s*$/i;

/**
 * Where a number in scientific notation whose `10^` starts at `powerStart` starts: at its mantissa
 * when one is written before it (MANTISSA_TIMES) and stated there (at the start of the text or a
 * line, after `=`, a label's colon or a word that states a value), else at `powerStart`. After
 * anything else (an operator: "2 - 3 x 10^5", "2/3 x 10^5"; a joiner of another value: "to",
 * "and", "maybe", "than", "±"; a condition: "when x = ") the power of ten is read alone, which
 * pays no gold of the mantissa's value (red teams of stops 29 and 31).
 */
function mantissaStart(response: string, powerStart: number): number {
  const scaled = MANTISSA_TIMES.exec(response.slice(Math.max(0, powerStart - 40), powerStart));
  if (scaled === null) return powerStart;
  const start = powerStart - scaled[0].length;
  const lead = response.slice(Math.max(0, start - 40), start);
  const stated = start === 0 || (STATING_BEFORE.test(lead) && !CONDITION_BEFORE.test(lead));
  return stated ? start : powerStart;
}

/** A value offered before the expression with "or" or a comma (`2^10 or 2^11`): read as a list. */
const OFFERED_BEFORE = /(?:^|\s)([-\w^*+/(){}.]*\d[-\w^*+/(){}.]*)\s*(?:,|\bor)\s*$/;

/** The values joined to the expression by "or" or commas, when there are any (a hedge, never one answer). */
function offeredBefore(before: string): string | undefined {
  const match = OFFERED_BEFORE.exec(before);
  if (match === null) return undefined;
  const earlier = offeredBefore(before.slice(0, match.index));
  return earlier === undefined ? match[1] : `${earlier} or ${match[1]}`;
}

/** A power, a product or a one-letter variable, and no word of two letters or more. */
function isExpressionRun(run: string): boolean {
  if (/[A-Za-z]{2}/.test(run)) return false;
  return /[\^*]|[A-Za-z]/.test(run);
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
