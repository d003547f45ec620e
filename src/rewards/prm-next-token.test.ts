import { describe, expect, it } from 'vitest';
import { verdictProbability } from './genprm-verdicts.js';
import { labelProbability } from './prm-next-token.js';

describe('label probabilities from next-token logprobs', () => {
  it('normalizes P(+) against P(-), whitespace variants summed', () => {
    const top = { '+': Math.log(0.6), ' +': Math.log(0.1), '-': Math.log(0.1), ' the': Math.log(0.2) };
    expect(labelProbability(top, ['+'], ['-'])).toBeCloseTo(0.7 / 0.8, 12);
    expect(labelProbability({ ' the': -1 }, ['+'], ['-'])).toBeUndefined();
  });

  it('reads a verdict token as P(yes) / (P(yes) + P(no)), case-insensitively', () => {
    const position = {
      token: ' Yes',
      logprob: Math.log(0.5),
      top_logprobs: [
        { token: ' Yes', logprob: Math.log(0.5) },
        { token: 'yes', logprob: Math.log(0.1) },
        { token: ' No', logprob: Math.log(0.2) },
      ],
    };
    expect(verdictProbability(position)).toBeCloseTo(0.6 / 0.8, 12);
  });
});
