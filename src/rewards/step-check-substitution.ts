import { evaluate, type MathJson, normalizeAnswer, parseAnswer } from '../math/index.js';
import type { EquationVerdict } from './equation-check.js';
import { splitRelations } from './latex-equation.js';
import { ARITHMETIC_HEADS, CONSTANT_SYMBOLS, ELLIPSIS_OR_LIMIT } from './latex-side.js';

/**
 * A value claimed for an unknown (`p = 0.58`) checked against an equation in it stated in the same
 * step (`2p = 0.58`): PRMBench's injected errors are often a wrong solution of an equation the step
 * itself writes, which exact arithmetic of constants cannot see.
 */

/** A side of a LaTeX equation read as arithmetic in a few free variables. */
interface SymbolicSide {
  json: MathJson;
  /** The free variables (none for a constant side). */
  variables: string[];
  /** The side is one variable alone (`p`). */
  bare: boolean;
  /** Decimal places of the most precise decimal literal in the side (0 when none). */
  decimals: number;
}

/** Letters that are constants or notation more often than unknowns. */
const NOT_UNKNOWNS = new Set(['e', 'i', 'd', 'E', 'Pi', 'pi', 'Half']);
const MAX_SIDE_CHARS = 200;
/** Equations in more unknowns than this are left alone. */
const MAX_VARIABLES = 3;
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

/** A LaTeX side as arithmetic in at most 3 free variables, or undefined (functions, units, text). */
export function readSymbolic(latex: string): SymbolicSide | undefined {
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
  if (value.kind === 'number') return { json: value.approx, variables: [], bare: false, decimals };
  if (value.kind !== 'expression') return undefined;
  const variables = freeVariables(value.json, new Set());
  if (variables === undefined || variables.size > MAX_VARIABLES) return undefined;
  return { json: value.json, variables: [...variables], bare: typeof value.json === 'string', decimals };
}

/** The real value of a side at the given values of its variables, or undefined where it has none. */
export function valueAt(side: SymbolicSide, at: ReadonlyMap<string, number>): number | undefined {
  try {
    const complex = evaluate(side.json, at);
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
  variables: string[];
}

/** Every assignment of the claimed values to the equation's variables (a few at most). */
function assignments(variables: string[], claims: Map<string, Claim[]>): Map<string, Claim>[] {
  let all: Map<string, Claim>[] = [new Map()];
  for (const variable of variables) {
    const values = claims.get(variable) ?? [];
    all = all.flatMap((partial) => values.map((claim) => new Map([...partial, [variable, claim]])));
  }
  return all.slice(0, 64);
}

/**
 * Does the equation hold at the claimed values? Exactly up to 1e-9 relative; and when a decimal
 * literal is written (in a claim or the equation), the writer may have rounded: it holds when the
 * two sides agree to 1%, or when left - right changes sign (or vanishes) as one claimed value
 * moves within half a unit of its last written place.
 */
function holdsAt(equation: Equation, claimed: Map<string, Claim>): boolean | undefined {
  const difference = (shift: string | undefined, by: number) => {
    const at = new Map([...claimed].map(([name, claim]) => [name, claim.value + (name === shift ? by : 0)]));
    const left = valueAt(equation.left, at);
    const right = valueAt(equation.right, at);
    return left === undefined || right === undefined ? undefined : left - right;
  };
  const left = valueAt(equation.left, new Map([...claimed].map(([name, claim]) => [name, claim.value])));
  const right = valueAt(equation.right, new Map([...claimed].map(([name, claim]) => [name, claim.value])));
  if (left === undefined || right === undefined) return undefined;
  const scale = Math.max(1, Math.abs(left), Math.abs(right));
  if (Math.abs(left - right) <= 1e-9 * scale) return true;
  const decimals = Math.max(
    equation.left.decimals,
    equation.right.decimals,
    ...[...claimed.values()].map((claim) => claim.decimals),
  );
  if (decimals === 0) return false;
  if (Math.abs(left - right) <= 0.01 * scale) return true;
  for (const [name, claim] of claimed) {
    const half = 0.5 * 10 ** -Math.max(claim.decimals, 1);
    const below = difference(name, -half);
    const above = difference(name, half);
    if (below === undefined || above === undefined) return undefined;
    if (Math.sign(below) !== Math.sign(above)) return true;
  }
  return false;
}

/**
 * Letters written side by side (`ab = 85`, `\\overline{ba}`) are most often the digits of a number,
 * not a product: such an equation is left alone.
 */
const DIGITS = /^\s*(?:\\overline\{\s*)?[A-Za-z]{2,4}\s*\}?\s*[.,]?\s*$/;

/** A side that is one name alone (`p`, `x_1`): the left of a claimed value. */
const BARE_NAME = /^\s*[A-Za-z](?:_\{?\w+\}?)?\s*$/;

/** The `=` pairs of LaTeX formulas, as written. */
function equationsOf(formulas: string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (const formula of formulas) {
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
 * Checks each equation in unknowns that the step writes in its LaTeX `formulas` (see
 * splitFormulas: `2p = 0.58`, `100a+10b+c = 320`) at the values the same step claims for all of
 * its unknowns (`p = 0.58`, `x = \\frac{12}{3} = 4`; at most 3 unknowns): `wrong` when it fails at
 * every combination of claimed values (the claim does not solve the step's own equation).
 * Functions, units, percents, degrees and letters side by side (`ab = 85`, digits) are left alone;
 * so are steps that weigh alternatives, cases or trials (`either x = 0 or ...`, `if x = -3, then
 * ...`), state goals (`we need to solve the equations ...`) or take the value back (`falsely`,
 * `was incorrect`). An equation stated in an earlier step is not used: measured on PRMBench, the
 * unknown is there too often another case's (`x - 3 = 0`, then `x - 7 = 0, so x = 7`). The full
 * step text is read only for those words.
 */
export function checkClaimedValues(step: string, formulas: string[]): EquationVerdict[] {
  const pairs = equationsOf(formulas);
  if (!pairs.some(([left, right]) => BARE_NAME.test(left) || BARE_NAME.test(right))) return [];
  if (ALTERNATIVES.test(step) || GOALS_OR_RETRACTED.test(step)) return [];
  const claims = new Map<string, Claim[]>();
  const equations: Equation[] = [];
  for (const [leftText, rightText] of pairs) {
    const left = readSymbolic(leftText);
    const right = readSymbolic(rightText);
    if (left === undefined || right === undefined) continue;
    const [named, constant] = left.bare && right.variables.length === 0 ? [left, right] : [right, left];
    if (named.bare && constant.variables.length === 0) {
      const value = valueAt(constant, new Map());
      const name = named.variables[0] as string;
      if (value !== undefined)
        claims.set(name, [...(claims.get(name) ?? []), { value, decimals: constant.decimals }]);
      continue;
    }
    if (left.bare || right.bare || DIGITS.test(leftText) || DIGITS.test(rightText)) continue;
    const variables = [...new Set([...left.variables, ...right.variables])];
    if (variables.length > 0 && variables.length <= MAX_VARIABLES)
      equations.push({ text: `${leftText} = ${rightText}`, left, right, variables });
  }
  const verdicts: EquationVerdict[] = [];
  for (const equation of equations) {
    if (!equation.variables.every((variable) => claims.has(variable))) continue;
    const cases = assignments(equation.variables, claims);
    if (cases.some((claimed) => holdsAt(equation, claimed) !== false)) continue;
    const shown = equation.variables
      .map(
        (variable) =>
          `${variable} = ${(claims.get(variable) as Claim[]).map((claim) => Number(claim.value.toPrecision(10))).join(' or ')}`,
      )
      .join(', ');
    verdicts.push({
      text: equation.text,
      verdict: 'wrong',
      reason: `the step claims ${shown}, which does not satisfy its own equation`,
    });
  }
  return verdicts;
}
