import { describe, expect, it } from 'vitest';
import { valueBeforeVerb } from './value-before-verb.js';

describe('valueBeforeVerb', () => {
  it.each([
    ['45 fairies', 'remaining', '45 fairies'],
    ['500 pieces', 'left to be placed', '500 pieces'],
    ['$\\frac{1}{2}$ of the cake', 'left', '$\\frac{1}{2}$ of the cake'],
    ['5 or 6 pieces', 'left', '5 or 6 pieces'],
  ])('%j %j: the value precedes the verb', (before, after, expected) => {
    expect(valueBeforeVerb(before, after)).toBe(expected);
  });

  it.each([
    ['The largest $n$', '34'],
    ['The answer', 'correct'],
    ['The total after 3 days', '45'],
    ['x', 'positive'],
    ['45 fairies', 'not remaining'],
    ['45 fairies', 'remaining, not sure'],
    ['45 fairies', 'remaining or forty six'],
    ['45 fairies', 'remaining, maybe'],
  ])('%j %j: the value (if any) follows the verb', (before, after) => {
    expect(valueBeforeVerb(before, after)).toBeUndefined();
  });
});
