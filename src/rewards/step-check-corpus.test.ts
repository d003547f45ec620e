import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkEquations } from './equation-check.js';

/**
 * The step checker's corpus: real solution steps (PRMBench and GSM8K excerpts, each line names
 * its source) and a few hand-written ones, each labelled `wrong` (the checker must find a wrong
 * equation) or `no_wrong` (it must not). See test/fixtures/step-check/solution-steps.jsonl.
 */
interface CorpusStep {
  source: string;
  step: string;
  expect: 'wrong' | 'no_wrong';
  note?: string;
}

const corpus: CorpusStep[] = readFileSync(
  new URL('../../test/fixtures/step-check/solution-steps.jsonl', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as CorpusStep);

describe('step checker corpus of real solution steps', () => {
  it('holds both corrupted and correct steps from both sources', () => {
    for (const source of ['PRMBench', 'GSM8K']) {
      const fromSource = corpus.filter((entry) => entry.source.includes(source));
      expect(fromSource.some((entry) => entry.expect === 'wrong')).toBe(true);
      expect(fromSource.some((entry) => entry.expect === 'no_wrong')).toBe(true);
    }
  });

  it.each(corpus.map((entry) => [`${entry.source}: ${entry.step.slice(0, 60)}`, entry] as const))(
    '%s',
    (_name, entry) => {
      const verdicts = checkEquations(entry.step, true);
      const wrong = verdicts.filter((verdict) => verdict.verdict === 'wrong');
      if (entry.expect === 'wrong') expect(wrong.length, JSON.stringify(verdicts)).toBeGreaterThan(0);
      else expect(wrong, JSON.stringify(verdicts)).toEqual([]);
    },
  );
});
