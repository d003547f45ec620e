import { describe, expect, it } from 'vitest';
import {
  compareSolutionCounts,
  infinitelyManyIn,
  noSolutionIn,
  statesInfinitelyMany,
  statesNoSolution,
} from './solution-count.js';
import type { MathValue } from './value.js';
import { verifyAnswer } from './verify.js';

const text = (words: string): MathValue => ({ kind: 'text', text: words });
const EMPTY: MathValue = { kind: 'set', items: [] };

describe('statesNoSolution and statesInfinitelyMany', () => {
  it('read the words that count the solutions', () => {
    for (const words of ['None', 'no solution', 'There are no real solutions', 'the empty set'])
      expect(statesNoSolution(text(words)), words).toBe(true);
    expect(statesNoSolution(EMPTY)).toBe(true);
    for (const words of ['None of the above', 'none or 5', 'no'])
      expect(statesNoSolution(text(words)), words).toBe(false);
    for (const words of [
      'infinitely many',
      'Infinitely many solutions',
      'there are infinitely many real roots',
    ])
      expect(statesInfinitelyMany(text(words)), words).toBe(true);
    for (const words of [
      'finitely many',
      'infinitely many or finitely many',
      'not infinitely many',
      'infinite',
    ])
      expect(statesInfinitelyMany(text(words)), words).toBe(false);
  });
});

describe('compareSolutionCounts', () => {
  it('is equal for the same claim in other words, undefined otherwise', () => {
    expect(compareSolutionCounts(EMPTY, text('None'))?.verdict).toBe('equal');
    expect(compareSolutionCounts(text('no solution'), EMPTY)?.verdict).toBe('equal');
    expect(compareSolutionCounts(text('infinitely many'), text('infinitely many solutions'))?.verdict).toBe(
      'equal',
    );
    expect(compareSolutionCounts(EMPTY, text('infinitely many'))).toBeUndefined();
    expect(compareSolutionCounts(text('infinitely many'), text('None'))).toBeUndefined();
  });
});

describe('noSolutionIn and infinitelyManyIn', () => {
  it('read a closing sentence', () => {
    expect(noSolutionIn('So there are no real solutions.')).toBe('no real solutions');
    expect(noSolutionIn('None.')).toBe('None');
    expect(noSolutionIn('Therefore, none.')).toBe('none');
    expect(noSolutionIn('**None**')).toBe('None');
    expect(noSolutionIn('None of the above.')).toBeUndefined();
    expect(noSolutionIn('None of them is 5.')).toBeUndefined();
    expect(infinitelyManyIn('There are infinitely many solutions.')).toBe('infinitely many');
    expect(infinitelyManyIn('The system has an infinite number of solutions.')).toBe('infinitely many');
    expect(infinitelyManyIn('There are not infinitely many solutions.')).toBeUndefined();
    expect(infinitelyManyIn("There aren't infinitely many.")).toBeUndefined();
    expect(infinitelyManyIn('Only finitely many, not infinitely many.')).toBeUndefined();
    expect(infinitelyManyIn('There are finitely many solutions.')).toBeUndefined();
  });
});

describe('answers that count the solutions (stop 37)', () => {
  it('pay a gold that makes the same claim, and no other', () => {
    const paid = (gold: string, response: string) => verifyAnswer(gold, response).verdict === 'equal';
    expect(paid('\\varnothing', 'None')).toBe(true);
    expect(paid('\\emptyset', 'None.')).toBe(true);
    expect(paid('\\{\\}', 'None')).toBe(true);
    expect(paid('\\text{no solution}', '\\varnothing')).toBe(true);
    expect(paid('\\text{infinitely many}', 'There are infinitely many solutions.')).toBe(true);
    expect(paid('\\text{infinitely many solutions}', 'infinitely many')).toBe(true);
    // "None" is no number, "None of the above" no answer, and "None or 5" pays neither gold.
    expect(paid('5', 'None')).toBe(false);
    expect(paid('0', 'None')).toBe(false);
    expect(paid('\\varnothing', 'None of the above')).toBe(false);
    expect(paid('\\varnothing', 'None or 5')).toBe(false);
    expect(paid('5', 'None or 5')).toBe(false);
    expect(paid('\\varnothing', 'None, x = 5')).toBe(false);
    expect(paid('\\text{infinitely many}', 'finitely many')).toBe(false);
    expect(paid('\\text{infinitely many}', 'There are finitely many solutions.')).toBe(false);
    expect(paid('\\text{infinitely many}', 'There are not infinitely many solutions.')).toBe(false);
    expect(paid('\\text{infinitely many}', '0')).toBe(false);
    expect(paid('\\text{infinitely many}', 'infinitely many or 3')).toBe(false);
    expect(paid('3', 'infinitely many or 3')).toBe(false);
    expect(paid('\\text{infinitely many}', 'None')).toBe(false);
    expect(paid('\\varnothing', 'There are infinitely many solutions.')).toBe(false);
  });
});
