import type { EquationVerdict } from './equation-check.js';
import { readLatexSide, roundsToLiteral, type SideReading, type SideValue, sameValue } from './latex-side.js';

type Relation = 'equals' | 'approx' | 'other';

/** Top-level relation symbols; only `=` and `\approx` are checked, the rest end a chain. */
const RELATIONS: [string, Relation][] = [
  ['\\approx', 'approx'],
  ['\\Longrightarrow', 'other'],
  ['\\Rightarrow', 'other'],
  ['\\rightarrow', 'other'],
  ['\\implies', 'other'],
  ['\\equiv', 'other'],
  ['\\qquad', 'other'],
  ['\\quad', 'other'],
  ['\\cong', 'other'],
  ['\\neq', 'other'],
  ['\\leq', 'other'],
  ['\\geq', 'other'],
  ['\\iff', 'other'],
  ['\\sim', 'other'],
  ['\\ne', 'other'],
  ['\\le', 'other'],
  ['\\ge', 'other'],
  ['\\lt', 'other'],
  ['\\gt', 'other'],
  ['\\to', 'other'],
  ['\\\\', 'other'],
  ['≈', 'approx'],
  ['≠', 'other'],
  ['≤', 'other'],
  ['≥', 'other'],
  ['=', 'equals'],
  ['<', 'other'],
  ['>', 'other'],
  [';', 'other'],
];

/** Splits `a = b \approx c < d` at relations outside brackets and braces. */
export function splitRelations(latex: string): { sides: string[]; relations: Relation[] } {
  const sides: string[] = [];
  const relations: Relation[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < latex.length; index++) {
    const char = latex[index] as string;
    if (depth === 0) {
      const found = RELATIONS.find(
        ([symbol]) =>
          latex.startsWith(symbol, index) &&
          !(/^\\[A-Za-z]/.test(symbol) && /[A-Za-z]/.test(latex[index + symbol.length] ?? '')),
      );
      if (found !== undefined) {
        sides.push(latex.slice(start, index));
        relations.push(found[1]);
        start = index + found[0].length;
        index = start - 1;
        continue;
      }
    }
    if (char === '\\') {
      const next = latex[index + 1];
      if (next === '{' || next === '(' || next === '[') depth++;
      else if (next === '}' || next === ')' || next === ']') depth--;
      index++;
    } else if (char === '{' || char === '(' || char === '[') depth++;
    else if (char === '}' || char === ')' || char === ']') depth = Math.max(0, depth - 1);
  }
  sides.push(latex.slice(start));
  return { sides, relations };
}

const show = (reading: SideReading) =>
  Number.isInteger(reading.approx) ? String(reading.approx) : String(Number(reading.approx.toPrecision(10)));

/** Is `right` a rounding of `left` (either way round) that a writer may state with `=`? */
function roundedEither(left: SideReading, right: SideReading): boolean {
  for (const [value, literal] of [
    [left, right],
    [right, left],
  ] as const) {
    const decimals = literal.literalDecimals;
    if (decimals !== undefined && decimals >= 1 && roundsToLiteral(value, literal, decimals)) return true;
  }
  return false;
}

function checkPair(
  text: string,
  left: SideValue,
  right: SideValue,
  relation: 'equals' | 'approx',
  allowRounding: boolean,
): EquationVerdict {
  if ('notCheckable' in left || 'notCheckable' in right) {
    const reason =
      'notCheckable' in left ? left.notCheckable : (right as { notCheckable: string }).notCheckable;
    return { text, verdict: 'not_checkable', reason };
  }
  const pairs = left.readings.flatMap((l) => right.readings.map((r) => [l, r] as const));
  if (relation === 'approx') {
    const literalOnRight = right.readings.some((reading) => reading.literalDecimals !== undefined);
    const literalOnLeft = left.readings.some((reading) => reading.literalDecimals !== undefined);
    if (!literalOnRight && !literalOnLeft) {
      return { text, verdict: 'not_checkable', reason: 'neither side of ≈ is a decimal number' };
    }
    const holds = pairs.some(([l, r]) =>
      literalOnRight
        ? r.literalDecimals !== undefined && roundsToLiteral(l, r, r.literalDecimals)
        : l.literalDecimals !== undefined && roundsToLiteral(r, l, l.literalDecimals),
    );
    if (holds) return { text, verdict: 'correct' };
    const [l, r] = pairs[0] as readonly [SideReading, SideReading];
    return { text, verdict: 'wrong', reason: `${show(l)} does not round to ${show(r)}` };
  }
  if (pairs.some(([l, r]) => sameValue(l, r) || (allowRounding && roundedEither(l, r)))) {
    return { text, verdict: 'correct' };
  }
  const [l, r] = pairs[0] as readonly [SideReading, SideReading];
  const droppedWords = l.droppedWords ?? r.droppedWords;
  if (droppedWords !== undefined) {
    return {
      text,
      verdict: 'not_checkable',
      reason: `${show(l)} is not equal to ${show(r)} once '${droppedWords}' is read as a unit: a quantity or a variable, not a number`,
    };
  }
  return { text, verdict: 'wrong', reason: `${show(l)} is not equal to ${show(r)}` };
}

/**
 * Checks the equations of one LaTeX formula (the inside of `$...$`): the formula is split at its
 * top-level relations, each side is read whole by the math module (see readLatexSide), and each
 * `=` or `\approx` between two sides is judged: `=` holds when both sides have the same value
 * (with `allowRounding`, also when one side is a decimal literal with d >= 1 places that the other
 * rounds to), `\approx` holds when the exact value rounds to the decimal places stated. A chain
 * `a = b = c` is checked pair by pair; a pair with a side that is not a constant (a variable, a
 * function, text) is `not_checkable`, never judged on a fragment.
 */
export function checkLatexFormula(latex: string, allowRounding: boolean): EquationVerdict[] {
  const cleaned = latex.replace(/\\(?:left|right|displaystyle|[,;:! ])/g, ' ').replace(/&/g, ' ');
  const { sides, relations } = splitRelations(cleaned);
  if (!relations.some((relation) => relation === 'equals' || relation === 'approx')) return [];
  const values = new Map<number, SideValue>();
  const sideValue = (index: number): SideValue => {
    let value = values.get(index);
    if (value === undefined) {
      value = readLatexSide(sides[index] as string);
      values.set(index, value);
    }
    return value;
  };
  const verdicts: EquationVerdict[] = [];
  relations.forEach((relation, index) => {
    if (relation === 'other') return;
    const left = (sides[index] as string).trim();
    const right = (sides[index + 1] as string).trim();
    if (left === '' || right === '') return;
    const text = `${left} ${relation === 'approx' ? '≈' : '='} ${right}`;
    verdicts.push(checkPair(text, sideValue(index), sideValue(index + 1), relation, allowRounding));
  });
  return verdicts;
}

/**
 * Inline `$...$` (Pandoc's rule: no space inside the dollars, no digit right after the closing one;
 * and not ending in `=` or an operator, which is a price before a GSM8K annotation: `$12 x 5 =$<<...>>`).
 */
const INLINE_MATH = /\$(?!\s)((?:[^$\\]|\\[\s\S])+?)(?<![\s=+\-*/×])\$(?![\d<])/g;
const DISPLAY_MATH = /\$\$([\s\S]+?)\$\$|\\\[([\s\S]+?)\\\]|\\\(([\s\S]+?)\\\)/g;

/**
 * The LaTeX formulas of a text and the text with each formula replaced by ` M ` (so that a plain
 * equation scanner sees a word where a formula was and does not read a fragment around it); a
 * formula that is only an operator (`$\\times$`) is put back as that operator.
 * Escaped dollars `\$` are currency and are dropped first.
 */
export function splitFormulas(text: string): { formulas: string[]; prose: string } {
  const formulas: string[] = [];
  const unescaped = text.replace(/\\\$/g, ' ');
  const take = (_match: string, ...groups: unknown[]) => {
    const body = groups.slice(0, 3).find((group) => typeof group === 'string') as string;
    formulas.push(body);
    return ' M ';
  };
  const withoutDisplay = unescaped.replace(DISPLAY_MATH, take);
  const prose = withoutDisplay.replace(INLINE_MATH, (_match, body: string) => {
    const operator = OPERATOR_ONLY[body.trim()];
    if (operator !== undefined) return ` ${operator} `;
    formulas.push(body);
    return ' M ';
  });
  return { formulas, prose };
}

/** A formula that is only an operator (`5 $\times$ 3 = 15`) is that operator in the prose. */
const OPERATOR_ONLY: Record<string, string> = {
  '\\times': '×',
  '\\cdot': '×',
  '\\div': '÷',
  '+': '+',
  '-': '-',
  '=': '=',
};
