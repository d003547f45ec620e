import { describe, expect, it } from 'vitest';
import { compareTexts } from './compare-text.js';
import { verifyAnswer } from './verify.js';

describe('compareTexts', () => {
  it('compares words blind to case, spaces and punctuation', () => {
    expect(compareTexts('\\text{Sunday}', 'sunday.').verdict).toBe('equal');
    expect(compareTexts('Sunday', 'Monday').verdict).toBe('not_equal');
  });

  // Graders' round 15 (jeeth-kataria/AdaptiveThink-RL's reward and evaluator tests).
  it('reads yes as true and no as false against a truth-value gold', () => {
    expect(compareTexts('True', 'yes').verdict).toBe('equal');
    expect(compareTexts('false', 'No').verdict).toBe('equal');
    expect(compareTexts('yes', 'TRUE').verdict).toBe('equal');
    expect(compareTexts('True', 'no').verdict).toBe('not_equal');
    expect(compareTexts('no', 'true').verdict).toBe('not_equal');
    // "correct" is said of other things around an answer: no truth value.
    expect(compareTexts('True', 'correct').verdict).toBe('not_equal');
    expect(verifyAnswer('True', 'The answer is \\boxed{yes}').verdict).toBe('equal');
    expect(verifyAnswer('False', 'The answer is \\boxed{yes}').verdict).toBe('not_equal');
  });
});

describe('a box written \\box', () => {
  // Graders' round 15 (vegaction/nanorllm tests/test_math_reward.py: the box alias).
  it('is read as \\boxed', () => {
    expect(verifyAnswer('39', '\\box{39}').verdict).toBe('equal');
    expect(verifyAnswer('39', 'So we get \\box{38}.').verdict).toBe('not_equal');
    expect(verifyAnswer('39', 'First 12, then \\box{39} in total.').pred.extractor).toBe('boxed');
  });
});
