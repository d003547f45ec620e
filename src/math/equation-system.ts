/**
 * A system of equations written as one environment, `\begin{cases} a+b=1 \\ a-b=2 \end{cases}`,
 * `\begin{aligned} x &= 1 \\ y &= 2 \end{aligned}`, `\left\{\begin{array}{l} ... \end{array}\right.`:
 * the list of its rows, `a+b=1, a-b=2`, compared as the comma form is (each equation against the
 * gold's, in any order). MARIO_EVAL asserts a `cases` system equal to the same system with
 * decimals. Only when every row is a relation and no `&` is left once the alignment marks next to
 * a relation are dropped: a piecewise function (`x & x > 0 \\ -x & x \le 0`) is no system. Rows
 * that open with their relation continue a chain (`x &= 2 + 3 \\ &= 5` is `x = 2 + 3 = 5`).
 */
const SYSTEM =
  /^\s*(?:\\left\s*\\?\{\s*)?\\begin\{(cases|aligned|array|gathered|align\*?|eqnarray\*?|system)\}(?:\{[^{}]*\})?([\s\S]*?)\\end\{\1\}\s*(?:\\right\s*\.)?\s*$/;
/** An alignment mark next to a relation (`&=`, `= &`), or opening the row. */
const ALIGNMENT = /&\s*(?==|<|>|\\[lg]eq?(?![A-Za-z])|\\neq?(?![A-Za-z]))|(?<=[=<>])\s*&|^\s*&/g;
const RELATION = /=|<|>|\\[lg]eq?(?![A-Za-z])|\\neq?(?![A-Za-z])/;
/** A row that starts with its relation. */
const OPENS_WITH_RELATION = /^(?:=|<|>|\\[lg]eq?(?![A-Za-z])|\\neq?(?![A-Za-z]))/;

/** The rows of a system as a comma list, or undefined when the text is not one. */
export function systemAsList(text: string): string | undefined {
  const system = SYSTEM.exec(text);
  if (system === null) return undefined;
  const rows: string[] = [];
  for (const line of (system[2] as string).split(/\\\\(?:\s*\[[^\]]*\])?/)) {
    const row = line
      .replace(ALIGNMENT, '')
      .replace(/[\s,;.]+$/, '')
      .trim();
    if (row === '') continue;
    if (row.includes('&') || !RELATION.test(row)) return undefined;
    // A row that opens with its relation (`&= 5` after `x &= 2 + 3`) continues the row before: one
    // chain, `x = 2 + 3 = 5`, whose last side is the value (a derivation, not a second equation).
    const previous = rows.length - 1;
    if (previous >= 0 && OPENS_WITH_RELATION.test(row)) rows[previous] = `${rows[previous]} ${row}`;
    else rows.push(row);
  }
  return rows.length === 0 ? undefined : rows.join(', ');
}
