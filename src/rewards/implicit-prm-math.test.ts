import { describe, expect, it } from 'vitest';
import { implicitStepRewards, locateSteps } from './implicit-prm-math.js';

describe('implicit step rewards', () => {
  it('sums beta * (log pi_theta - log pi_ref) over each step’s tokens (hand-computed)', () => {
    // Sequence "Q: A\n\nB" : prompt "Q: " (offsets 0-2), step 1 "A" at 3, separator "\n\n" at 4-5,
    // step 2 "B" at 6. Tokens: "Q"@0, ": "@1, "A"@3, "\n\n"@4, "B"@6.
    const policy = [
      { text: 'Q', offset: 0, logprob: null },
      { text: ': ', offset: 1, logprob: -1 },
      { text: 'A', offset: 3, logprob: -0.5 },
      { text: '\n\n', offset: 4, logprob: -0.1 },
      { text: 'B', offset: 6, logprob: -2 },
    ];
    const reference = [
      { text: 'Q', offset: 0, logprob: null },
      { text: ': ', offset: 1, logprob: -3 },
      { text: 'A', offset: 3, logprob: -1.5 },
      { text: '\n\n', offset: 4, logprob: -0.3 },
      { text: 'B', offset: 6, logprob: -1 },
    ];
    // Step 1 = tokens "A" and "\n\n": 0.5 * ((-0.5 + 1.5) + (-0.1 + 0.3)) = 0.5 * 1.2 = 0.6.
    // Step 2 = token "B": 0.5 * (-2 + 1) = -0.5. The prompt token ": " does not count.
    const result = implicitStepRewards(policy, reference, [3, 6], 7, 0.5);
    expect('rewards' in result && result.rewards[0]).toBeCloseTo(0.6, 12);
    expect('rewards' in result && result.rewards[1]).toBeCloseTo(-0.5, 12);
  });

  it('refuses a response token without a log-probability', () => {
    const tokens = [{ text: 'A', offset: 0, logprob: null }];
    expect(implicitStepRewards(tokens, tokens, [0], 1, 1)).toEqual({
      problem: "no log-probability for token 0 ('A') of the response",
    });
  });

  it('locates steps in order inside the response', () => {
    expect(locateSteps('x = 1\n\nx = 1\n\ny', ['x = 1', 'x = 1', 'y'], 10)).toEqual([10, 17, 24]);
    expect(locateSteps('abc', ['zzz'], 0)).toEqual([undefined]);
  });
});
