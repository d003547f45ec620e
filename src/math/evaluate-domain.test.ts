import { describe, expect, it } from 'vitest';
import { evaluate, leftRealDomain } from './evaluate.js';

const at = (x: number) => new Map([['x', x]]);

describe('leftRealDomain', () => {
  it('marks a root or a log of a negative number on the way', () => {
    evaluate(['Multiply', ['Sqrt', 'x'], ['Sqrt', ['Add', 'x', 1]]], at(-2.5));
    expect(leftRealDomain()).toBe(true);
    evaluate(['Ln', 'x'], at(-1));
    expect(leftRealDomain()).toBe(true);
    evaluate(['Power', 'x', 0.5], at(-1));
    expect(leftRealDomain()).toBe(true);
  });
  it('leaves real evaluations and integer powers unmarked', () => {
    evaluate(['Sqrt', ['Add', ['Power', 'x', 2], 'x']], at(-2.5));
    expect(leftRealDomain()).toBe(false);
    evaluate(['Power', 'x', 3], at(-2));
    expect(leftRealDomain()).toBe(false);
  });
});
