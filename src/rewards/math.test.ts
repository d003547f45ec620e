import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import type { ComponentResult } from '../core/result.js';
import type { ScoreContext } from '../core/reward-kind.js';
import type { Sample } from '../core/sample.js';
import { mathReward } from './math.js';

function context(budgetMs = 5_000): ScoreContext {
  return { steps: [], deadline: performance.now() + budgetMs, signal: new AbortController().signal };
}

function score(sample: Partial<Sample>, options: unknown = {}, budgetMs?: number): ComponentResult {
  const scorer = mathReward.create(mathReward.optionsSchema.parse(options), {
    concurrency: 1,
    allowUnsandboxed: false,
  });
  return scorer.score({ id: 's', response: '', ...sample } as Sample, context(budgetMs)) as ComponentResult;
}

describe('math reward', () => {
  it('scores 1 with details when the final answer equals the gold', () => {
    const result = score({ response: 'So $x = \\boxed{\\frac{1}{2}}$.', reference: { answer: '0.5' } });
    expect(result).toMatchObject({ score: 1, status: 'correct' });
    expect(result.details).toMatchObject({
      extracted: '\\frac{1}{2}',
      gold: '0.5',
      verdict: 'equal',
      method: 'number',
      normalized: '\\frac{1}{2}',
    });
    expect(result.details['reason']).toEqual(expect.any(String));
  });

  it('scores 0 (a decided zero) when it differs', () => {
    expect(score({ response: '#### 17', reference: { answer: '18' } })).toMatchObject({
      score: 0,
      status: 'incorrect',
      details: { verdict: 'not_equal', extracted: '17' },
    });
  });

  it('extracts the gold from a full GSM8K solution', () => {
    const gold = 'She makes 9 * 2 = $<<9*2=18>>18 every day.\n#### 18';
    expect(score({ response: 'The answer is 18.', reference: { answer: gold } })).toMatchObject({
      score: 1,
      details: { gold: '18' },
    });
  });

  it('is unparseable (score null, RK_UNPARSEABLE), not zero, when no answer is found', () => {
    const result = score({ response: 'I cannot solve this.', reference: { answer: '3' } });
    expect(result).toMatchObject({ score: null, status: 'unparseable', error: { code: 'RK_UNPARSEABLE' } });
    expect(result.details['verdict']).toBe('undecidable');
  });

  it('respects lastNumberFallback: false', () => {
    expect(
      score({ response: 'the total is 12', reference: { answer: '12' } }, { lastNumberFallback: false }),
    ).toMatchObject({
      status: 'unparseable',
    });
  });

  it('reports a timeout when the deadline has passed', () => {
    expect(score({ response: '\\boxed{x^2+2x+1}', reference: { answer: '(x+1)^2' } }, {}, -1)).toMatchObject({
      score: null,
      status: 'timeout',
      error: { code: 'RK_TIMEOUT' },
    });
  });

  it('reports an error, never throws, when the sample has no reference answer', () => {
    expect(score({ response: '\\boxed{1}' })).toMatchObject({
      score: null,
      status: 'error',
      error: { code: 'RK_INPUT_INVALID' },
    });
  });

  it('never throws on garbage responses', () => {
    for (const response of ['', '\\boxed{', '}}}}', '$$$$', '\u0000\uffff', '\\frac{'.repeat(1000)]) {
      expect(() => score({ response, reference: { answer: '1' } })).not.toThrow();
    }
  });

  it('validates its options with defaults', () => {
    const options = mathReward.optionsSchema.parse({});
    expect(options).toMatchObject({ relativeTolerance: 1e-6, percent: 'either', lastNumberFallback: true });
    expect(() => mathReward.optionsSchema.parse({ extraction: ['nonsense'] })).toThrow();
    expect(() => mathReward.optionsSchema.parse({ unknown: 1 })).toThrow();
  });
  it("gives one-byte details strings for a response with a character beyond Latin-1 ('Janet’s'), same text", () => {
    // V8's serializer writes a one-byte string with tag '"' and a two-byte one with 'c' (after padding).
    const twoByte = (text: string): boolean => {
      const bytes = serialize(text);
      let index = 2;
      while (bytes[index] === 0) index++;
      return bytes[index] === 0x63;
    };
    const response = 'Janet’s ducks lay 16 eggs, she eats 3.\nSo 16 - 3 = 13 are left.\nThe answer is 13.';
    const right = score({ response, reference: { answer: '13' } });
    const wrong = score({ response, reference: { answer: '12' } });
    expect(right.details).toMatchObject({ extracted: '13', normalized: '13', parsed: '13' });
    expect(wrong.details['reason']).toBe('13 differs from 12');
    for (const details of [right.details, wrong.details]) {
      for (const key of ['extracted', 'normalized', 'parsed', 'reason']) {
        expect(twoByte(details[key] as string), key).toBe(false);
      }
    }
    // Beyond Latin-1 in the answer itself: kept as it is.
    const euro = score({ response: 'The answer is 13 €.', reference: { answer: '13' } });
    expect(String(euro.details['extracted'])).toContain('13');
  });
});
