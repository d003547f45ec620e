import { describe, expect, it } from 'vitest';
import { ComputeLedger } from './compute-ledger.js';
import type { Continuation } from './types.js';

function continuation(text: string): Continuation {
  return { text, stop: 'end', promptTokens: 10, completionTokens: 5, logprob: null };
}

describe('ComputeLedger', () => {
  it('counts the steps of a whole-solution generation as the strategies split them', () => {
    const ledger = new ComputeLedger();
    ledger.recordGeneration({ n: 3, untilStepEnd: false, seed: 1 }, [
      continuation('Step one.\n\nStep two.\n\nSo the answer is 4.'),
      // Extra blank lines and a blank line holding spaces separate steps too; no empty steps.
      continuation('First.\n\n\n\nSecond.\n  \nThird.\n\n'),
      continuation(''),
    ]);
    // 3 + 3 + 1 (an empty generation still counts as one step generated).
    expect(ledger.totals()).toMatchObject({
      generatorCalls: 1,
      generatedSequences: 3,
      generatedSteps: 7,
      promptTokens: 30,
      completionTokens: 15,
    });
    ledger.recordGeneration({ n: 2, untilStepEnd: true, seed: 2 }, [continuation('a'), continuation('b')]);
    expect(ledger.totals().generatedSteps).toBe(9);
  });
});
