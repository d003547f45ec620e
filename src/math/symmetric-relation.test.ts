import { describe, expect, it } from 'vitest';
import { compareSymmetricRelations } from './symmetric-relation.js';
import { equal, notEqual, type Verdict } from './verdict.js';

/** Sides compared by their text without spaces (the verifier compares them as values). */
const sameText = (gold: string, pred: string): Verdict =>
  gold.replace(/\s/g, '') === pred.replace(/\s/g, '')
    ? equal('structural', 'same')
    : notEqual('text', 'differ');

describe('compareSymmetricRelations', () => {
  it('takes the same relation with its sides in either order', () => {
    expect(compareSymmetricRelations('x\\sim -5', '-5\\sim x', sameText)?.verdict).toBe('equal');
    expect(compareSymmetricRelations('x\\cong y+z', 'y + z \\cong x', sameText)?.verdict).toBe('equal');
    expect(compareSymmetricRelations('x≆ y+z', 'y+z \\ncong x', sameText)?.verdict).toBe('equal');
    expect(compareSymmetricRelations('AB \\parallel CD', '$AB ∥ CD$', sameText)?.method).toBe(
      'symmetric-relation/structural',
    );
  });

  it('refuses another relation, other sides, or no relation', () => {
    expect(compareSymmetricRelations('x\\sim -5', '-5\\nsim x', sameText)?.verdict).toBe('not_equal');
    expect(compareSymmetricRelations('x\\sim -5', '-5\\sim y', sameText)?.verdict).toBe('not_equal');
    // No such relation in the prediction (words, two relations): left to the other rules.
    expect(compareSymmetricRelations('x\\sim -5', '-5', sameText)).toBeUndefined();
    expect(compareSymmetricRelations('x\\sim y', 'x \\sim y \\sim z', sameText)).toBeUndefined();
    // Named figures: their letters and order are the answer (a red team of stop 39 was paid these).
    const values = (): Verdict => equal('numeric', 'any value');
    const triangles = '\\triangle ABC \\sim \\triangle DEF';
    expect(compareSymmetricRelations(triangles, '\\triangle \\sim \\triangle', values)?.verdict).toBe(
      'not_equal',
    );
    expect(compareSymmetricRelations(triangles, '\\triangle ABC \\sim \\triangle EFD', values)?.verdict).toBe(
      'not_equal',
    );
    expect(compareSymmetricRelations(triangles, '\\triangle DEF \\sim \\triangle ABC', values)?.verdict).toBe(
      'equal',
    );
    expect(
      compareSymmetricRelations('\\angle ABC \\cong \\angle DEF', '\\angle BAC \\cong \\angle DEF', values)
        ?.verdict,
    ).toBe('not_equal');
  });

  it('reads a segment or a line named by two points in either order', () => {
    const values = (): Verdict => notEqual('numeric', 'no value reading');
    expect(compareSymmetricRelations('AB \\parallel CD', 'BA \\parallel DC', values)?.verdict).toBe('equal');
    expect(
      compareSymmetricRelations(
        '\\overline{AB} \\cong \\overline{CD}',
        '\\overline{DC} \\cong \\overline{BA}',
        values,
      )?.verdict,
    ).toBe('equal');
    expect(
      compareSymmetricRelations('\\angle ABC \\cong \\angle DEF', '\\angle BAC \\cong \\angle DEF', values)
        ?.verdict,
    ).toBe('not_equal');
  });

  it('leaves golds that are no symmetric relation to the other rules', () => {
    expect(compareSymmetricRelations('x = 5', '5 = x', sameText)).toBeUndefined();
    expect(compareSymmetricRelations('\\simeq', 'x', sameText)).toBeUndefined();
    expect(compareSymmetricRelations('x \\sim y = z', 'z', sameText)).toBeUndefined();
    expect(compareSymmetricRelations(undefined, 'x', sameText)).toBeUndefined();
  });
});
