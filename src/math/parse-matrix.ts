import { splitTopLevel } from './braces.js';
import { scalarJson } from './scalar-json.js';
import type { MathJson, MathValue } from './value.js';

/** Parses one answer (a matrix cell or a coefficient); parse-answer.ts passes itself in. */
export type ParseCell = (text: string) => MathValue | undefined;

const MATRIX = /^\\begin\{([pbBvV]?matrix|array)\}(?:\{[^{}]*\})?([\s\S]*)\\end\{\1\}$/;
const MATRIX_BEGIN = /\\begin\{([pbBvV]?matrix|array)\}/g;
/** Largest side of a matrix that takes part in arithmetic (products cost side^3 terms). */
const MAX_ARITHMETIC_SIDE = 8;
/** Most matrices in one sum or product. */
const MAX_OPERANDS = 6;
/** `^{-1}`, `^T`, `^{\top}`, `^2` right after a matrix: inverse, transpose, small power. */
const POSTFIX = /^\s*\^\s*(?:\{\s*(-1|T|\\top|[2-4])\s*\}|(T|[2-4]))/;
/** Largest side of a matrix whose determinant or inverse is expanded (n! terms). */
const MAX_DETERMINANT_SIDE = 4;
/** A gap between matrices: `+ 2`, `- \frac{1}{2} \cdot`, `\times`, `` (a product). */
const GAP = /^([+-])?\s*([\w.]*|\\frac\{[^{}]*\}\{[^{}]*\}|\\frac\d\d)?\s*(\\cdot|\\times)?$/;

/** One `\begin{pmatrix} ... \end{pmatrix}`, cells parsed; undefined when it is not one matrix. */
export function parseMatrix(text: string, parseCell: ParseCell): MathValue | undefined {
  const match = MATRIX.exec(text);
  // `A + B` also spans from the first \begin to the last \end: not one matrix.
  if (match === null || match[2]?.includes(`\\end{${match[1]}}`)) return undefined;
  const rows = splitTopLevel(match[2] ?? '', '\\\\')
    .map((row) => row.trim())
    .filter((row) => row !== '')
    .map((row) => row.split('&').map(parseCell));
  if (rows.length === 0 || rows.some((row) => row.some((cell) => cell === undefined))) return undefined;
  const width = rows[0]?.length ?? 0;
  if (rows.some((row) => row.length !== width)) return undefined;
  return { kind: 'matrix', rows: rows as MathValue[][] };
}

/** The matrix environments of `text` and the text between them, or undefined when none. */
function splitAtMatrices(
  text: string,
): { matrices: string[]; gaps: string[]; postfixes: (string | undefined)[] } | undefined {
  const matrices: string[] = [];
  const gaps: string[] = [];
  const postfixes: (string | undefined)[] = [];
  let cursor = 0;
  MATRIX_BEGIN.lastIndex = 0;
  for (let begin = MATRIX_BEGIN.exec(text); begin !== null; begin = MATRIX_BEGIN.exec(text)) {
    if (begin.index < cursor) continue;
    const end = `\\end{${begin[1]}}`;
    const endAt = text.indexOf(end, begin.index);
    if (endAt < 0) return undefined;
    gaps.push(text.slice(cursor, begin.index).trim());
    matrices.push(text.slice(begin.index, endAt + end.length));
    cursor = endAt + end.length;
    const postfix = POSTFIX.exec(text.slice(cursor, cursor + 16));
    postfixes.push(postfix === null ? undefined : (postfix[1] ?? postfix[2]));
    if (postfix !== null) cursor += postfix[0].length;
    MATRIX_BEGIN.lastIndex = cursor;
    if (matrices.length > MAX_OPERANDS) return undefined;
  }
  if (matrices.length === 0) return undefined;
  gaps.push(text.slice(cursor).trim());
  return { matrices, gaps, postfixes };
}

type Grid = MathJson[][];

function toGrid(matrix: MathValue | undefined): Grid | undefined {
  if (matrix?.kind !== 'matrix') return undefined;
  if (matrix.rows.length > MAX_ARITHMETIC_SIDE || (matrix.rows[0]?.length ?? 0) > MAX_ARITHMETIC_SIDE)
    return undefined;
  const grid = matrix.rows.map((row) => row.map((cell) => scalarJson(cell)));
  return grid.some((row) => row.some((cell) => cell === undefined)) ? undefined : (grid as Grid);
}

function multiply(left: Grid, right: Grid): Grid | undefined {
  const inner = left[0]?.length ?? 0;
  if (inner !== right.length) return undefined;
  const width = right[0]?.length ?? 0;
  return left.map((row) =>
    Array.from({ length: width }, (_, column): MathJson => {
      const terms = row.map(
        (cell, k): MathJson => ['Multiply', cell, (right[k] as MathJson[])[column] as MathJson],
      );
      return terms.length === 1 ? (terms[0] as MathJson) : ['Add', ...terms];
    }),
  );
}

/** Readable text of an entry built here (shown in `details`; never re-parsed). */
function render(json: MathJson): string {
  if (!Array.isArray(json)) {
    if (typeof json === 'number' || typeof json === 'string') return String(json);
    if ('num' in json) return json.num;
    if ('sym' in json) return json.sym;
    return json.str;
  }
  const [head, ...args] = json as [string, ...MathJson[]];
  const wrap = (arg: MathJson) => (Array.isArray(arg) && arg[0] === 'Add' ? `(${render(arg)})` : render(arg));
  switch (head) {
    case 'Add':
      return args.map(render).join(' + ');
    case 'Multiply':
      return args.map(wrap).join(' \\cdot ');
    case 'Negate':
      return `-${wrap(args[0] as MathJson)}`;
    case 'Divide':
      return `${wrap(args[0] as MathJson)}/(${render(args[1] as MathJson)})`;
    case 'Rational':
      return `${render(args[0] as MathJson)}/${render(args[1] as MathJson)}`;
    default:
      return `${head}(${args.map(render).join(', ')})`;
  }
}

function minor(grid: Grid, row: number, column: number): Grid {
  return grid.filter((_, i) => i !== row).map((cells) => cells.filter((_, j) => j !== column));
}

/** The determinant by cofactor expansion along the first row (square, side <= 4). */
export function determinant(grid: Grid): MathJson | undefined {
  const side = grid.length;
  if (side === 0 || side > MAX_DETERMINANT_SIDE || grid.some((row) => row.length !== side)) return undefined;
  if (side === 1) return (grid[0] as MathJson[])[0] as MathJson;
  const terms = (grid[0] as MathJson[]).map((cell, column): MathJson => {
    const term: MathJson = ['Multiply', cell, determinant(minor(grid, 0, column)) as MathJson];
    return column % 2 === 0 ? term : ['Negate', term];
  });
  return ['Add', ...terms];
}

/** The inverse as adjugate / determinant (a singular matrix gives entries that do not evaluate). */
function inverse(grid: Grid): Grid | undefined {
  const det = determinant(grid);
  if (det === undefined) return undefined;
  if (grid.length === 1) return [[['Divide', 1, det]]];
  return grid.map((row, i) =>
    row.map((_, j): MathJson => {
      const cofactor = determinant(minor(grid, j, i)) as MathJson;
      return ['Divide', (i + j) % 2 === 0 ? cofactor : ['Negate', cofactor], det];
    }),
  );
}

function transpose(grid: Grid): Grid {
  return (grid[0] ?? []).map((_, column) => grid.map((row) => row[column] as MathJson));
}

function applyPostfix(grid: Grid, postfix: string | undefined): Grid | undefined {
  if (postfix === undefined) return grid;
  if (postfix === 'T' || postfix === '\\top') return transpose(grid);
  if (postfix === '-1') return inverse(grid);
  let power: Grid | undefined = grid;
  for (let count = 1; count < Number(postfix) && power !== undefined; count++) power = multiply(power, grid);
  return power;
}

/** `\det A` or a `vmatrix`: the determinant of a square matrix, as an expression value. */
function parseDeterminant(text: string, parseCell: ParseCell): MathValue | undefined {
  const vertical = /^\\begin\{vmatrix\}([\s\S]*)\\end\{vmatrix\}$/.exec(text);
  const operand =
    vertical !== null
      ? `\\begin{pmatrix}${vertical[1]}\\end{pmatrix}`
      : /^\\det\s*(?:\(\s*([\s\S]*)\s*\)|([\s\S]*))$/
          .exec(text)
          ?.slice(1)
          .find((part) => part !== undefined);
  if (operand === undefined) return undefined;
  const grid = toGrid(parseMatrixExpression(operand.trim(), parseCell));
  const det = grid === undefined ? undefined : determinant(grid);
  return det === undefined ? undefined : { kind: 'expression', json: det, text: render(det) };
}

/**
 * A matrix, or matrix arithmetic written out: `A + B`, `A - 2B`, `AB`, `A \cdot B`, `3A`,
 * `\frac{1}{2} A`, `A^{-1}`, `A^T`, `A^2` (A, B written as matrix environments), evaluated entry by
 * entry to one matrix; or a determinant (`\det A`, a `vmatrix`), an expression value. Matrix entries
 * are expressions (compared exactly or numerically like any value). Undefined when
 * the text is anything else or the shapes do not fit (`AB` needs A's columns = B's rows).
 */
export function parseMatrixExpression(text: string, parseCell: ParseCell): MathValue | undefined {
  if (!text.includes('\\begin{')) return undefined;
  if (text.startsWith('\\det') || text.startsWith('\\begin{vmatrix}'))
    return parseDeterminant(text, parseCell);
  const single = parseMatrix(text, parseCell);
  if (single !== undefined) return single;
  const split = splitAtMatrices(text);
  if (split === undefined || (split.gaps.at(-1) ?? '') !== '') return undefined;
  let sum: Grid | undefined;
  let term: Grid | undefined;
  let termScale: MathJson | undefined;
  const closeTerm = (): boolean => {
    if (term === undefined) return true;
    const scale = termScale;
    const scaled =
      scale === undefined ? term : term.map((row) => row.map((cell): MathJson => ['Multiply', scale, cell]));
    if (sum === undefined) sum = scaled;
    else {
      const current = sum;
      if (current.length !== scaled.length || (current[0]?.length ?? 0) !== (scaled[0]?.length ?? 0))
        return false;
      sum = current.map((row, i) =>
        row.map((cell, j): MathJson => ['Add', cell, (scaled[i] as MathJson[])[j] as MathJson]),
      );
    }
    term = undefined;
    return true;
  };
  for (let index = 0; index < split.matrices.length; index++) {
    const gap = GAP.exec(split.gaps[index] ?? '');
    if (gap === null) return undefined;
    const [, sign, coefficientText, product] = gap;
    const operand = toGrid(parseMatrix(split.matrices[index] as string, parseCell));
    const matrix = operand === undefined ? undefined : applyPostfix(operand, split.postfixes[index]);
    if (matrix === undefined) return undefined;
    const startsTerm = index === 0 || sign !== undefined;
    if (!startsTerm) {
      // Juxtaposition, `\cdot` or `\times` between two matrices: their product.
      if (coefficientText !== undefined && coefficientText !== '') return undefined;
      const product = term === undefined ? undefined : multiply(term, matrix);
      if (product === undefined) return undefined;
      term = product;
      continue;
    }
    if (index === 0 && sign === '+') return undefined;
    if (index > 0 && sign === undefined) return undefined;
    if (product !== undefined && (coefficientText === undefined || coefficientText === '')) return undefined;
    if (!closeTerm()) return undefined;
    let scale: MathJson | undefined;
    if (coefficientText !== undefined && coefficientText !== '') {
      const coefficient = parseCell(coefficientText);
      scale = coefficient === undefined ? undefined : scalarJson(coefficient);
      if (scale === undefined) return undefined;
    }
    if (sign === '-') scale = scale === undefined ? -1 : ['Negate', scale];
    termScale = scale;
    term = matrix;
  }
  if (!closeTerm() || sum === undefined) return undefined;
  return {
    kind: 'matrix',
    rows: sum.map((row) => row.map((json): MathValue => ({ kind: 'expression', json, text: render(json) }))),
  };
}
