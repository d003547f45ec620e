/**
 * A LaTeX environment whose every backslash was doubled by a JSON or Python escape
 * (`\\begin{matrix} x \\\\ 1 \\end{matrix}`) gets its backslashes halved, row breaks included:
 * in real LaTeX a row break is never glued to the letters `begin{` (that is `\\ \begin{`, or
 * three backslashes). Other text is returned unchanged.
 */
export function repairEscapedEnvironment(text: string): string {
  // Two linear searches: the first escaped `\\begin{...}`, then an escaped `\\end{` after it. (One
  // regex `begin[\s\S]*end` backtracked from every `begin`: 140 ms on a 32 KB response of them.)
  const begin = ESCAPED_BEGIN.exec(text);
  if (begin === null) return text;
  ESCAPED_END.lastIndex = begin.index + begin[0].length;
  return ESCAPED_END.test(text) ? text.replace(/\\\\/g, '\\') : text;
}

const ESCAPED_BEGIN = /(?<!\\)\\\\begin\{[a-z]+\*?\}/;
const ESCAPED_END = /(?<!\\)\\\\end\{/g;
