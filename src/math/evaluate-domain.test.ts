import { describe, expect, it } from 'vitest';
import { evaluateOnRealDomain } from './evaluate.js';

const at = (x: number) => new Map([['x', x]]);
const left = (json: Parameters<typeof evaluateOnRealDomain>[0], x: number) =>
  evaluateOnRealDomain(json, at(x)).leftRealDomain;

describe('evaluateOnRealDomain', () => {
  it('marks a root or a log of a negative number on the way', () => {
    expect(left(['Multiply', ['Sqrt', 'x'], ['Sqrt', ['Add', 'x', 1]]], -2.5)).toBe(true);
    expect(left(['Ln', 'x'], -1)).toBe(true);
    expect(left(['Power', 'x', 0.5], -1)).toBe(true);
  });
  it('leaves real evaluations and integer powers unmarked', () => {
    expect(left(['Sqrt', ['Add', ['Power', 'x', 2], 'x']], -2.5)).toBe(false);
    expect(left(['Power', 'x', 3], -2)).toBe(false);
  });
  it('gives the value with the mark (sqrt(x) sqrt(x+1) at -2.5 is -sqrt(3.75))', () => {
    const { value } = evaluateOnRealDomain(['Multiply', ['Sqrt', 'x'], ['Sqrt', ['Add', 'x', 1]]], at(-2.5));
    expect(value.re).toBeCloseTo(-Math.sqrt(3.75), 12);
  });
});
