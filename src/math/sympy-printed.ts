/**
 * Sets, intervals and equations as sympy prints them (`str(expr)`), which graders that build their
 * golds with sympy store as the answer: `Interval(-2, 7)`, `Interval.open(0, 1)`,
 * `Interval(0, 1, True, False)`, `FiniteSet(1, 2)`, `Union(Interval(-oo, 0), Interval(1, oo))`,
 * `Eq(x, 5)`, `Rational(3, 2)`, `EmptySet`. Read as the LaTeX they stand for (`[-2, 7]`, `(0, 1)`,
 * `(0, 1]`, `\{1, 2\}`, `... \cup ...`, `x = 5`, `\frac{3}{2}`, `\emptyset`), so the gold's kind
 * (interval, set, equation) is known. Real outputs round 24: rrenaud/assignment5-alignment stores
 * MATH golds this way (`Eq(x, Interval(-2, 7))` against a response's `[-2, 7]` was a single value
 * against a tuple).
 *
 * A call's arguments are split at its own commas (nested calls kept whole); a call with arguments
 * it does not take (`Interval(1)`) is left as written.
 */
import { splitTopLevel, walkBrackets } from './braces.js';

/** Whether the text may hold one of the printed forms (a cheap test before the rewrite). */
export function mayBeSympyPrinted(text: string): boolean {
  return SYMPY_NAME.test(text);
}
const SYMPY_NAME =
  /(?<![A-Za-z\\])(?:Interval|FiniteSet|Union|Intersection|Eq|Ne|Lt|Le|Gt|Ge|Rational|EmptySet)(?![A-Za-z])/;

/** A call's name (with `Interval`'s constructors) and its opening parenthesis. */
const CALL =
  /(?<![A-Za-z\\])(Interval(?:\.(?:open|Lopen|Ropen))?|FiniteSet|Union|Intersection|Eq|Ne|Lt|Le|Gt|Ge|Rational)\s*\(/g;

/** Relations by sympy's class name. */
const RELATIONS: Readonly<Record<string, string>> = {
  Eq: '=',
  Ne: '\\ne',
  Lt: '<',
  Le: '\\le',
  Gt: '>',
  Ge: '\\ge',
};

/** Interval constructors: whether each end is open. */
const INTERVAL_ENDS: Readonly<Record<string, readonly [boolean, boolean]>> = {
  Interval: [false, false],
  'Interval.open': [true, true],
  'Interval.Lopen': [true, false],
  'Interval.Ropen': [false, true],
};

/** The text with every printed form rewritten as LaTeX (innermost first). */
export function sympyPrintedAsLatex(text: string): string {
  const rewritten = rewriteCalls(text).replace(/(?<![A-Za-z\\])EmptySet(?![A-Za-z])/g, '\\emptyset');
  // `-oo`, `oo`: sympy's infinity.
  return rewritten.replace(/(?<![A-Za-z\\])oo(?![A-Za-z])/g, '\\infty');
}

function rewriteCalls(text: string): string {
  let result = '';
  let index = 0;
  // A pattern of its own: the arguments are rewritten by a call of this function inside the loop.
  const call = new RegExp(CALL.source, 'g');
  for (let match = call.exec(text); match !== null; match = call.exec(text)) {
    const open = match.index + match[0].length - 1;
    const close = matchingParenthesis(text, open);
    if (close < 0) break;
    const inside = text.slice(open + 1, close);
    const raw = inside.trim() === '' ? [] : splitTopLevel(inside, ',').map((arg) => arg.trim());
    const latex = callAsLatex(match[1] as string, raw.map(rewriteCalls), SET_VALUED.test(raw[1] ?? ''));
    if (latex === undefined) continue;
    result += `${text.slice(index, match.index)}${latex}`;
    index = close + 1;
    call.lastIndex = index;
  }
  return result + text.slice(index);
}

/** A set-valued form: `Eq(x, Interval(-2, 7))` says x lies in it (`x \in [-2, 7]`). */
const SET_VALUED = /^(?:Interval|FiniteSet|Union|Intersection|EmptySet)(?![A-Za-z])/;

/** The LaTeX of one call, its arguments rewritten already; `secondIsSet`: its second argument is a set. */
function callAsLatex(name: string, args: readonly string[], secondIsSet: boolean): string | undefined {
  const ends = INTERVAL_ENDS[name];
  if (ends !== undefined) {
    if (args.length !== 2 && !(name === 'Interval' && args.length === 4)) return undefined;
    const [leftOpen, rightOpen] = args.length === 4 ? [args[2] === 'True', args[3] === 'True'] : ends;
    // An infinite end is open whatever the flags say (sympy prints `Interval(-oo, 0)` for `(-\infty, 0]`).
    const left = leftOpen || isInfinite(args[0] as string) ? '(' : '[';
    const right = rightOpen || isInfinite(args[1] as string) ? ')' : ']';
    return `${left}${args[0]}, ${args[1]}${right}`;
  }
  const relation = RELATIONS[name];
  if (relation !== undefined) {
    if (args.length !== 2) return undefined;
    return `${args[0]} ${name === 'Eq' && secondIsSet ? '\\in' : relation} ${args[1]}`;
  }
  if (name === 'Rational') return args.length === 2 ? `\\frac{${args[0]}}{${args[1]}}` : undefined;
  if (name === 'FiniteSet') return `\\{${args.join(', ')}\\}`;
  if (args.length < 2) return undefined;
  return args.join(name === 'Union' ? ' \\cup ' : ' \\cap ');
}

/** `oo`, `-oo`, `\infty`: an infinite end. */
function isInfinite(end: string): boolean {
  return /^[-+]?\s*(?:oo|\\infty)$/.test(end);
}

/** The index of the parenthesis that closes the one at `open`, or -1. */
function matchingParenthesis(text: string, open: number): number {
  let close = -1;
  walkBrackets(text.slice(open), (depth, index) => {
    if (depth > 0) return true;
    if (text[open + index] === ')') close = open + index;
    return false;
  });
  return close;
}
