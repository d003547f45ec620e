import { describe, expect, it } from 'vitest';
import { NUMBER, NUMBER_BREAKERS } from './last-number.js';
import { breakerTable, lastMatchInTail } from './tail-scan.js';

/** The reference: every match from the start, the last one kept. */
function lastOfFullScan(text: string, pattern: RegExp): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) last = match;
  return last;
}

const summary = (match: RegExpExecArray | undefined) =>
  match === undefined ? undefined : { index: match.index, text: match[0] };

/** A small deterministic generator (mulberry32), so a failure reproduces. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Pieces that make numbers and their neighbours dense: every character class NUMBER reads. */
const PIECES = [
  ...'0123456789',
  ...'0123456789',
  '-',
  '.',
  ',',
  ' ',
  '\u00a0',
  '\n',
  '/',
  '%',
  '\\%',
  'percent',
  ' percent',
  '7 percent',
  '\\tfrac{1}{3}',
  ' π',
  '√',
  '\\frac{12}{5}',
  '\\dfrac{-3}{4.5}',
  '\\cdot',
  '{',
  '}',
  'x',
  'A',
  'and',
  'or',
  '=',
  '$',
  '(',
  ')',
  ':',
  'H2O',
  ' 000',
  'e',
  'rt',
];

describe('lastMatchInTail', () => {
  it('finds what a scan of the whole text finds last (NUMBER, random texts)', () => {
    const random = generator(9);
    for (let round = 0; round < 3_000; round++) {
      const length = 1 + Math.floor(random() * 220);
      let text = '';
      while (text.length < length) text += PIECES[Math.floor(random() * PIECES.length)];
      const tail = 1 + Math.floor(random() * 40);
      const expected = summary(lastOfFullScan(text, NUMBER));
      expect(summary(lastMatchInTail(text, NUMBER, NUMBER_BREAKERS, tail)), JSON.stringify(text)).toEqual(
        expected,
      );
    }
  });

  it('reads a number that starts before the tail whole, and looks further back when the tail has none', () => {
    const long = `The total is ${'1,'.repeat(40)}5 apples`;
    expect(lastMatchInTail(long, NUMBER, NUMBER_BREAKERS, 10)?.[0]).toBe(`${'1,'.repeat(40)}5`);
    const early = `x = 42${' and then some words'.repeat(20)}`;
    expect(lastMatchInTail(early, NUMBER, NUMBER_BREAKERS, 16)?.[0]).toBe('42');
    expect(lastMatchInTail('no digits here', NUMBER, NUMBER_BREAKERS, 4)).toBeUndefined();
  });

  it('refuses a non-ASCII breaker', () => {
    expect(() => breakerTable('π')).toThrow(/ASCII/);
  });
});
