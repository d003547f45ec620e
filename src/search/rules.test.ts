import { describe, expect, it } from 'vitest';
import { groupAnswers } from './answer-groups.js';
import { multinomialResample } from './resample.js';
import { selectFinal } from './select-final.js';
import { difficultyBin, fitComputeOptimal, quantileEdges } from './strategies/compute-optimal.js';
import { spreadExpansions } from './strategies/expand-step.js';
import { childPriors, type MctsNode, puctScore } from './strategies/mcts.js';
import { particleWeights } from './strategies/particle-filtering.js';
import { allocateExpansions } from './strategies/rebase.js';
import type { Candidate } from './types.js';
import { logit, softmax, softmaxWeights } from './weights.js';

function scripted(values: number[]): () => number {
  let index = 0;
  return () => values[index++ % values.length] as number;
}

function candidate(answer: string | null, score: number | null, finished = true): Candidate {
  return { steps: [`so \\boxed{${answer}}`], finished, stepScores: null, score, answer, logprob: null };
}

describe('weights', () => {
  it('logit and softmax by hand', () => {
    expect(logit(0.5)).toBe(0);
    expect(logit(0.75)).toBeCloseTo(Math.log(3), 12);
    expect(logit(1)).toBeCloseTo(Math.log((1 - 1e-7) / 1e-7), 6); // clipped, finite
    expect(softmax([0, Math.log(3)])).toEqual([0.25, 0.75].map((value) => expect.closeTo(value, 12)));
    const root3 = Math.sqrt(3);
    expect(softmax([0, Math.log(3)], 2)[1]).toBeCloseTo(root3 / (1 + root3), 12);
    // The unnormalized weights: exp((R - 0.9) / 0.2) = 1, e^-2, e^-4 (REBASE's balance weights).
    expect(softmaxWeights([0.9, 0.5, 0.1], 0.2)).toEqual(
      [1, Math.exp(-2), Math.exp(-4)].map((value) => expect.closeTo(value, 12)),
    );
    expect(softmaxWeights([])).toEqual([]);
  });

  it('particle weights are softmax(logit(r) / T)', () => {
    // logit(0.5) = 0, logit(0.75) = ln 3: weights 1/4 and 3/4 at T = 1.
    const [low, high] = particleWeights([0.5, 0.75], 1);
    expect(low).toBeCloseTo(0.25, 12);
    expect(high).toBeCloseTo(0.75, 12);
  });
});

describe('multinomial resampling', () => {
  it('draws by the cumulative weights', () => {
    // cumulative [0.25, 1.0]: 0.1 -> 0, 0.3 -> 1, 0.9 -> 1, 0.2 -> 0
    expect(multinomialResample([0.25, 0.75], 4, scripted([0.1, 0.3, 0.9, 0.2]))).toEqual([0, 1, 1, 0]);
  });
  it('falls back to uniform when every weight is zero', () => {
    expect(multinomialResample([0, 0, 0, 0], 2, scripted([0.1, 0.6]))).toEqual([0, 2]);
  });
});

describe('REBASE allocation', () => {
  it('hands out ceil(B * exp(R/T) / remaining mass) to the best first', () => {
    // exp((R - 0.9) / 0.2) = 1, e^-2, e^-4; total 1.1536: ceil(8 / 1.1536) = 7, then ceil(1 * 0.881) = 1, then 0.
    expect(allocateExpansions([0.9, 0.5, 0.1], 8, 0.2)).toEqual([7, 1, 0]);
    // Input order is kept.
    expect(allocateExpansions([0.1, 0.9, 0.5], 8, 0.2)).toEqual([0, 7, 1]);
    // Equal rewards share evenly; widths add up to B.
    expect(allocateExpansions([0.5, 0.5, 0.5, 0.5], 8, 0.2)).toEqual([2, 2, 2, 2]);
  });
});

describe('PUCT', () => {
  const node = (visits: number, total: number, value: number, prior: number): MctsNode => ({
    steps: [],
    prior,
    value,
    stepScores: null,
    visits,
    total,
    children: [],
    finished: false,
    logprob: null,
    index: 0,
  });
  it('Q + c P sqrt(N) / (1 + n), with the PRM value for unvisited children', () => {
    // unvisited: 0.6 + 1.25 * 0.5 * 2 / 1 = 1.85
    expect(puctScore(node(0, 0, 0.6, 0.5), 4, 1.25)).toBeCloseTo(1.85, 12);
    // visited twice, W = 1: 0.5 + 1.25 * 0.5 * 2 / 3
    expect(puctScore(node(2, 1, 0.6, 0.5), 4, 1.25)).toBeCloseTo(0.5 + 1.25 / 3, 12);
  });
  it('priors are the softmax of mean token log-probabilities', () => {
    const priors = childPriors([
      { logprob: -1, completionTokens: 2 },
      { logprob: -4, completionTokens: 4 },
    ]);
    expect(priors[0]).toBeCloseTo(1 / (1 + Math.exp(-0.5)), 12);
    expect(
      childPriors([
        { logprob: null, completionTokens: 3 },
        { logprob: -1, completionTokens: 1 },
      ]),
    ).toEqual([0.5, 0.5]);
  });
});

describe('final selection', () => {
  const pool = [candidate('\\frac12', 0.3), candidate('0.5', 0.3), candidate('3', 0.9)];
  it('groups answers by equivalence, not by string', () => {
    expect(groupAnswers(['\\frac12', '0.5', '1/2', '2', null])).toEqual([
      { answer: '\\frac12', members: [0, 1, 2] },
      { answer: '2', members: [3] },
    ]);
  });
  it('a repeated answer text joins the group its first occurrence joined, in order', () => {
    expect(groupAnswers(['3', '1/2', '0.5', '3', '0.5', null, '1/2'])).toEqual([
      { answer: '3', members: [0, 3] },
      { answer: '1/2', members: [1, 2, 4, 6] },
    ]);
  });
  it('best, majority and weighted votes', () => {
    expect(selectFinal(pool, 'best')).toMatchObject({ index: 2, support: 0.9 });
    // {1/2, 0.5}: 2 votes against 1.
    expect(selectFinal(pool, 'majority_vote')).toMatchObject({ index: 0, support: 2, groups: 2 });
    // 0.3 + 0.3 = 0.6 < 0.9
    expect(selectFinal(pool, 'weighted_vote')).toMatchObject({ index: 2, groups: 2 });
    expect(selectFinal(pool, 'weighted_vote').support).toBeCloseTo(0.9, 12);
  });
  it('prefers finished candidates and survives unscored ones', () => {
    const mixed = [candidate('7', 0.99, false), candidate('8', null), candidate('9', 0.1)];
    expect(selectFinal(mixed, 'best').index).toBe(2);
    expect(selectFinal([], 'best').index).toBe(-1);
  });
});

describe('compute-optimal fitting', () => {
  it('bins by quantiles and keeps the most accurate choice per bin and budget', () => {
    expect(quantileEdges([0.1, 0.2, 0.3, 0.4], 2)).toEqual([0.3]);
    expect(difficultyBin(0.25, [0.3])).toBe(0);
    expect(difficultyBin(0.3, [0.3])).toBe(1);
    const beam = { strategy: 'beam_search', options: {} };
    const bon = { strategy: 'best_of_n', options: {} };
    const outcome = (
      problemId: number,
      difficulty: number,
      choice: typeof beam,
      correct: boolean,
      tokens = 100,
    ) => ({
      problemId,
      difficulty,
      choice,
      budget: 4,
      correct,
      completionTokens: tokens,
    });
    const table = fitComputeOptimal(
      [
        // hard problems (0.1, 0.2): beam search right twice, best-of-N once
        outcome(1, 0.1, beam, true),
        outcome(2, 0.2, beam, true),
        outcome(1, 0.1, bon, true),
        outcome(2, 0.2, bon, false),
        // easy problems (0.8, 0.9): both right twice; best-of-N is cheaper
        outcome(3, 0.8, beam, true, 300),
        outcome(4, 0.9, beam, true, 300),
        outcome(3, 0.8, bon, true),
        outcome(4, 0.9, bon, true),
      ],
      2,
    );
    expect(table.edges).toEqual([0.8]);
    expect(table.choices['4']).toEqual([beam, bon]);
  });
  it('spreads expansions evenly', () => {
    expect(spreadExpansions(10, 3)).toEqual([4, 3, 3]);
    expect(spreadExpansions(4, 0)).toEqual([]);
  });
});
