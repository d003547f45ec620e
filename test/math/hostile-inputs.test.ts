/**
 * Hostile inputs end in a deterministic outcome: the verdict and the budget (or rule) that decides
 * it. Their time is measured by `bench/math/hostile.ts`, never asserted here.
 */
import { describe, expect, it } from 'vitest';
import { verifyAnswer } from '../../src/math/verify.js';
import { HOSTILE_INPUTS } from './hostile-inputs.js';

describe('hostile math inputs', () => {
  it.each(HOSTILE_INPUTS.map((input) => ({ ...input, label: input.name })))(
    '$label: $verdict by $method',
    ({ gold, response, verdict, method }) => {
      const outcome = verifyAnswer(gold, response, undefined, Number.POSITIVE_INFINITY);
      expect({ verdict: outcome.verdict, method: outcome.method }).toEqual({ verdict, method });
    },
  );
});
