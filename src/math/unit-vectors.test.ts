import { describe, expect, it } from 'vitest';
import { parseAnswer } from './parse-answer.js';
import { unitVectorComponents } from './unit-vectors.js';
import { verifyAnswer } from './verify.js';

const COLUMN = parseAnswer('\\begin{pmatrix} 3 \\\\ -1 \\\\ 2 \\end{pmatrix}', false);
const PAIR = parseAnswer('(3, -1)', false);

describe('unitVectorComponents', () => {
  it('reads each term as a coefficient times one unit vector', () => {
    expect(unitVectorComponents(COLUMN, '3\\mathbf{i} - \\mathbf{j} + 2\\mathbf{k}')).toBe('(3, -1, 2)');
    expect(unitVectorComponents(COLUMN, '3\\hat{i} - \\hat{j} + 2\\hat{k}')).toBe('(3, -1, 2)');
    expect(unitVectorComponents(COLUMN, '3\\vec{i} - \\vec{j} + 2\\vec k')).toBe('(3, -1, 2)');
    expect(unitVectorComponents(COLUMN, '3\\hat\\imath - \\hat{\\jmath}')).toBe('(3, -1, 0)');
    expect(unitVectorComponents(COLUMN, '\\vec{v} = -\\mathbf{j} + 3\\mathbf{i}')).toBe('(3, -1, 0)');
    expect(unitVectorComponents(COLUMN, '\\frac{1}{2}\\mathbf{i} - \\sqrt{2}\\,\\mathbf{k}')).toBe(
      '(\\frac{1}{2}, 0, -(\\sqrt{2}))',
    );
    expect(unitVectorComponents(PAIR, '3\\mathbf{i} - \\mathbf{j}')).toBe('(3, -1)');
    // A third component against a pair gold stays a 3-vector (the comparison refuses it).
    expect(unitVectorComponents(PAIR, '3\\mathbf{i} - \\mathbf{j} + \\mathbf{k}')).toBe('(3, -1, 1)');
  });
  it('reads nothing else', () => {
    expect(unitVectorComponents(COLUMN, '3i - j + 2k')).toBeUndefined();
    expect(unitVectorComponents(COLUMN, '3\\mathbf{i} - \\mathbf{j} + 2')).toBeUndefined();
    expect(unitVectorComponents(COLUMN, '3\\mathbf{i} + \\mathbf{i}')).toBeUndefined();
    expect(
      unitVectorComponents(COLUMN, '3\\mathbf{i} - \\mathbf{j} + 2\\mathbf{k} or (1, 2, 3)'),
    ).toBeUndefined();
    expect(unitVectorComponents(COLUMN, '\\mathbf{i}\\mathbf{j}')).toBeUndefined();
    expect(
      unitVectorComponents(COLUMN, '\\mathbf{v} = 3\\mathbf{i} = \\mathbf{i} + 2\\mathbf{j}'),
    ).toBeUndefined();
    expect(unitVectorComponents(COLUMN, '3\\mathbf{i} = 3')).toBeUndefined();
    expect(unitVectorComponents(parseAnswer('5', false), '3\\mathbf{i}')).toBeUndefined();
    expect(unitVectorComponents(parseAnswer('(1, 2, 3, 4)', false), '3\\mathbf{i}')).toBeUndefined();
  });
});

describe('unit vectors against a gold vector (stop 37)', () => {
  it('pay the vector of their components only', () => {
    const verdict = (gold: string, response: string) => verifyAnswer(gold, response).verdict;
    const column = '\\begin{pmatrix} 3 \\\\ -1 \\\\ 2 \\end{pmatrix}';
    expect(verdict(column, '3\\mathbf{i} - \\mathbf{j} + 2\\mathbf{k}')).toBe('equal');
    expect(verdict('(3, -1, 2)', 'So $\\vec{v} = 3\\hat{i} - \\hat{j} + 2\\hat{k}$.')).toBe('equal');
    expect(verdict(column, '3\\mathbf{i} + \\mathbf{j} + 2\\mathbf{k}')).toBe('not_equal');
    expect(verdict(column, '3\\mathbf{i} - \\mathbf{j}')).toBe('not_equal');
    expect(verdict('(3, -1)', '3\\mathbf{i} - \\mathbf{j} + 2\\mathbf{k}')).toBe('not_equal');
    expect(verdict(column, '3\\mathbf{i} - \\mathbf{j} + 2\\mathbf{k} or \\mathbf{i}')).toBe('not_equal');
  });
});
