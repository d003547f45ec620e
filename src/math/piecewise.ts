import { valuesClose } from './compare-expression.js';
import type { Complex } from './complex.js';
import { evaluate, evaluateOnRealDomain, freeVariables, NotEvaluable } from './evaluate.js';
import { parseLatex } from './latex-expression.js';
import type { MathJson } from './value.js';
import { equal, notEqual, type Verdict } from './verdict.js';

/**
 * Piecewise functions (`\begin{cases} x^2 & x \ge 0 \\ -x^2 & x < 0 \end{cases}`, optionally
 * labelled `f(x) = ...`) compared with a closed form (`x|x|`) or another piecewise function: as
 * functions of their one variable, at fixed points on both sides of 0 and between the branch
 * bounds, each point valued by the branch whose condition holds there ("otherwise" takes what no
 * other branch does). Equal when every point where both sides are defined agrees; one point of
 * disagreement is a difference. Two branches that hold at one point with different values state
 * two values there (a hedge: `x^2 & x \ge 0 \\ 5 & x \ge 0`), and a prediction with no branch
 * where the gold has a value answers for part of the domain only: both differ. Branch conditions read: `x \ge a`, `x < a`, `a \le x < b`, "if",
 * `\text{if }`, "otherwise"; anything else leaves the comparison to the usual rules.
 */

interface Branch {
  value: MathJson;
  /** Undefined: "otherwise". */
  holds?: (x: number) => boolean;
}

interface Piecewise {
  variable: string;
  branches: Branch[];
  /** The numbers the conditions compare with: points are taken at and around them. */
  bounds: number[];
}

/** A label before the function (`f(x) =`, `y =`, `g(t)=`). */
const LABEL = /^\s*(?:[A-Za-z](?:_\{?\w+\}?)?(?:\([a-z]\))?|\\?[A-Za-z]+\([a-z]\))\s*=\s*/;
const CASES = /^\\begin\{cases\}([\s\S]*)\\end\{cases\}$/;
const OPERATOR = /\\(?:leq?|geq?|leqslant|geqslant|lt|gt)(?![A-Za-z])|<=|>=|[<>≤≥]/g;

function operatorOf(token: string): '<' | '<=' | '>' | '>=' {
  if (/^(?:\\leq?|\\leqslant|<=|≤)$/.test(token)) return '<=';
  if (/^(?:\\geq?|\\geqslant|>=|≥)$/.test(token)) return '>=';
  return token === '>' || token === '\\gt' ? '>' : '<';
}

function constant(text: string): number | undefined {
  const json = parseLatex(text.trim());
  if (json === undefined || freeVariables(json).size > 0) return undefined;
  const value = evaluate(json, new Map());
  return value.im === 0 && !Number.isNaN(value.re) ? value.re : undefined;
}

/** `x \ge 0`, `0 \le x < 1`, `x > -2`: a test on the variable, or undefined when unreadable. */
function condition(text: string, variable: string, bounds: number[]): ((x: number) => boolean) | undefined {
  const operators = [...text.matchAll(OPERATOR)].map((match) => operatorOf(match[0]));
  const sides = text.split(OPERATOR).map((side) => side.trim());
  if (operators.length === 0 || operators.length > 2 || sides.length !== operators.length + 1)
    return undefined;
  const tests: ((x: number) => boolean)[] = [];
  for (let index = 0; index < operators.length; index++) {
    const left = sides[index] as string;
    const right = sides[index + 1] as string;
    const operator = operators[index] as '<' | '<=' | '>' | '>=';
    const compare = (a: number, b: number) =>
      operator === '<' ? a < b : operator === '<=' ? a <= b : operator === '>' ? a > b : a >= b;
    if (left === variable) {
      const bound = constant(right);
      if (bound === undefined) return undefined;
      bounds.push(bound);
      tests.push((x) => compare(x, bound));
    } else if (right === variable) {
      const bound = constant(left);
      if (bound === undefined) return undefined;
      bounds.push(bound);
      tests.push((x) => compare(bound, x));
    } else return undefined;
  }
  return (x) => tests.every((test) => test(x));
}

/** The piecewise function a text states, or undefined. */
export function parsePiecewise(text: string | undefined): Piecewise | undefined {
  if (text === undefined || !text.includes('\\begin{cases}') || text.length > 600) return undefined;
  const body = CASES.exec(text.replace(LABEL, '').trim())?.[1];
  if (body === undefined) return undefined;
  const rows = body
    .split(/\\\\/)
    .map((row) => row.trim())
    .filter((row) => row !== '');
  const parsedRows: { value: MathJson; condition: string }[] = [];
  const variables = new Set<string>();
  for (const row of rows) {
    const [expression, rawCondition, ...rest] = row.split('&');
    if (expression === undefined || rawCondition === undefined || rest.length > 0) return undefined;
    const value = parseLatex(expression.trim());
    if (value === undefined) return undefined;
    for (const name of freeVariables(value)) variables.add(name);
    const cleaned = rawCondition
      .replace(/\\(?:text|mathrm|textrm)\s*\{([^{}]*)\}/g, ' $1 ')
      .replace(/\b(?:if|for|when)\b|;|[,.](?!\d)/g, ' ')
      .trim();
    parsedRows.push({ value, condition: cleaned });
  }
  const named = parsedRows
    .map((row) =>
      /^([a-z])\s*(?:\\|<|>|≤|≥|$)|(?:\\[a-z]+|[<>≤≥=])\s*([a-z])\s*(?:\\|<|>|≤|≥|$)/.exec(row.condition),
    )
    .find((match) => match !== null);
  const variable = named?.[1] ?? named?.[2] ?? (variables.size === 1 ? [...variables][0] : undefined);
  if (variable === undefined || [...variables].some((name) => name !== variable)) return undefined;
  const branches: Branch[] = [];
  const bounds: number[] = [];
  for (const row of parsedRows) {
    if (/^otherwise$|^else$/i.test(row.condition)) {
      branches.push({ value: row.value });
      continue;
    }
    const holds = condition(row.condition, variable, bounds);
    if (holds === undefined) return undefined;
    branches.push({ value: row.value, holds });
  }
  return branches.length >= 2 ? { variable, branches, bounds } : undefined;
}

/** Points on both sides of 0, off the usual branch bounds (integers, halves). */
const POINTS = [-3.71, -2.43, -1.37, -0.71, -0.23, 0.19, 0.63, 1.29, 1.83, 2.57, 3.41];

/**
 * A side's value at x: a number, `outside` (no real value: a root of a negative number, a pole),
 * `no-branch` (a piecewise function none of whose conditions holds there) or `overlap` (two
 * branches hold there with different values: the function states two values at one point).
 */
type PointValue = Complex | 'outside' | 'no-branch' | 'overlap';

function valueAt(side: Piecewise | MathJson, variable: string, x: number): PointValue {
  if (isPiecewise(side)) {
    const holding = side.branches.filter((item) => item.holds?.(x));
    const otherwise = side.branches.find((item) => !item.holds);
    if (holding.length === 0)
      return otherwise === undefined ? 'no-branch' : realValue(otherwise.value, variable, x);
    const values = holding.map((branch) => realValue(branch.value, variable, x));
    const first = values.find((value) => value !== 'outside');
    if (first === undefined) return 'outside';
    const differs = values.some(
      (value) => value !== 'outside' && !valuesClose(first as Complex, value, 1e-9, 1e-12),
    );
    return differs ? 'overlap' : first;
  }
  return realValue(side, variable, x);
}

function realValue(json: MathJson, variable: string, x: number): Complex | 'outside' {
  try {
    const { value, leftRealDomain } = evaluateOnRealDomain(json, new Map([[variable, x]]));
    return leftRealDomain || !Number.isFinite(value.re) || !Number.isFinite(value.im) ? 'outside' : value;
  } catch (error) {
    // No single value there (a list, an unknown function): no value of the function at x.
    if (error instanceof NotEvaluable) return 'outside';
    throw error;
  }
}

/** A list or a tuple (`120, 130`, `(1, 2)`): several values, not one function of the variable. */
function isSequence(json: MathJson): boolean {
  if (!Array.isArray(json)) return false;
  if (json[0] === 'Sequence') return json.length > 2;
  const inner = json[1];
  return json[0] === 'Delimiter' && Array.isArray(inner) && inner[0] === 'Sequence' && inner.length > 2;
}

/** The other side as a function of the variable: a piecewise function or an expression (`y = ...` allowed). */
function functionSide(text: string | undefined, variable: string): Piecewise | MathJson | undefined {
  const piecewise = parsePiecewise(text);
  if (piecewise !== undefined) return piecewise.variable === variable ? piecewise : undefined;
  if (text === undefined || text.length > 300) return undefined;
  const json = parseLatex(text.replace(LABEL, '').trim());
  if (json === undefined || isSequence(json)) return undefined;
  const names = freeVariables(json);
  return names.size <= 1 && (names.size === 0 || names.has(variable)) ? json : undefined;
}

function isPiecewise(side: Piecewise | MathJson): side is Piecewise {
  return typeof side === 'object' && side !== null && 'branches' in side;
}

/** The verdict when either side is a piecewise function that reads (see above), else undefined. */
export function comparePiecewise(
  goldText: string | undefined,
  predText: string | undefined,
): Verdict | undefined {
  if (!goldText?.includes('\\begin{cases}') && !predText?.includes('\\begin{cases}')) return undefined;
  const goldPiecewise = parsePiecewise(goldText);
  const predPiecewise = goldPiecewise === undefined ? parsePiecewise(predText) : undefined;
  const variable = goldPiecewise?.variable ?? predPiecewise?.variable;
  if (variable === undefined) return undefined;
  const gold = goldPiecewise ?? functionSide(goldText, variable);
  const pred = predPiecewise ?? functionSide(predText, variable);
  if (gold === undefined || pred === undefined) return undefined;
  let compared = 0;
  // Fixed points, and each branch bound with a point just below and above it (`x \ge 0` against
  // `x > 0` differs at 0 only). Every bound: a branch past the first few is sampled too.
  const bounds = new Set([...(goldPiecewise?.bounds ?? []), ...(isPiecewise(pred) ? pred.bounds : [])]);
  const points = [...POINTS, ...[...bounds].flatMap((bound) => [bound - 0.31, bound, bound + 0.29])];
  for (const x of points) {
    const goldValue = valueAt(gold, variable, x);
    const predValue = valueAt(pred, variable, x);
    // Two values at one point (overlapping branches) is a hedge, on either side.
    if (goldValue === 'overlap' || predValue === 'overlap')
      return notEqual('piecewise', `two branches hold at ${variable} = ${x} with different values`);
    // A prediction left undefined where the gold has a value answers for part of the domain only
    // (not at a bound itself: `x > 0` and `x < 0` leave out one point, read leniently).
    if (predValue === 'no-branch' && typeof goldValue === 'object' && !bounds.has(x))
      return notEqual('piecewise', `no branch of the prediction holds at ${variable} = ${x}`);
    if (typeof goldValue !== 'object' || typeof predValue !== 'object') continue;
    compared++;
    if (!valuesClose(goldValue, predValue, 1e-9, 1e-12))
      return notEqual('piecewise', `the functions differ at ${variable} = ${x}`);
  }
  return compared >= 4
    ? equal('piecewise', `the functions agree at ${compared} points across the branches`)
    : undefined;
}
