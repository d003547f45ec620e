import { describe, expect, it } from 'vitest';
import { normalizeAnswer } from './normalize.js';
import { parseAnswer } from './parse-answer.js';
import { emptyConjunction } from './relation-conjunction.js';

function read(text: string) {
  const normalized = normalizeAnswer(text);
  return emptyConjunction(parseAnswer(normalized.text, normalized.percent), text);
}

describe('emptyConjunction', () => {
  it('is the empty set for bounds joined by "and" that no number meets', () => {
    expect(read('x \\le -2 \\text{ and } x \\ge 7')).toEqual({ kind: 'set', items: [] });
    expect(read('x < 1 and x > 1')).toEqual({ kind: 'set', items: [] });
  });

  it('leaves overlapping bounds, a touching closed end, "or", commas and two names alone', () => {
    expect(read('x \\ge 2 \\text{ and } x < 5')).toBeUndefined();
    expect(read('x \\le 1 \\text{ and } x \\ge 1')).toBeUndefined();
    expect(read('x \\le -2 \\text{ or } x \\ge 7')).toBeUndefined();
    expect(read('x \\le -2, x \\ge 7')).toBeUndefined();
    expect(read('x \\le -2 \\text{ and } y \\ge 7')).toBeUndefined();
    expect(read('x = 2 \\text{ and } x = 3')).toBeUndefined();
  });
});
