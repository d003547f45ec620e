import { walkBrackets } from './braces.js';

/**
 * Answers written the way Python or a calculator prints them (`pi/2`, `-2*pi`, `-1 + exp(16)`,
 * `sqrt(2)/2`, `log(3)`, `log log n`, `sin x`, `abs(x)`, sympy's `Abs(x)`): the function names (before
 * a parenthesis, or a space and a one-letter name, a digit or another function name) and `pi` become their
 * LaTeX commands, a root's parentheses become its braces (`sqrt(2)` and `\sqrt(2)` are `\sqrt{2}`),
 * `abs(x)` is `|x|`, `floor(x)` and `\floor(x)` are `\lfloor x \rfloor` (`ceil` alike). Only whole words are read: `pin`, `expand`, `\pi` are left as they are.
 */
const FUNCTIONS = 'exp|sin|cos|tan|cot|sec|csc|arcsin|arccos|arctan|sinh|cosh|tanh|ln|log';
/** What may follow a function name: a parenthesis, or a space and a one-letter name, a digit or another function name. */
const APPLIED = String.raw`(?:\s*(?=\()|\s+(?=[A-Za-z](?![A-Za-z])|\d|(?:${FUNCTIONS})\s))`;
const FUNCTION_NAME = new RegExp(String.raw`(?<![\\A-Za-z])(${FUNCTIONS})${APPLIED}`, 'gi');
const PI = /(?<![\\A-Za-z])pi(?![A-Za-z])/g;
const ROOT = /(?<![A-Za-z])\\?sqrt\s*\(/g;
/** `abs(x)`, as calculators and CAS print the absolute value (sympy: `Abs(x)`): `|x|`. */
const ABSOLUTE = /(?<![\\A-Za-z])[Aa]bs\s*\(/g;
/** `floor(x)`, `ceil(x)` as Python prints them, and latex2sympy's `\floor(x)`, `\ceil(x)`. */
const FLOOR = /(?<![A-Za-z])\\?floor\s*\(/g;
const CEILING = /(?<![A-Za-z])\\?ceil(?:ing)?\s*\(/g;
/**
 * A named function applied (`cos(x)`, `sqrt(2)`, `abs(x)`), or written before its argument without
 * parentheses (`log log n`, `sin x`, `ln 2`): mathematics, not a prose word.
 */
const FUNCTION_CALL = new RegExp(
  String.raw`(?<![\\A-Za-z])(?:${FUNCTIONS}|sqrt|abs|floor|ceil(?:ing)?)${APPLIED}`,
  'gi',
);
/** A power whose exponent is a parenthesised group, as calculators write it: `e^(-8*x)`, `2^(x+1)`. */
const POWER_GROUP = /\^\s*\(/g;
/** Infinity as sympy and calculators print it: `oo`, `infinity`. */
const INFINITY = /(?<![\\A-Za-z])(?:oo|infinity)(?![A-Za-z])/gi;

/** Whether the text may be written that way (a cheap gate: a lowercase name, or `sqrt(`). */
export function mayBePlainTextMath(text: string): boolean {
  return /(?<![\\A-Za-z])(?:pi|exp|sin|cos|tan|cot|sec|csc|arc|sinh|cosh|tanh|ln|log|sqrt|abs|oo|infinity|floor|ceil(?:ing)?)(?![a-z])|\\(?:sqrt|floor|ceil)\s*\(|\^\s*\(/i.test(
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
  const named = text
    .replace(FUNCTION_NAME, (match, name: string, at: number) =>
      text[at + match.length] === '(' ? `\\${name.toLowerCase()}` : `\\${name.toLowerCase()} `,
    )
    .replace(PI, '\\pi ')
    .replace(INFINITY, '\\infty ');
  const rooted = groupsAsBraces(named, ROOT, '\\sqrt', false) ?? named;
  const absolute = groupsAsBraces(rooted, ABSOLUTE, (group) => `\\left|${group}\\right|`, false) ?? rooted;
  const floored = groupsAsBraces(absolute, FLOOR, (group) => `\\lfloor ${group}\\rfloor `, false) ?? absolute;
  const ceiled = groupsAsBraces(floored, CEILING, (group) => `\\lceil ${group}\\rceil `, false) ?? floored;
  return groupsAsBraces(ceiled, POWER_GROUP, '^', true) ?? ceiled;
}

/**
 * The text without the names of its function calls (`cos(x)^2` is `(x)^2`, `log log n` is `n`):
 * what is left of prose. Scanned only when a call's parenthesis is there, or when `firstWord` (the
 * text's first word of three letters or more, found here unless the caller has it) is a function
 * name: a prose response pays nothing.
 */
export function withoutFunctionCalls(text: string, firstWord = FIRST_WORD.exec(text)?.[0]): string {
  return text.includes('(') || (firstWord !== undefined && FUNCTION_WORD.test(firstWord))
    ? text.replace(FUNCTION_CALL, ' ')
    : text;
}
const FIRST_WORD = /[A-Za-z]{3,}/;
const FUNCTION_WORD = new RegExp(`^(?:${FUNCTIONS}|sqrt|abs|floor|ceil)$`, 'i');
