import { describe, expect, it } from 'vitest';
import type { SearchRunLine } from './run-problems.js';
import { summarizeRuns } from './summarize-runs.js';

function line(problem: number, seed: number, correct: boolean | null, completionTokens = 10): SearchRunLine {
  return {
    problem_id: problem,
    line: problem,
    strategy: 'best_of_n',
    budget: 4,
    seed,
    status: 'ok',
    answer: '1',
    correct,
    response: '1',
    selection: null,
    compute: {
      generatorCalls: 1,
      generatedSequences: 4,
      generatedSteps: 4,
      promptTokens: 5,
      completionTokens,
      verifierCalls: 1,
      verifiedSolutions: 4,
      wallMs: 2,
      cost: null,
    },
    error: null,
  };
}

describe('summarizeRuns', () => {
  it('gives the mean accuracy over seeds with a 95% band, 1.96 * sd / sqrt(seeds)', () => {
    // Seed accuracies 1, 1/2 and 0 (the undecided line left out): mean 1/2, sample sd 1/2.
    const [point] = summarizeRuns([
      line(1, 0, true),
      line(2, 0, true),
      line(1, 1, true),
      line(2, 1, false),
      line(1, 2, false),
      line(2, 2, false),
      line(3, 2, null, 40),
    ]);
    expect(point).toMatchObject({ strategy: 'best_of_n', budget: 4, seeds: 3, problems: 3, errors: 0 });
    expect(point?.accuracy).toBeCloseTo(0.5, 12);
    expect(point?.halfWidth).toBeCloseTo((1.96 * 0.5) / Math.sqrt(3), 12);
    expect(point?.completionTokens).toBeCloseTo(100 / 7, 12);
  });

  it('has no band with one seed', () => {
    const [point] = summarizeRuns([line(1, 0, true), line(2, 0, false)]);
    expect(point).toMatchObject({ accuracy: 0.5, halfWidth: 0, seeds: 1 });
  });
});
