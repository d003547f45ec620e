import { walkBrackets } from './braces.js';

/**
 * Answers written the way Python or a calculator prints them (`pi/2`, `-2*pi`, `-1 + exp(16)`,
 * `sqrt(2)/2`, `log(3)`, `abs(x)`, sympy's `Abs(x)`): the function names and `pi` become their
 * LaTeX commands, a root's parentheses become its braces (`sqrt(2)` and `\sqrt(2)` are `\sqrt{2}`),
 * and `abs(x)` is `|x|`. Only whole words are read: `pin`, `expand`, `\pi` are left as they are.
 */
const FUNCTION_NAME =
  /(?<![\\A-Za-z])(exp|sin|cos|tan|cot|sec|csc|arcsin|arccos|arctan|sinh|cosh|tanh|ln|log)\s*(?=\()/g;
const PI = /(?<![\\A-Za-z])pi(?![A-Za-z])/g;
const ROOT = /(?<![A-Za-z])\\?sqrt\s*\(/g;
/** `abs(x)`, as calculators and CAS print the absolute value (sympy: `Abs(x)`): `|x|`. */
const ABSOLUTE = /(?<![\\A-Za-z])[Aa]bs\s*\(/g;
/** A call of a named function (`cos(x)`, `sqrt(2)`, `abs(x)`): mathematics, not a prose word. */
const FUNCTION_CALL =
  /(?<![\\A-Za-z])(?:exp|sqrt|[Aa]bs|sin|cos|tan|cot|sec|csc|arcsin|arccos|arctan|sinh|cosh|tanh|ln|log)\s*(?=\()/g;
/** A power whose exponent is a parenthesised group, as calculators write it: `e^(-8*x)`, `2^(x+1)`. */
const POWER_GROUP = /\^\s*\(/g;
/** Infinity as sympy and calculators print it: `oo`, `infinity`. */
const INFINITY = /(?<![\\A-Za-z])(?:oo|infinity)(?![A-Za-z])/gi;

/** Whether the text may be written that way (a cheap gate: a lowercase name, or `sqrt(`). */
export function mayBePlainTextMath(text: string): boolean {
  return /(?<![\\A-Za-z])(?:pi|exp|sin|cos|tan|cot|sec|csc|arc|sinh|cosh|tanh|ln|log|sqrt|abs|oo|infinity)(?![a-z])|\\sqrt\s*\(|\^\s*\(/i.test(
    text,
  );
}

/**
 * `sqrt(x)` as `\sqrt{x}`, with the parentheses matched (`sqrt((1+2)*3)`), or with `keepParentheses`
 * `^(x+1)` as `^{(x+1)}`; undefined if unbalanced.
 */
function groupsAsBraces(
  text: string,
  pattern: RegExp,
  command: string | ((group: string) => string),
  keepParentheses: boolean,
): string | undefined {
  let result = '';
  let index = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match.index < index) continue;
    const open = match.index + match[0].length - 1;
    let close = -1;
    walkBrackets(text.slice(open), (depth, position) => {
      if (depth === 0 && close < 0) close = open + position;
      return close < 0;
    });
    if (close < 0) return undefined;
    const group = keepParentheses ? text.slice(open, close + 1) : text.slice(open + 1, close);
    const written = typeof command === 'string' ? `${command}{${group}}` : command(group);
    result += `${text.slice(index, match.index)}${written}`;
    index = close + 1;
    pattern.lastIndex = index;
  }
  return result + text.slice(index);
}

/** The text with plain-text math written as LaTeX, or the text itself when there is none. */
export function plainTextMathAsLatex(text: string): string {
  const named = text.replace(FUNCTION_NAME, '\\$1').replace(PI, '\\pi ').replace(INFINITY, '\\infty ');
  const rooted = groupsAsBraces(named, ROOT, '\\sqrt', false) ?? named;
  const absolute = groupsAsBraces(rooted, ABSOLUTE, (group) => `\\left|${group}\\right|`, false) ?? rooted;
  return groupsAsBraces(absolute, POWER_GROUP, '^', true) ?? absolute;
}

/** The text without the names of its function calls (`cos(x)^2` is `(x)^2`): what is left of prose. */
export function withoutFunctionCalls(text: string): string {
  return text.includes('(') ? text.replace(FUNCTION_CALL, ' ') : text;
}
