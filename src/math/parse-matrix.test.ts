import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { parseAnswer } from './parse-answer.js';
import { parseMatrixExpression } from './parse-matrix.js';
import type { MathValue } from './value.js';

const M = (body: string) => `\\begin{pmatrix}${body}\\end{pmatrix}`;
const parseCell = (text: string) => parseAnswer(text, false);

/** The entries of a parsed matrix, evaluated to numbers. */
function entries(value: MathValue | undefined): number[][] {
  if (value?.kind !== 'matrix') throw new Error(`not a matrix: ${value?.kind}`);
  return value.rows.map((row) =>
    row.map((cell) => {
      if (cell.kind === 'number') return cell.approx;
      if (cell.kind !== 'expression') throw new Error('not a scalar');
      return evaluate(cell.json, new Map()).re;
    }),
  );
}

describe('parseMatrixExpression', () => {
  it('reads one matrix', () => {
    expect(entries(parseMatrixExpression(M('1 & 2 \\\\ 3 & 4'), parseCell))).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('adds, subtracts and scales entry by entry', () => {
    expect(
      entries(parseMatrixExpression(`${M('1 & 2 \\\\ 3 & 4')} + ${M('5 & 6 \\\\ 7 & 8')}`, parseCell)),
    ).toEqual([
      [6, 8],
      [10, 12],
    ]);
    expect(entries(parseMatrixExpression(`3${M('1 \\\\ 2')} - 2${M('2 \\\\ 2')}`, parseCell))).toEqual([
      [-1],
      [2],
    ]);
    expect(entries(parseMatrixExpression(`\\frac{1}{2}${M('2 \\\\ 4')}`, parseCell))).toEqual([[1], [2]]);
    expect(entries(parseMatrixExpression(`-${M('1 & -2')}`, parseCell))).toEqual([[-1, 2]]);
  });

  it('multiplies rows by columns, in the written order', () => {
    const swap = M('0 & 1 \\\\ 1 & 0');
    const a = M('1 & 2 \\\\ 3 & 4');
    // A * swap exchanges A's columns; swap * A exchanges its rows.
    expect(entries(parseMatrixExpression(`${a} ${swap}`, parseCell))).toEqual([
      [2, 1],
      [4, 3],
    ]);
    expect(entries(parseMatrixExpression(`${swap} \\cdot ${a}`, parseCell))).toEqual([
      [3, 4],
      [1, 2],
    ]);
    // (1x2) (2x2) (2x1) = 1x1: [1 2] [[1 2] [3 4]] = [7 10]; [7 10] [1; 1] = 17.
    expect(entries(parseMatrixExpression(`${M('1 & 2')}${a}${M('1 \\\\ 1')}`, parseCell))).toEqual([[17]]);
  });

  it('inverts, transposes and raises to small powers; a vmatrix or \\det is the determinant', () => {
    const a = M('1 & 2 \\\\ 3 & 4');
    // det = 1*4 - 2*3 = -2; inverse = [[4, -2], [-3, 1]] / -2.
    expect(entries(parseMatrixExpression(`${a}^{-1}`, parseCell))).toEqual([
      [-2, 1],
      [1.5, -0.5],
    ]);
    expect(entries(parseMatrixExpression(`${a}^T`, parseCell))).toEqual([
      [1, 3],
      [2, 4],
    ]);
    expect(entries(parseMatrixExpression(`${a}^2`, parseCell))).toEqual([
      [7, 10],
      [15, 22],
    ]);
    const det = parseMatrixExpression('\\begin{vmatrix}1 & 2 \\\\ 3 & 4\\end{vmatrix}', parseCell);
    expect(det?.kind === 'expression' && evaluate(det.json, new Map()).re).toBe(-2);
    // 3x3: det [[2,0,1],[1,3,2],[1,1,1]] = 2(3-2) - 0 + 1(1-3) = 0.
    const singular = parseMatrixExpression(
      `\\det ${M('2 & 0 & 1 \\\\ 1 & 3 & 2 \\\\ 1 & 1 & 1')}`,
      parseCell,
    );
    expect(singular?.kind === 'expression' && evaluate(singular.json, new Map()).re).toBe(0);
  });

  it('refuses shapes that do not fit and text that is not matrix arithmetic', () => {
    expect(parseMatrixExpression(`${M('1 \\\\ 2')} + ${M('1 & 0 \\\\ 0 & 1')}`, parseCell)).toBeUndefined();
    expect(parseMatrixExpression(`${M('1 \\\\ 2')} ${M('1 \\\\ 2')}`, parseCell)).toBeUndefined();
    expect(parseMatrixExpression(`${M('1 \\\\ 2')} = ${M('1 \\\\ 2')}`, parseCell)).toBeUndefined();
    expect(parseMatrixExpression(`${M('1 \\\\ 2')} 3`, parseCell)).toBeUndefined();
    expect(parseMatrixExpression('x + 1', parseCell)).toBeUndefined();
  });
});
