import { describe, expect, it } from 'vitest';
import { unbracedBoxNumber } from './unbraced-box.js';

describe('unbracedBoxNumber', () => {
  it('reads the whole number after an unbraced box', () => {
    expect(unbracedBoxNumber('\\boxed 35.', 6)).toEqual({ content: '35', end: 9 });
    expect(unbracedBoxNumber('\\boxed -12.5 cm', 6)?.content).toBe('-12.5');
    expect(unbracedBoxNumber('\\boxed35', 6)?.content).toBe('35');
    expect(unbracedBoxNumber('\\boxed .5.', 6)).toEqual({ content: '.5', end: 9 });
    expect(unbracedBoxNumber('\\boxed.5', 6)?.content).toBe('.5');
    expect(unbracedBoxNumber('\\boxed -.25', 6)?.content).toBe('-.25');
    expect(unbracedBoxNumber('\\boxed. Then', 6)).toBeUndefined();
  });
  it('reads the rest of the span when the expression goes on from the number', () => {
    expect(unbracedBoxNumber('\\boxed 1/2$.', 6)?.content).toBe('1/2');
    expect(unbracedBoxNumber('\\boxed 3\\sqrt{2}', 6)?.content).toBe('3\\sqrt{2}');
    expect(unbracedBoxNumber('\\boxed 3x. Done', 6)?.content).toBe('3x');
    expect(unbracedBoxNumber('\\boxed 12, 13', 6)?.content).toBe('12, 13');
  });
  it('leaves braces, letters and commands to the usual reading', () => {
    expect(unbracedBoxNumber('\\boxed{35}', 6)).toBeUndefined();
    expect(unbracedBoxNumber('\\boxed A', 6)).toBeUndefined();
    expect(unbracedBoxNumber('\\boxed\\pi', 6)).toBeUndefined();
  });
});
