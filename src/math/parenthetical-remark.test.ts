import { describe, expect, it } from 'vitest';
import { withoutParentheticalRemark } from './parenthetical-remark.js';

describe('withoutParentheticalRemark', () => {
  it.each([
    ['4 (Thursday is the fourth day of the week).', '4'],
    ['$12$ (in square units)', '$12$'],
    // The value's condition (red team of stop 35).
    ['18 (obtained with $a=3$)', '18'],
    ['18 (when a = 3).', '18'],
  ])('%j drops its remark', (phrase, expected) => {
    expect(withoutParentheticalRemark(phrase)).toBe(expected);
  });

  it.each([
    '4 (or five)',
    '4 (i.e. 5)',
    '4 (x = 5 works too)',
    '4 (x = 5)',
    '(a, b)',
    'f(x)',
    '5 (apples)',
    '4 (possibly forty days)',
    'A (but B is also possible)',
    'A (though we cannot rule out B)',
    'Tuesday (but it might be Monday)',
  ])('%j stays as it is', (phrase) => {
    expect(withoutParentheticalRemark(phrase)).toBe(phrase);
  });
});
