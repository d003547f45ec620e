import { describe, expect, it } from 'vitest';
import type { ComponentResult } from '../core/result.js';
import type { ScoreContext } from '../core/reward-kind.js';
import type { Sample } from '../core/sample.js';
import { compareText, extractAnswerTag, matchReward, normalizeAnswer, tokenF1 } from './match.js';

const context: ScoreContext = {
  steps: [],
  deadline: Number.POSITIVE_INFINITY,
  signal: new AbortController().signal,
};

function scoreWith(options: unknown, sample: Sample): ComponentResult {
  const parsed = matchReward.optionsSchema.parse(options);
  return matchReward
    .create(parsed, { concurrency: 1, allowUnsandboxed: false })
    .score(sample, context) as ComponentResult;
}

describe('match reward', () => {
  it('normalizes as SQuAD: lowercase, no punctuation, no articles, single spaces', () => {
    expect(normalizeAnswer('  The Eiffel  Tower! ')).toBe('eiffel tower');
    expect(normalizeAnswer('An apple, a day.')).toBe('apple day');
  });

  it('token F1: "the cat sat" vs "a cat sat down" -> P = 2/2, R = 2/3, F1 = 0.8', () => {
    expect(tokenF1('the cat sat', 'a cat sat down')).toBeCloseTo(0.8, 12);
    expect(tokenF1('cat cat', 'cat')).toBeCloseTo(2 / 3, 12); // common 1: P = 1/2, R = 1
    expect(tokenF1('dog', 'cat')).toBe(0);
    expect(tokenF1('the', 'a')).toBe(1); // both empty after normalization
  });

  it('compares by mode', () => {
    expect(compareText('Paris', ' Paris ', 'exact')).toBe(1);
    expect(compareText('Paris', 'paris', 'exact')).toBe(0);
    expect(compareText('Paris', 'paris.', 'normalized')).toBe(1);
    expect(compareText('Paris', 'It is Paris, France', 'contains')).toBe(1);
    expect(compareText('Lyon', 'It is Paris', 'contains')).toBe(0);
  });

  it('reads reference.text (or a list of them), falling back to reference.answer', () => {
    expect(scoreWith({}, { id: 'a', response: 'PARIS', reference: { text: 'paris' } }).score).toBe(1);
    expect(scoreWith({}, { id: 'a', response: 'NYC', reference: { text: ['New York', 'NYC'] } }).score).toBe(
      1,
    );
    expect(scoreWith({ mode: 'exact' }, { id: 'a', response: '18', reference: { answer: '18' } }).score).toBe(
      1,
    );
  });

  it('extracts from the last <answer> tag when asked; no tag is unparseable, not zero', () => {
    const options = { extract_answer_tag: true };
    expect(extractAnswerTag('<answer>1</answer> then <answer>2</answer>')).toBe('2');
    expect(
      scoreWith(options, { id: 'a', response: 'x <answer>Paris</answer>', reference: { text: 'paris' } })
        .score,
    ).toBe(1);
    const missing = scoreWith(options, { id: 'a', response: 'Paris', reference: { text: 'paris' } });
    expect(missing).toMatchObject({ score: null, status: 'unparseable', error: { code: 'RK_UNPARSEABLE' } });
  });

  it('without any reference, reports an error instead of a silent zero', () => {
    expect(scoreWith({}, { id: 'a', response: 'x' })).toMatchObject({ score: null, status: 'error' });
  });
});
