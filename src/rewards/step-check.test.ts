import { describe, expect, it } from 'vitest';
import { checkEquations } from './equation-check.js';
import { evaluateExact, rational } from './exact-arithmetic.js';
import { stepCheckReward } from './step-check.js';

const context = (steps: string[]) => ({
  steps,
  deadline: Number.POSITIVE_INFINITY,
  signal: new AbortController().signal,
});

describe('evaluateExact', () => {
  it('is exact where floating point is not', () => {
    expect(evaluateExact('0.1 + 0.2')).toEqual(rational(3n, 10n));
    expect(evaluateExact('-(2 + 3) * 2^3 / 4')).toEqual(rational(-10n));
    expect(evaluateExact('$1,200 * 50%')).toEqual(rational(600n));
  });

  it('refuses division by zero and garbage', () => {
    expect(() => evaluateExact('1 / 0')).toThrow(/division by zero/);
    expect(() => evaluateExact('2 + ')).toThrow();
  });
});

describe('checkEquations', () => {
  it('checks plain equations, chains and GSM8K annotations', () => {
    const verdicts = checkEquations(
      'She has 16 - 3 - 4 = 9 eggs, so 9 * 2 = <<9*2=18>>18 = 36 / 2 dollars.',
      true,
    );
    expect(verdicts.map((verdict) => verdict.verdict)).toEqual(['correct', 'correct', 'correct']);
  });

  it('finds a wrong equation and says which sides differ', () => {
    const [verdict] = checkEquations('Then 16 - 3 - 4 = 8 eggs remain.', true);
    expect(verdict?.verdict).toBe('wrong');
    expect(verdict?.reason).toMatch(/16 - 3 - 4/);
    expect(checkEquations('<<5*3=16>>', true)[0]?.verdict).toBe('wrong');
  });

  it('accepts a correctly rounded decimal only when rounding is allowed', () => {
    expect(checkEquations('10 / 3 = 3.33', true)[0]?.verdict).toBe('correct');
    expect(checkEquations('10 / 3 = 3.34', true)[0]?.verdict).toBe('wrong');
    expect(checkEquations('10 / 3 = 3.33', false)[0]?.verdict).toBe('wrong');
  });
});

describe('step_check reward', () => {
  const scorer = stepCheckReward.create(
    { allow_rounding: true, unchecked_step_score: 1 },
    {
      concurrency: 1,
      allowUnsandboxed: false,
    },
  );

  it('scores each step and gives the min over steps', async () => {
    const result = await scorer.score(
      { id: 'a', response: '' },
      context(['2 + 2 = 4', 'No math here.', '3 * 3 = 10']),
    );
    expect(result.stepScores).toEqual([1, 1, 0]);
    expect(result.score).toBe(0);
    expect(result.status).toBe('incorrect');
  });

  it('is undecided, not zero, when there are no steps', async () => {
    const result = await scorer.score({ id: 'a', response: '' }, context([]));
    expect(result.score).toBeNull();
    expect(result.status).toBe('unparseable');
  });
});
