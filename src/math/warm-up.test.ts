import { describe, expect, it } from 'vitest';
import { DEFAULT_MATH_VERIFY_OPTIONS } from './options.js';
import { verifyAnswer } from './verify.js';
import { TEMPLATES, warmUpOnCreate, warmUpVerifier } from './warm-up.js';

/** Pairs whose answers the warm-up's templates also produce (same shapes, caches shared). */
const PAIRS: [string, string][] = [
  ['\\frac{5}{6}', 'Thus the probability is $\\boxed{\\dfrac{5}{6}}$.'],
  ['7', 'So the answer is 8 pens.'],
  ['[4, \\infty)', 'Therefore $x \\in \\boxed{[4, \\infty)}$.'],
  ['2x + 9', 'Expanding, we get $\\boxed{9 + 2x}$.'],
  ['\\sin^{2}\\theta', 'The answer is $\\sin^2 \\theta$.'],
];

describe('verifier warm-up', () => {
  it('leaves compute-engine loaded and verdicts as the verifier gives them', { timeout: 120_000 }, () => {
    warmUpVerifier();
    // Without the warm-up, `\sin^2 \theta` (read by compute-engine) waits for it to load and can
    // miss a short deadline on a busy machine; after it, a second is plenty.
    const outcomes = PAIRS.map(([gold, response]) =>
      verifyAnswer(gold, response, { ...DEFAULT_MATH_VERIFY_OPTIONS }, performance.now() + 1_000),
    );
    expect(outcomes.map((outcome) => outcome.verdict)).toEqual([
      'equal',
      'not_equal',
      'equal',
      'equal',
      'equal',
    ]);
    expect(outcomes[1]?.pred.extracted).toBe('8 pens');
  });

  it('reads every template as a real answer, but for the two that warm the no-answer paths', () => {
    // A template whose answer stopped being read would warm nothing: only the response with no
    // answer in it and the one cut off inside its box are meant to have none.
    const unread = TEMPLATES.map((template) => template(5))
      .filter(([gold, response]) => verifyAnswer(gold, response).failure !== undefined)
      .map(([, response]) => response);
    expect(unread).toEqual([
      'Let me think about this problem step by step before writing anything down.',
      'First, 5 - 1 = 4. So the answer is $\\boxed{5',
    ]);
  });

  it('wraps a kind: create returns what the kind builds', () => {
    const scorer = { score: () => 1 };
    const kind = warmUpOnCreate({ name: 'k', create: (value: number) => ({ ...scorer, value }) });
    expect(kind.name).toBe('k');
    expect(kind.create(3)).toEqual({ ...scorer, value: 3 });
  });
});
