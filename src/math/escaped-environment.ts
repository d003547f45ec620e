/**
 * A LaTeX environment whose every backslash was doubled by a JSON or Python escape
 * (`\\begin{matrix} x \\\\ 1 \\end{matrix}`) gets its backslashes halved, row breaks included:
 * in real LaTeX a row break is never glued to the letters `begin{` (that is `\\ \begin{`, or
 * three backslashes). Other text is returned unchanged.
 */
export function repairEscapedEnvironment(text: string): string {
  return ESCAPED_ENVIRONMENT.test(text) ? text.replace(/\\\\/g, '\\') : text;
}

const ESCAPED_ENVIRONMENT = /(?<!\\)\\\\begin\{[a-z]+\*?\}[\s\S]*(?<!\\)\\\\end\{/;
