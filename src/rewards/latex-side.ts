import { evaluate, evaluateExact, type MathJson, normalizeAnswer, parseAnswer } from '../math/index.js';

import { equal, type Rational, roundsTo } from './exact-arithmetic.js';

/** One way to read a side of an equation: its exact value when it has one, and a double. */
export interface SideReading {
  exact: Rational | undefined;
  approx: number;
  /** Decimal places when the side is a plain decimal literal (`3.14` -> 2, `12` -> 0). */
  literalDecimals: number | undefined;
  /**
   * Words the reading left out (`\\frac{2}{3} s` is read as 2/3, the `s` taken for a unit): the
   * side is a quantity whose unit, or a variable that looks like one, the number does not carry.
   */
  droppedWords: string | undefined;
}

export type SideValue = { readings: SideReading[] } | { notCheckable: string };

/** MathJSON heads of constant arithmetic: anything else (a function, a relation, text) is not checkable. */
export const ARITHMETIC_HEADS = new Set([
  'Add',
  'Subtract',
  'Negate',
  'Multiply',
  'InvisibleOperator',
  'Divide',
  'Rational',
  'Power',
  'Square',
  'Sqrt',
  'Root',
  'Factorial',
  'Binomial',
  'Choose',
  'Abs',
  'Floor',
  'Ceil',
  'Ceiling',
  'Delimiter',
]);
/** Symbols that are numbers. `e` and `i` are not here: in a solution they are most often variables. */
export const CONSTANT_SYMBOLS = new Set(['Pi', 'pi', 'Half']);
/** Writing that stands for something the side does not spell out. */
export const ELLIPSIS_OR_LIMIT =
  /\\(?:c|l|v|d)?dots|\\sum|\\prod|\\int|\\lim|\\pm|\\mp|\\infty|\\in\b|\.\.\./;
const MAX_SIDE_CHARS = 400;

/** Why a MathJSON tree is not a constant arithmetic expression, or undefined when it is one. */
function nonArithmetic(json: MathJson): string | undefined {
  if (typeof json === 'number') return Number.isFinite(json) ? undefined : 'not a finite number';
  if (typeof json === 'string') {
    if (CONSTANT_SYMBOLS.has(json)) return undefined;
    return json.startsWith("'") ? `text ${json}` : `free variable ${json}`;
  }
  if (!Array.isArray(json)) return 'num' in json ? undefined : 'a symbol or text';
  const head = json[0];
  if (typeof head !== 'string' || !ARITHMETIC_HEADS.has(head)) {
    return `${typeof head === 'string' ? head : 'an applied function'} is not arithmetic`;
  }
  for (let index = 1; index < json.length; index++) {
    const reason = nonArithmetic(json[index] as MathJson);
    if (reason !== undefined) return reason;
  }
  return undefined;
}

/** The words of a LaTeX text: letters outside command names (`\\text{ cm}` -> `cm`, `3x` -> `x`). */
function wordsOf(latex: string): string {
  return latex
    .replace(/\\[A-Za-z]+/g, ' ')
    .replace(/[^A-Za-z]+/g, ' ')
    .trim();
}

/** The words of `original` that `normalized` no longer has (a unit the normalizer took off). */
function dropped(original: string, normalized: string): string | undefined {
  const kept = new Set(wordsOf(normalized).split(' '));
  const lost = wordsOf(original)
    .split(' ')
    .filter((word) => word !== '' && !kept.has(word));
  return lost.length === 0 ? undefined : lost.join(' ');
}

function readOne(latex: string): SideReading | string {
  const normalized = normalizeAnswer(latex);
  if (normalized.percent) return 'a percent sign inside the expression';
  const value = parseAnswer(normalized.text, false);
  if (value === undefined) return 'does not parse';
  const literal = /^-?\d+(?:\.(\d+))?$/.exec(normalized.text);
  const literalDecimals = literal === null ? undefined : (literal[1]?.length ?? 0);
  const droppedWords = dropped(latex, normalized.text);
  if (value.kind === 'number') {
    return { exact: value.exact, approx: value.approx, literalDecimals, droppedWords };
  }
  if (value.kind !== 'expression') return `a ${value.kind}, not a number`;
  const reason = nonArithmetic(value.json);
  if (reason !== undefined) return reason;
  const exact = evaluateExact(value.json);
  let approx: number;
  try {
    const complex = evaluate(value.json, new Map());
    if (Math.abs(complex.im) > 1e-12 * Math.max(1, Math.abs(complex.re))) return 'not a real number';
    approx = complex.re;
  } catch {
    return 'cannot be evaluated';
  }
  if (!Number.isFinite(approx)) return 'not a finite number';
  if (exact === undefined) {
    const unsure = roundingAtAnInteger(value.json);
    if (unsure !== undefined) return unsure;
  }
  return { exact, approx, literalDecimals, droppedWords };
}

const INTEGER_PARTS = new Set(['Floor', 'Ceil', 'Ceiling']);

/**
 * A floor or ceiling of an inexact value that lies within floating-point error of an integer
 * (`\\lfloor 8^{2/3} \\rfloor`: 8^{2/3} is 4, computed as 3.9999999999999996) cannot be told
 * exactly: the reason, or undefined when every such part is safely away from an integer.
 */
function roundingAtAnInteger(json: MathJson): string | undefined {
  if (!Array.isArray(json)) return undefined;
  if (typeof json[0] === 'string' && INTEGER_PARTS.has(json[0]) && json.length === 2) {
    const inner = json[1] as MathJson;
    if (evaluateExact(inner) === undefined) {
      try {
        const value = evaluate(inner, new Map()).re;
        if (Math.abs(value - Math.round(value)) <= 1e-9 * Math.max(1, Math.abs(value)))
          return 'a floor or ceiling of an inexact value at an integer';
      } catch {
        return 'cannot be evaluated';
      }
    }
  }
  for (let index = 1; index < json.length; index++) {
    const reason = roundingAtAnInteger(json[index] as MathJson);
    if (reason !== undefined) return reason;
  }
  return undefined;
}

/** `0.\\overline{7}`, `1.2\\overline{34}`: a repeating decimal inside a side. */
const REPEATING_DECIMAL = /\d*\.\d*\\overline\{\d+\}/g;

/** A repeating decimal as the exact fraction it is, read by the math module's parser. */
function repeatingAsFraction(decimal: string): string {
  const value = parseAnswer(decimal, false);
  if (value?.kind !== 'number' || value.exact === undefined) return decimal;
  return `(\\frac{${value.exact.numerator}}{${value.exact.denominator}})`;
}

/**
 * `2^13`: strict LaTeX reads 2^1 then 3, but a writer who types it means 2^{13} (and writes
 * `8192` next to it): a run of digits after `^` without braces is the whole exponent.
 */
const BARE_EXPONENT = /\^\s*(\d{2,})/g;

/** An angle in degrees (`30^\\circ`, `45^{\\circ}`), which also reads as radians next to π. */
const DEGREES = /\^\s*\{?\s*\\circ\s*\}?/;

/**
 * Reads one side of an equation written in LaTeX (`2 \cdot (3 \cdot 4) \cdot (5+1)`,
 * `\frac{10!}{2!\,8!}`, `\binom{5}{2}`, `\sqrt{8}`, `1{,}200`, `15\%`) with the math module's
 * parser. A side is checkable only when it is a constant: free variables (`3y`, `\mathbf{k}(0-44)`),
 * function applications (`f^{-1}(6)`, `\sin 30`), text, lists, ellipses and sums are
 * `notCheckable`, with the reason. Some writing has two readings, both returned: a percent
 * (`15\%` is 0.15, or the number 15 when the other side counts in percent) and a digit before
 * `\frac` (`2\frac{1}{3}` is a mixed number, or a product).
 */
export function readLatexSide(side: string): SideValue {
  const trimmed = side.trim();
  if (trimmed === '') return { notCheckable: 'empty side' };
  if (trimmed.length > MAX_SIDE_CHARS) return { notCheckable: 'side too long' };
  if (ELLIPSIS_OR_LIMIT.test(trimmed))
    return { notCheckable: 'an ellipsis, sum, limit or ± stands for more' };
  if (trimmed.includes('_')) return { notCheckable: 'a subscript (a number base or an index)' };
  if (/\\?%\s*\d/.test(trimmed)) return { notCheckable: '% between numbers is a remainder, not a percent' };
  // Thousands separators (`1{,}200`, `1,200`) before anything reads the comma as a list.
  const text = trimmed
    .replace(/(\d)(?:\{,\}|,)(?=\d{3}(?!\d))/g, '$1')
    .replace(REPEATING_DECIMAL, repeatingAsFraction)
    .replace(BARE_EXPONENT, '^{$1}');
  const variants = new Set<string>();
  if (DEGREES.test(text)) {
    const number = text.replace(new RegExp(DEGREES, 'g'), '');
    variants.add(number);
    variants.add(`(${number})\\cdot\\frac{\\pi}{180}`);
  }
  const hasPercent = /\d\s*\\?%/.test(text);
  const mixed = /(\d)\s*\\[dt]?frac/;
  for (const percentAsNumber of variants.size > 0 ? [] : hasPercent ? [false, true] : [false]) {
    const withPercent = text.replace(/(\d+(?:\.\d+)?)\s*\\?%/g, (_match, number: string) =>
      percentAsNumber ? number : `(\\frac{${number}}{100})`,
    );
    variants.add(withPercent);
    if (mixed.test(withPercent)) variants.add(withPercent.replace(new RegExp(mixed, 'g'), '$1+\\frac'));
  }
  const readings: SideReading[] = [];
  let reason = 'not checkable';
  for (const variant of variants) {
    const reading = readOne(variant);
    if (typeof reading === 'string') reason = reading;
    else readings.push(reading);
  }
  return readings.length > 0 ? { readings } : { notCheckable: reason };
}

const RELATIVE_TOLERANCE = 1e-9;

/** The two readings are the same number: exactly when both are exact, else to 1e-9 relative. */
export function sameValue(left: SideReading, right: SideReading): boolean {
  if (left.exact !== undefined && right.exact !== undefined) return equal(left.exact, right.exact);
  const scale = Math.max(1, Math.abs(left.approx), Math.abs(right.approx));
  return Math.abs(left.approx - right.approx) <= RELATIVE_TOLERANCE * scale;
}

/** `value` rounds to `literal` at `decimals` places (exactly when `value` is exact). */
export function roundsToLiteral(value: SideReading, literal: SideReading, decimals: number): boolean {
  if (value.exact !== undefined && literal.exact !== undefined)
    return roundsTo(value.exact, literal.exact, decimals);
  const half = 0.5 * 10 ** -decimals;
  return Math.abs(value.approx - literal.approx) <= half * (1 + RELATIVE_TOLERANCE);
}
