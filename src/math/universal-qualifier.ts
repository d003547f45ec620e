/**
 * A "for all x" on an answer: `f(x) = x \text{ for all } x \in \mathbb{R}`, `f(n) = n \quad
 * \forall n \in \mathbb{N}`, "f(x) = 2x + 1 for every real x", `f(x) = 0 for all x > 0`, or in
 * front: `\forall x > 0, f(x) = 0`. Olympiad functional-equation answers state the domain this
 * way; the qualifier restates where the formula holds (the problem's domain, `f: \mathbb{R}^+ \to
 * \mathbb{R}`), so the answer is the formula. A restriction on the quantified letter (`x > 0`,
 * `x \in (0, \infty)`) is dropped too: golds give the formula without it (Math-Verify#64, "\forall
 * x>0, f(x) = 0" against `f(x) = 0`), and a formula that differs still differs. The quantified
 * letter must be a variable of the answer.
 */
const QUANTIFIER = String.raw`(?:for\s+(?:all|every|any|each)|\\forall)\s+(?:(?:real|integers?|natural|rational|positive|negative|non-?negative|non-?zero)\s+)*(?:numbers?\s+|values?\s+(?:of\s+)?)?`;
const SET = String.raw`(?:\(\s*-\s*\\infty\s*,\s*\\infty\s*\)|[[(]\s*[01]\s*,\s*\\infty\s*\)|\\mathbb\s*\{?\s*[NZQR]\s*\}?|\\(?:N|Z|Q|R)(?![A-Za-z]))(?:\^\s*\{?\s*[+*]\s*\}?|_\s*\{?\s*(?:[<>]|\\[gl]eq?)?\s*\d*\s*\}?)?`;
const RESTRICTION = String.raw`(?:\s*(?:\\in|∈)\s*${SET}|\s*(?:>|\\geq?(?![A-Za-z])|≥|>=)\s*[01](?![\d.])|\s*(?:\\neq?(?![A-Za-z])|≠|!=)\s*-?\d+(?:\.\d+)?)?`;
const UNIVERSAL_QUALIFIER = new RegExp(String.raw`\s*,?\s*${QUANTIFIER}([a-z])${RESTRICTION}\s*\.?\s*$`);
const LEADING_QUALIFIER = new RegExp(String.raw`^\s*${QUANTIFIER}([a-z])${RESTRICTION}\s*[,:]\s*`, 'i');

/** The answer without a "for all x" qualifier (see above); the text itself otherwise. */
export function withoutUniversalQualifier(text: string): string {
  if (!/for\s|\\forall/i.test(text)) return text;
  const match = UNIVERSAL_QUALIFIER.exec(text);
  if (match !== null && match.index > 0) {
    const answer = text.slice(0, match.index);
    return quantifies(answer, match[1] as string, match[0]) ? answer.trim() : text;
  }
  const leading = LEADING_QUALIFIER.exec(text);
  if (leading === null) return text;
  const answer = text.slice(leading[0].length);
  return answer !== '' && quantifies(answer, leading[1] as string, leading[0]) ? answer.trim() : text;
}

/**
 * Whether the qualifier may be dropped from `answer`: the letter is a variable of it, and a
 * restriction (`x > 0`, `x \in (0, \infty)`) only qualifies a function's formula (`f(x) = ...`);
 * "x = 0 for all x > 0" or "x for all x > 0" are no functional-equation answers (red team of stop
 * 24). Only the usual domains are dropped: positive or natural (`x > 0`, `x \ge 1`, `(0, \infty)`),
 * an excluded point (`x \ne 0`), a named set; "for all x < 0", "x \ge 100", "x \in [1, 1]" restrict
 * the formula to a part of the line, and stay.
 */
function quantifies(answer: string, letter: string, qualifier: string): boolean {
  if (!usesVariable(answer, letter)) return false;
  const restricted = /[<>≤≥≠∈!]|\\(?:[gl]eq?|neq?|in)(?![A-Za-z])/.test(qualifier);
  return !restricted || new RegExp(`[A-Za-z]\\s*\\(\\s*${letter}\\s*\\)`).test(answer);
}

/** Whether `letter` is a variable of `answer` (`f(x) = x for all x`), not a letter of a word or command. */
function usesVariable(answer: string, letter: string): boolean {
  return new RegExp(`(?<![A-Za-z\\\\])${letter}(?![A-Za-z])`).test(answer);
}
