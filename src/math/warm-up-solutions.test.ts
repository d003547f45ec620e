import { describe, expect, it } from 'vitest';
import { verifyAnswer } from './verify.js';
import { composedSolution } from './warm-up-solutions.js';

describe('composed word-problem solutions of the warm-up', () => {
  it('composes the same pair from the same seed, and other pairs from other seeds', () => {
    expect(composedSolution(17)).toEqual(composedSolution(17));
    const distinct = new Set(Array.from({ length: 200 }, (_, seed) => composedSolution(seed).join('\u0000')));
    expect(distinct.size).toBeGreaterThan(190);
  });

  it('takes both verdicts, decimal golds and trailing spaces', () => {
    // A warm-up that only ever took one verdict's path would leave the other cold: each kind of
    // outcome must come up often among the seeds the warm-up uses.
    const pairs = Array.from({ length: 400 }, (_, seed) => composedSolution(seed));
    const outcomes = pairs.map(([gold, response]) => verifyAnswer(gold, response));
    const share = (count: number) => count / pairs.length;
    expect(share(outcomes.filter((outcome) => outcome.verdict === 'equal').length)).toBeGreaterThan(0.2);
    expect(share(outcomes.filter((outcome) => outcome.verdict === 'not_equal').length)).toBeGreaterThan(0.2);
    expect(share(pairs.filter(([gold]) => gold.includes('.')).length)).toBeGreaterThan(0.2);
    expect(share(pairs.filter(([, response]) => /\s$/.test(response)).length)).toBeGreaterThan(0.2);
  });

  it('reads the answer it composed: a right answer is equal, one off by one is not', () => {
    // The closing "So the answer is N dollars." with N the gold or the gold + 1.
    const checked: string[] = [];
    for (let seed = 0; seed < 400; seed++) {
      const [gold, response] = composedSolution(seed);
      const closing = /So the answer is (\d+)(?:\.0+)? dollars\.\s*$/.exec(response);
      if (closing === null) continue;
      const expected = Number(closing[1]) === Number(gold) ? 'equal' : 'not_equal';
      expect(verifyAnswer(gold, response).verdict, response).toBe(expected);
      checked.push(expected);
    }
    expect(checked).toContain('equal');
    expect(checked).toContain('not_equal');
  });
});
