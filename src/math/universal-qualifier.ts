/**
 * A closing "for all x" on an answer: `f(x) = x \text{ for all } x \in \mathbb{R}`, `f(n) = n
 * \quad \forall n \in \mathbb{N}`, "f(x) = 2x + 1 for every real x". Olympiad functional-equation
 * answers state the domain this way; the qualifier restates where the formula holds, so the answer
 * is the formula. Only an unrestricted qualifier is dropped (a bare variable, or one ranging over
 * the reals, integers, naturals or rationals): "for all x > 0" restricts the answer and stays.
 */
const UNIVERSAL_QUALIFIER =
  /\s*,?\s*(?:for\s+(?:all|every|any|each)|\\forall)\s+(?:(?:real|integers?|natural|rational)\s+(?:numbers?\s+)?)?([a-z])(?:\s*(?:\\in|∈)\s*(?:\(\s*-\s*\\infty\s*,\s*\\infty\s*\)|\\mathbb\s*\{?\s*[NZQR]\s*\}?|\\(?:N|Z|Q|R)(?![A-Za-z]))(?:\^\s*\{?\s*[+*]\s*\}?)?)?\s*\.?\s*$/;

/** The answer without a closing unrestricted "for all x" (see above); the text itself otherwise. */
export function withoutUniversalQualifier(text: string): string {
  if (!/for\s|\\forall/.test(text)) return text;
  const match = UNIVERSAL_QUALIFIER.exec(text);
  if (match === null || match.index === 0) return text;
  // The quantified letter must be a variable of the answer (`f(x) = x for all x`).
  const variable = match[1] as string;
  const answer = text.slice(0, match.index);
  return new RegExp(`(?<![A-Za-z\\\\])${variable}(?![A-Za-z])`).test(answer) ? answer.trim() : text;
}
