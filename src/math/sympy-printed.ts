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
 * Only an answer that is one form, whole, is read (its arguments split at its own commas, each a
 * value or a form whole): a form inside arithmetic (`Eq(x, 4) + 3`), arguments a form does not take
 * (`Interval(1)`, `Interval(0, 1, 2, 3)`), a relation of no symbol (`Eq(5, 5)`), a set inside a
 * finite set, or nesting deeper than 8 leave the text as written (a red team of stop 45 was paid 7
 * for `Eq(x, 4) + 3` read as `x = 4 + 3`).
 */
import { findClosingParenthesis, splitTopLevel } from './braces.js';

/** Whether the text may hold one of the printed forms (a cheap test before the rewrite). */
export function mayBeSympyPrinted(text: string): boolean {
  return SYMPY_NAME.test(text);
}
const SYMPY_NAME =
  /(?<![A-Za-z\\])(?:Interval|FiniteSet|Union|Intersection|Eq|Ne|Lt|Le|Gt|Ge|Rational|EmptySet)(?![A-Za-z])/;

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

/**
 * The text as LaTeX when it is one printed form, whole (`Interval(0, 1)`, not `Eq(x, 4) + 3`: a
 * form inside arithmetic is left as written, as sympy never prints one there), else the text.
 * An interval open at both finite ends is written `x \in (a, b)`: `(a, b)` alone reads as a point.
 */
export function sympyPrintedAsLatex(text: string): string {
  const trimmed = text.trim();
  if (trimmed === 'EmptySet') return '\\emptyset';
  const latex = wholeCallAsLatex(trimmed, 0);
  if (latex === undefined) return text;
  return latex.startsWith('(') && INTERVAL_OPEN_AT_BOTH.test(trimmed) ? `x \\in ${latex}` : latex;
}

/** `Interval.open(a, b)`, `Interval(a, b, True, True)`: open at both ends (infinite ends are open anyway). */
const INTERVAL_OPEN_AT_BOTH = /^Interval(?:\.open\s*\(|\s*\((?:[^()]|\([^()]*\))*,\s*True\s*,\s*True\s*\)$)/;

/** Deepest nesting of forms read (`Union(Union(...))`). */
const MAX_DEPTH = 8;

/**
 * The LaTeX of a text that is one call, its arguments each a number, a name, an expression or a
 * form whole (`Union(Interval(-oo, 0), Interval(1, oo))`); undefined when it is not.
 */
function wholeCallAsLatex(text: string, depth: number): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const call = CALL_AT_START.exec(text);
  if (call === null) return undefined;
  const open = call[0].length - 1;
  if (findClosingParenthesis(text, open) !== text.length - 1) return undefined;
  const inside = text.slice(open + 1, -1);
  const raw = inside.trim() === '' ? [] : splitTopLevel(inside, ',').map((arg) => arg.trim());
  const args: string[] = [];
  for (const arg of raw) {
    if (arg === 'EmptySet') {
      args.push('\\emptyset');
      continue;
    }
    // A form as an argument is read whole; a call of another name stays as written (`sqrt(2)`).
    const inner = CALL_AT_START.test(arg) ? wholeCallAsLatex(arg, depth + 1) : asEnd(arg);
    if (inner === undefined) return undefined;
    args.push(inner);
  }
  return callAsLatex(call[1] as string, args, raw);
}

/** A call's name (with `Interval`'s constructors) and its opening parenthesis, at the text's start. */
const CALL_AT_START =
  /^(Interval(?:\.(?:open|Lopen|Ropen))?|FiniteSet|Union|Intersection|Eq|Ne|Lt|Le|Gt|Ge|Rational)\s*\(/;

/** An argument that is no form: `oo` as `\infty`, anything else as written. */
function asEnd(arg: string): string {
  return arg.replace(/(?<![A-Za-z\\])oo(?![A-Za-z])/g, '\\infty');
}

/** A name sympy relates (`x`, `y_1`, `theta`): a relation's left side in a printed answer. */
const SYMBOL = /^[A-Za-z][A-Za-z0-9_]*$/;
/** A set-valued form: `Eq(x, Interval(-2, 7))` says x lies in it (`x \in [-2, 7]`). */
const SET_VALUED = /^(?:Interval|FiniteSet|Union|Intersection|EmptySet)(?![A-Za-z])/;

/** The LaTeX of one call from its arguments as LaTeX (`args`) and as written (`raw`). */
function callAsLatex(name: string, args: readonly string[], raw: readonly string[]): string | undefined {
  const ends = INTERVAL_ENDS[name];
  if (ends !== undefined) {
    if (args.length !== 2 && !(name === 'Interval' && args.length === 4)) return undefined;
    // Only sympy's flags: `Interval(0, 1, 2, 3)` is no interval.
    if (args.length === 4 && !raw.slice(2).every((flag) => flag === 'True' || flag === 'False'))
      return undefined;
    if (raw.slice(0, 2).some((end) => SET_VALUED.test(end))) return undefined;
    const [leftOpen, rightOpen] = args.length === 4 ? [raw[2] === 'True', raw[3] === 'True'] : ends;
    // An infinite end is open whatever the flags say (sympy prints `Interval(-oo, 0)` for `(-\infty, 0]`).
    const left = leftOpen || isInfinite(args[0] as string) ? '(' : '[';
    const right = rightOpen || isInfinite(args[1] as string) ? ')' : ']';
    return `${left}${args[0]}, ${args[1]}${right}`;
  }
  const relation = RELATIONS[name];
  if (relation !== undefined) {
    // `Eq(x, 5)`: a symbol related to a value; `Eq(5, 5)`, `Eq(Eq(x, 1), 1)` are no printed answer.
    if (args.length !== 2 || !SYMBOL.test(raw[0] as string)) return undefined;
    const inSet = name === 'Eq' && SET_VALUED.test(raw[1] as string);
    if (!inSet && SET_VALUED.test(raw[1] as string)) return undefined;
    return `${args[0]} ${inSet ? '\\in' : relation} ${args[1]}`;
  }
  if (raw.some((arg) => SET_VALUED.test(arg) && name !== 'Union' && name !== 'Intersection'))
    return undefined;
  if (name === 'Rational') return args.length === 2 ? `\\frac{${args[0]}}{${args[1]}}` : undefined;
  if (name === 'FiniteSet') return args.length === 0 ? '\\emptyset' : `\\{${args.join(', ')}\\}`;
  // A union or intersection of sets only: `Union(2, 3)` is no set operation.
  if (args.length < 2 || !raw.every((arg) => SET_VALUED.test(arg))) return undefined;
  return args.join(name === 'Union' ? ' \\cup ' : ' \\cap ');
}

/** `oo`, `-oo`, `\infty`: an infinite end. */
function isInfinite(end: string): boolean {
  return /^[-+]?\s*(?:oo|\\infty)$/.test(end);
}
