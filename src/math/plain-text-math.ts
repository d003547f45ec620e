import { splitTopLevel, walkBrackets } from './braces.js';

/**
 * Answers written the way Python or a calculator prints them (`pi/2`, `-2*pi`, `-1 + exp(16)`,
 * `sqrt(2)/2`, `log(3)`, `log log n`, `sin x`, `abs(x)`, sympy's `Abs(x)`): the function names (before
 * a parenthesis, or a space and a one-letter name, a digit or another function name) and `pi` become their
 * LaTeX commands, a root's parentheses become its braces (`sqrt(2)` and `\sqrt(2)` are `\sqrt{2}`),
 * `abs(x)` is `|x|`, `floor(x)` and `\floor(x)` are `\lfloor x \rfloor` (`ceil` alike). Only whole words are read: `pin`, `expand`, `\pi` are left as they are.
 */
const FUNCTIONS =
  'exp|sin|cos|tan|cot|sec|csc|arcsin|arccos|arctan|arccot|arcsec|arccsc|asin|acos|atan|sinh|cosh|tanh|coth|sech|csch|asinh|acosh|atanh|arsinh|arcosh|artanh|arcsinh|arccosh|arctanh|ln|log|sgn|sign';
/**
 * Python's and C's names of the inverse functions (`asin(1)`, `2*atan(1)`, sympy's `atanh(m)`): the
 * names the LaTeX parser reads (the inverse hyperbolic ones as compute-engine names them).
 */
const LATEX_NAME: Readonly<Record<string, string>> = {
  asin: 'arcsin',
  acos: 'arccos',
  atan: 'arctan',
  asinh: 'arsinh',
  acosh: 'arcosh',
  atanh: 'artanh',
  arcsinh: 'arsinh',
  arccosh: 'arcosh',
  arctanh: 'artanh',
};
/**
 * Greek letters by name, as sympy and calculators print them (`beta + gamma`, `2*theta`): their
 * LaTeX symbols (stop 36's graders' tests read `beta+gamma` as prose). Whole words only.
 */
const GREEK_NAMES =
  'alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu|xi|rho|sigma|tau|upsilon|phi|varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Xi|Sigma|Upsilon|Phi|Psi|Omega';
const GREEK_NAME = new RegExp(String.raw`(?<![\\A-Za-z])(?:${GREEK_NAMES})(?![A-Za-z])`, 'g');
const IS_GREEK_NAME = new RegExp(`^(?:${GREEK_NAMES})$`);
/** A root of a number or a one-letter name written without parentheses: `sqrt 4`, `sqrt x`. */
const ROOT_WITHOUT_PARENTHESES = /(?<![\\A-Za-z])sqrt\s+(\d+(?:\.\d+)?|[A-Za-z](?![A-Za-z]))/g;
/** What may follow a function name: a parenthesis, or a space and a one-letter name, a digit or another function name. */
const APPLIED = String.raw`(?:\s*(?=\()|\s+(?=[A-Za-z](?![A-Za-z])|\d|(?:${FUNCTIONS})\s)|(?=\d))`;
/**
 * A function name, with a power of it written before its argument (`sin^2(x)`, `tan^(-1)(x)` for
 * the inverse, as Doenet's math-expressions spec writes them; graders' round 10 read `tan^2(x)` as
 * t·a·n²·x), or Python's `**` for it (`sin**2(m)`, sympy's printing; graders' round 13 read the
 * 2 and paid it against a gold of 2), then its argument.
 */
const POWER_OF_FUNCTION = String.raw`(?:(?:\^|\*\*)\s*(\(\s*-?\d+\s*\)|-?\d+))?`;
const FUNCTION_NAME = new RegExp(
  String.raw`(?<![\\A-Za-z])(${FUNCTIONS})${POWER_OF_FUNCTION}${APPLIED}`,
  'gi',
);
const PI = /(?<![\\A-Za-z])pi(?![A-Za-z])/g;
const ROOT = /(?<![A-Za-z])\\?sqrt\s*\(/g;
/** `abs(x)`, as calculators and CAS print the absolute value (sympy: `Abs(x)`): `|x|`. */
const ABSOLUTE = /(?<![\\A-Za-z])[Aa]bs\s*\(/g;
/** `floor(x)`, `ceil(x)` as Python prints them, and latex2sympy's `\floor(x)`, `\ceil(x)`. */
const FLOOR = /(?<![A-Za-z])\\?floor\s*\(/g;
const CEILING = /(?<![A-Za-z])\\?ceil(?:ing)?\s*\(/g;
/**
 * `nthRoot(x, n)` as mathjs and mathsteps write the n-th root (MATLAB: `nthroot`): `\sqrt[n]{x}`
 * (graders' round 15 read the index as the answer).
 */
const NTH_ROOT = /(?<![\\A-Za-z])nthroot\s*\(/gi;

function nthRootAsLatex(group: string): string {
  const [radicand, index, ...rest] = splitTopLevel(group, ',');
  return index === undefined || rest.length > 0 ? `\\sqrt{${group}}` : `\\sqrt[${index.trim()}]{${radicand}}`;
}

/** `cbrt(x)`, the cube root as C, NumPy and JavaScript's Math name it (graders' round 18: `cbrt(8)` read 8). */
const CUBE_ROOT = /(?<![\\A-Za-z])cbrt\s*\(/gi;

/** `factorial(n)` as sympy prints it: `(n)!` (isaacphysics' checker tests, graders' round 11). */
const FACTORIAL = /(?<![\\A-Za-z])factorial\s*\(/g;
/** A root as an exponent without braces once read (`exp(x)**sqrt(2)`): the root braced as the exponent. */
const ROOT_EXPONENT = /\^\s*(\\sqrt\{[^{}]*\})/g;
/**
 * A named function applied (`cos(x)`, `sqrt(2)`, `abs(x)`), or written before its argument without
 * parentheses (`log log n`, `sin x`, `ln 2`): mathematics, not a prose word.
 */
const FUNCTION_CALL = new RegExp(
  String.raw`(?<![\\A-Za-z])(?:(?:${FUNCTIONS}|sqrt|abs|floor|ceil(?:ing)?|factorial)${POWER_OF_FUNCTION}${APPLIED}|(?:max|min)\s*(?=\([^()]*\))|(?:nthroot|cbrt)\s*(?=\())`,
  'gi',
);
/**
 * `Max(m, n)`, `min(alpha, m, n)` as sympy and Python print them: `\max(`, `\min(` (PrairieLearn's
 * tests, graders' round 13). Only before a parenthesised group without brackets inside it ("5 min 30 s" is minutes; `min(min(...` unclosed is no call).
 */
const MAX_MIN = /(?<![\\A-Za-z])(max|min)\s*(?=\([^()]*\))/gi;
/** A power whose exponent is a parenthesised group, as calculators write it: `e^(-8*x)`, `2^(x+1)`. */
const POWER_GROUP = /\^\s*\(/g;
/** Infinity as sympy and calculators print it: `oo`, `infinity`. */
const INFINITY = /(?<![\\A-Za-z])(?:oo|infinity|infty)(?![A-Za-z])/gi;

const GREEK_NAME_IN = new RegExp(GREEK_NAME.source);

function latexName(name: string): string {
  const lower = name.toLowerCase();
  return LATEX_NAME[lower] ?? lower;
}

/**
 * The text without Greek letter names (`x+zeta` is `x+`), when its first word of three letters or
 * more is one (a prose response pays one test): what is left of prose in an expression.
 */
export function withoutGreekNames(text: string, firstWord = FIRST_WORD.exec(text)?.[0]): string {
  return firstWord !== undefined && IS_GREEK_NAME.test(firstWord) ? text.replace(GREEK_NAME, ' ') : text;
}

/** Whether the text may be written that way (a cheap gate: a lowercase name, or `sqrt(`). */
export function mayBePlainTextMath(text: string): boolean {
  return (
    /(?<![\\A-Za-z])(?:pi|exp|a?sin|a?cos|a?tan|cot|sec|csc|arc(?:sin|cos|tan|cot|sec|csc)|a?r?c?(?:sin|cos|tan)h|coth|sech|csch|ln|log|sgn|sign|sqrt|cbrt|nthroot|abs|oo|infinity|infty|max|min|floor|ceil(?:ing)?|factorial)(?![a-z])|\\(?:sqrt|floor|ceil)\s*\(|\^\s*\(/i.test(
      text,
    ) || GREEK_NAME_IN.test(text)
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
    .replace(FUNCTION_NAME, (match, name: string, power: string | undefined, at: number) => {
      const raised = power === undefined ? '' : `^{${power.replace(/[()\s]/g, '')}}`;
      return text[at + match.length] === '('
        ? `\\${latexName(name)}${raised}`
        : `\\${latexName(name)}${raised} `;
    })
    .replace(GREEK_NAME, (name) => `\\${name} `)
    .replace(ROOT_WITHOUT_PARENTHESES, '\\sqrt{$1}')
    .replace(PI, '\\pi ')
    .replace(INFINITY, '\\infty ')
    .replace(MAX_MIN, (_whole, name: string) => `\\${name.toLowerCase()}`);
  const cubeRooted = groupsAsBraces(named, CUBE_ROOT, '\\sqrt[3]', false) ?? named;
  const nthRooted = groupsAsBraces(cubeRooted, NTH_ROOT, nthRootAsLatex, false) ?? cubeRooted;
  const rooted = groupsAsBraces(nthRooted, ROOT, '\\sqrt', false) ?? nthRooted;
  const absolute = groupsAsBraces(rooted, ABSOLUTE, (group) => `\\left|${group}\\right|`, false) ?? rooted;
  const floored = groupsAsBraces(absolute, FLOOR, (group) => `\\lfloor ${group}\\rfloor `, false) ?? absolute;
  const ceiled = groupsAsBraces(floored, CEILING, (group) => `\\lceil ${group}\\rceil `, false) ?? floored;
  const factorials =
    groupsAsBraces(ceiled, FACTORIAL, (group) => `\\left(${group}\\right)!`, false) ?? ceiled;
  const rootExponents = factorials.includes('^') ? factorials.replace(ROOT_EXPONENT, '^{$1}') : factorials;
  return groupsAsBraces(rootExponents, POWER_GROUP, '^', true) ?? rootExponents;
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
const FUNCTION_WORD = new RegExp(`^(?:${FUNCTIONS}|sqrt|cbrt|abs|floor|ceil|factorial|nthroot)$`, 'i');
