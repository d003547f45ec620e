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
