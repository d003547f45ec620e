import { describe, expect, it } from 'vitest';
import { nestedRows } from './compare-collection.js';
import { parseAnswer } from './parse-answer.js';
import { verifyAnswer } from './verify.js';

describe('a matrix written as the list of its rows', () => {
  it('reads nested tuples of one length as rows', () => {
    const value = parseAnswer('[[1, 2], [3, 4]]', false, 0);
    expect(value === undefined ? undefined : nestedRows(value)?.length).toBe(2);
    const ragged = parseAnswer('[[1, 2], [3]]', false, 0);
    expect(ragged === undefined ? undefined : nestedRows(ragged)).toBeUndefined();
  });

  it('equals the pmatrix with those entries, either side the gold (MARIO_EVAL README)', () => {
    const pmatrix = '\\begin{pmatrix} 1 & \\frac12 \\\\ 1/3 & \\sqrt4 \\end{pmatrix}';
    expect(verifyAnswer(pmatrix, '[[1.0, 1/2],[0.3333, 2.0]]').verdict).toBe('equal');
    expect(verifyAnswer('[[1, 2], [3, 4]]', '\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}').verdict).toBe(
      'equal',
    );
    expect(verifyAnswer('\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}', '[[1, 3], [2, 4]]').verdict).toBe(
      'not_equal',
    );
    expect(verifyAnswer('\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}', '[[1, 2, 3], [4, 5, 6]]').verdict).toBe(
      'not_equal',
    );
  });
});
