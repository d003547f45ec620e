/**
 * `x = 1 \lor x = 2`, `x < 1 \vee x > 3`: a logical "or" between relations (STACK and other
 * CAS-backed graders write solution sets this way) says what the word "or" says between them, so
 * it becomes that word and the answer is read as the list of equations (a solution set) or the
 * union of inequalities, as `x = 1 \text{ or } x = 2` is. Only when every part is a relation: a
 * formula of logic (`p \vee q`) keeps its symbol.
 */
const LOGICAL_OR = /\\(?:lor|vee)(?![A-Za-z])/;
const RELATION = /=|<|>|\\(?:le|ge|leq|geq|ne|neq|lt|gt)(?![A-Za-z])/;

export function logicalOrAsWord(text: string): string {
  if (!text.includes('\\lor') && !text.includes('\\vee')) return text;
  const parts = text.split(LOGICAL_OR);
  if (parts.length < 2 || !parts.every((part) => RELATION.test(part))) return text;
  return parts.map((part) => part.trim()).join(' or ');
}

/** A one-sided bound on one letter: `x > -1`, `x \ge 2`, `x ≤ 5`. */
const HALF_LINE = String.raw`([A-Za-z])\s*(<|>|\\le(?:q|qslant)?(?![A-Za-z])|\\ge(?:q|qslant)?(?![A-Za-z])|≤|≥)\s*(-?\d+(?:\.\d+)?)`;
/** Two bounds joined by "or" (as a word, in `\text{}`, or as `\lor`/`\vee`). */
const HALF_LINES_OR = new RegExp(
  String.raw`^\s*${HALF_LINE}\s*,?\s*(?:\\text\s*\{\s*or\s*\}|\\(?:lor|vee)(?![A-Za-z])|or)\s*${HALF_LINE}\s*\.?\s*$`,
  'i',
);

/**
 * `x > -1 \text{ or } x < 3`: two bounds on one letter joined by "or" that overlap hold for every
 * real number, not for the interval between them. The list reading of the interval comparison
 * joins overlapping bounds into their intersection (as "and" does: `x \ge 2, x < 5`), so such an
 * answer scored equal to `-1 < x < 3` (stop 36's examiner pairs). Returns the whole line when the
 * answer is such a pair, else undefined. Disjoint bounds (`x < -1 or x > 1`) are a union and stay.
 */
export function wholeLineOfOverlappingOr(text: string): string | undefined {
  const match = HALF_LINES_OR.exec(text);
  if (match === null || match[1] !== match[4]) return undefined;
  const bounds = [
    { operator: match[2] as string, value: Number(match[3]) },
    { operator: match[5] as string, value: Number(match[6]) },
  ];
  const lower = bounds.find((bound) => /[>≥]|\\g/.test(bound.operator));
  const upper = bounds.find((bound) => /[<≤]|\\l/.test(bound.operator));
  if (lower === undefined || upper === undefined) return undefined;
  const closed = (bound: { operator: string }) => /[≤≥]|\\[lg]e/.test(bound.operator);
  const overlaps =
    lower.value < upper.value || (lower.value === upper.value && (closed(lower) || closed(upper)));
  return overlaps ? '(-\\infty, \\infty)' : undefined;
}
