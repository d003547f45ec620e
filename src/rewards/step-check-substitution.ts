import { evaluate, type MathJson, normalizeAnswer, parseAnswer } from '../math/index.js';
import type { EquationVerdict } from './equation-check.js';
import { splitFormulas, splitRelations } from './latex-equation.js';
import { ARITHMETIC_HEADS, CONSTANT_SYMBOLS, ELLIPSIS_OR_LIMIT } from './latex-side.js';

/**
 * A value claimed for a variable (`p = 0.58`) checked against an equation in that one variable
 * stated in the same step (`2p = 0.58`): PRMBench's injected errors are often a wrong solution of
 * an equation the step itself writes, which exact arithmetic of constants cannot see.
 */

/** A side of a LaTeX equation read as arithmetic in at most one free variable. */
interface SymbolicSide {
  json: MathJson;
  /** The free variable, or undefined for a constant side. */
  variable: string | undefined;
  /** The side is the variable alone (`p`). */
  bare: boolean;
  /** Decimal places of the most precise decimal literal in the side (0 when none). */
  decimals: number;
}

/** Letters that are constants or notation more often than unknowns. */
const NOT_UNKNOWNS = new Set(['e', 'i', 'd', 'E', 'Pi', 'pi', 'Half']);
const MAX_SIDE_CHARS = 200;
/**
 * Words that make a value one of several (`either x = 0 or x^2 - 1 = 0`), a case or a trial
 * (`if x = -3, then ...`): the value is not claimed to solve the step's other equations.
 */
const ALTERNATIVES =
  /\b(?:or|either|if|case|cases|when|whenever|suppose|try|trying|test|testing|check|checking)\b/i;
/**
 * Words that make the step's equations goals rather than facts (`we need to solve the equations
 * $x = 2001$, $\frac{2001}{x} = 2001$`), or that take the claimed value back (`rounding falsely
 * confirms $f = 9$`, `$x - 9 = 6$ was incorrect`, `conflicts with`, `not validating`).
 */
const GOALS_OR_RETRACTED =
  /\b(?:need to|needs to|solve the equations?|equations)\b|\b(?:falsely|improperly|was incorrect|were incorrect|conflicts?|not validat\w*)\b/i;

/** The free variables of an arithmetic tree, or undefined when it is not arithmetic. */
function freeVariables(json: MathJson, found: Set<string>): Set<string> | undefined {
  if (typeof json === 'number') return Number.isFinite(json) ? found : undefined;
  if (typeof json === 'string') {
    if (CONSTANT_SYMBOLS.has(json)) return found;
    if (json.startsWith("'") || NOT_UNKNOWNS.has(json)) return undefined;
    found.add(json);
    return found;
  }
  if (!Array.isArray(json)) return 'num' in json ? found : undefined;
  const head = json[0];
  if (typeof head !== 'string' || !ARITHMETIC_HEADS.has(head)) return undefined;
  for (let index = 1; index < json.length; index++) {
    if (freeVariables(json[index] as MathJson, found) === undefined) return undefined;
  }
  return found;
}

function readSymbolic(latex: string): SymbolicSide | undefined {
  const trimmed = latex.trim().replace(/[.,]$/, '');
  if (trimmed === '' || trimmed.length > MAX_SIDE_CHARS || ELLIPSIS_OR_LIMIT.test(trimmed)) return undefined;
  // Degrees, percents, units and text change what a number means: not read here.
  if (/\\circ|%|\\text|\\mathrm|\\,/.test(trimmed)) return undefined;
  const normalized = normalizeAnswer(trimmed);
  if (normalized.percent || normalized.text.replace(/\s/g, '') !== trimmed.replace(/\s/g, ''))
    return undefined;
  const value = parseAnswer(normalized.text, false);
  if (value === undefined) return undefined;
  const decimals = Math.max(
    0,
    ...[...trimmed.matchAll(/\d\.(\d+)/g)].map((match) => (match[1] as string).length),
  );
  if (value.kind === 'number') return { json: value.approx, variable: undefined, bare: false, decimals };
  if (value.kind !== 'expression') return undefined;
  const variables = freeVariables(value.json, new Set());
  if (variables === undefined || variables.size > 1) return undefined;
  const [variable] = variables;
  return { json: value.json, variable, bare: variable !== undefined && value.json === variable, decimals };
}

function valueAt(side: SymbolicSide, variable: string, at: number): number | undefined {
  try {
    const complex = evaluate(side.json, new Map([[variable, at]]));
    if (Math.abs(complex.im) > 1e-12 * Math.max(1, Math.abs(complex.re))) return undefined;
    return Number.isFinite(complex.re) ? complex.re : undefined;
  } catch {
    return undefined;
  }
}

interface Claim {
  value: number;
  decimals: number;
}

interface Equation {
  text: string;
  left: SymbolicSide;
  right: SymbolicSide;
  variable: string;
}

/**
 * Does the equation hold at the claimed value? Exactly up to 1e-9 relative; and when a decimal
 * literal is written (in the claim or the equation), the writer may have rounded: it holds when
 * left - right changes sign (or vanishes) within half a unit of the claim's last place, or when
 * the two sides agree to 1% .
 */
function holdsAt(equation: Equation, claim: Claim): boolean | undefined {
  const difference = (at: number) => {
    const left = valueAt(equation.left, equation.variable, at);
    const right = valueAt(equation.right, equation.variable, at);
    return left === undefined || right === undefined ? undefined : { left, right };
  };
  const at = difference(claim.value);
  if (at === undefined) return undefined;
  const scale = Math.max(1, Math.abs(at.left), Math.abs(at.right));
  if (Math.abs(at.left - at.right) <= 1e-9 * scale) return true;
  const decimals = Math.max(claim.decimals, equation.left.decimals, equation.right.decimals);
  if (decimals === 0) return false;
  if (Math.abs(at.left - at.right) <= 0.01 * scale) return true;
  const half = 0.5 * 10 ** -Math.max(claim.decimals, 1);
  const below = difference(claim.value - half);
  const above = difference(claim.value + half);
  if (below === undefined || above === undefined) return undefined;
  return Math.sign(below.left - below.right) !== Math.sign(above.left - above.right);
}

/** A side that is one name alone (`p`, `x_1`): the left of a claimed value. */
const BARE_NAME = /^\s*[A-Za-z](?:_\{?\w+\}?)?\s*$/;

/** The `=` pairs of the step's LaTeX formulas, as written. */
function equationsOf(step: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const formula of splitFormulas(step).formulas) {
    const cleaned = formula.replace(/\\(?:left|right|displaystyle|[;:! ])/g, ' ').replace(/&/g, ' ');
    const { sides, relations } = splitRelations(cleaned);
    relations.forEach((relation, index) => {
      if (relation === 'equals')
        pairs.push([(sides[index] as string).trim(), (sides[index + 1] as string).trim()]);
    });
  }
  return pairs;
}

/**
 * Checks each equation in one variable that the step writes (`2p = 0.58`, `3x + 5 = 17`) at the
 * values the same step claims for that variable (`p = 0.58`, `x = \frac{12}{3} = 4`): `wrong` when
 * it fails at every claimed value (the claim does not solve the step's own equation). Equations in
 * two variables, functions, units, percents and degrees are left alone; so are steps that weigh
 * alternatives, cases or trials (`either x = 0 or ...`, `if x = -3, then ...`), state goals (`we
 * need to solve the equations ...`) or take the value back (`falsely`, `was incorrect`). An equation
 * stated in an earlier step is not used: measured on PRMBench, the variable is too often another
 * case's (`x - 3 = 0`, then `x - 7 = 0, so x = 7`).
 */
export function checkClaimedValues(step: string): EquationVerdict[] {
  const pairs = equationsOf(step);
  if (!pairs.some(([left, right]) => BARE_NAME.test(left) || BARE_NAME.test(right))) return [];
  if (ALTERNATIVES.test(step) || GOALS_OR_RETRACTED.test(step)) return [];
  const claims = new Map<string, Claim[]>();
  const equations: Equation[] = [];
  for (const [leftText, rightText] of pairs) {
    const left = readSymbolic(leftText);
    const right = readSymbolic(rightText);
    if (left === undefined || right === undefined) continue;
    const [named, constant] = left.bare && right.variable === undefined ? [left, right] : [right, left];
    if (named.bare && constant.variable === undefined) {
      const value = typeof constant.json === 'number' ? constant.json : valueAt(constant, '_', 0);
      if (value !== undefined) {
        const list = claims.get(named.variable as string) ?? [];
        list.push({ value, decimals: constant.decimals });
        claims.set(named.variable as string, list);
      }
      continue;
    }
    if (left.bare || right.bare) continue;
    if (left.variable !== undefined && right.variable !== undefined && left.variable !== right.variable)
      continue;
    const variable = left.variable ?? right.variable;
    if (variable !== undefined) equations.push({ text: `${leftText} = ${rightText}`, left, right, variable });
  }
  const verdicts: EquationVerdict[] = [];
  for (const equation of equations) {
    const claimed = claims.get(equation.variable);
    if (claimed === undefined) continue;
    if (claimed.some((claim) => holdsAt(equation, claim) !== false)) continue;
    const shown = claimed.map((claim) => Number(claim.value.toPrecision(10))).join(' or ');
    verdicts.push({
      text: equation.text,
      verdict: 'wrong',
      reason: `the step claims ${equation.variable} = ${shown}, which does not satisfy its own equation`,
    });
  }
  return verdicts;
}
