import { describe, expect, it } from 'vitest';
import type { ComponentResult } from '../core/result.js';
import type { ScoreContext } from '../core/reward-kind.js';
import { formatReward } from './format.js';

const context: ScoreContext = {
  steps: [],
  deadline: Number.POSITIVE_INFINITY,
  signal: new AbortController().signal,
};

function scoreWith(options: unknown, response: string): ComponentResult {
  const parsed = formatReward.optionsSchema.parse(options);
  const scorer = formatReward.create(parsed, { concurrency: 1, allowUnsandboxed: false });
  return scorer.score({ id: 'x', response }, context) as ComponentResult;
}

describe('format reward', () => {
  it('accepts think then answer tags in order', () => {
    const result = scoreWith({ tags: ['think', 'answer'] }, '<think>2+2</think>\n<answer>4</answer>');
    expect(result).toMatchObject({ score: 1, status: 'correct' });
  });

  it('names the missing, repeated, unclosed or misordered tag', () => {
    const tags = { tags: ['think', 'answer'] };
    expect(scoreWith(tags, '<answer>4</answer>').details['reason']).toBe('no <think> tag');
    expect(scoreWith(tags, '<think>a</think><think>b</think><answer>4</answer>').details['reason']).toBe(
      '<think> appears 2 times',
    );
    expect(scoreWith(tags, '<think>a</think><answer>4').details['reason']).toBe('<answer> is not closed');
    expect(scoreWith(tags, '<answer>4</answer><think>a</think>').details['reason']).toBe(
      '<answer> is out of order',
    );
  });

  it('with strict, refuses text outside the tags but allows white space', () => {
    const strict = { tags: ['think', 'answer'], strict: true };
    expect(scoreWith(strict, ' <think>a</think>\n<answer>4</answer>\n').score).toBe(1);
    expect(scoreWith(strict, 'so: <think>a</think><answer>4</answer>').details['reason']).toBe(
      'text outside the required tags',
    );
  });

  it('matches a pattern across lines by default, and the whole response with full', () => {
    expect(scoreWith({ pattern: '<answer>.*</answer>' }, '<answer>\n4\n</answer>').score).toBe(1);
    expect(scoreWith({ pattern: 'answer: \\d+', full: true }, 'so answer: 4').score).toBe(0);
    expect(scoreWith({ pattern: 'answer: \\d+', full: true }, ' answer: 4 ').score).toBe(1);
  });

  it('refuses options without a pattern or tags, and invalid regexes', () => {
    expect(formatReward.optionsSchema.safeParse({}).success).toBe(false);
    expect(formatReward.optionsSchema.safeParse({ pattern: '(' }).success).toBe(false);
    expect(formatReward.optionsSchema.safeParse({ tags: ['a b'] }).success).toBe(false);
  });
});

describe('format reward with client patterns', () => {
  it('refuses patterns the linear-time engine cannot run, naming the reason', () => {
    const parsed = formatReward.optionsSchema.safeParse({ pattern: '(\\w+) \\1' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['pattern']);
    expect(parsed.error?.issues[0]?.message).toMatch(/backreference/);
  });

  it('scores a catastrophic pattern on a hostile response without backtracking', () => {
    const response = `${'a'.repeat(50_000)}!`;
    expect(scoreWith({ pattern: '^(a+)+$', flags: '' }, response)).toMatchObject({ score: 0 });
    expect(scoreWith({ pattern: '(a|aa)+', full: true }, response).details['reason']).toMatch(/in full/);
  });
});
