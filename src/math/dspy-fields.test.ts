import { describe, expect, it } from 'vitest';
import { dspyAnswerText } from './dspy-fields.js';
import { verifyAnswer } from './verify.js';

const completion = (reasoning: string, answer: string) =>
  `[[ ## reasoning ## ]]\n${reasoning}\n\n[[ ## final_answer ## ]]\n${answer}\n\n[[ ## completed ## ]]`;

describe('dspyAnswerText', () => {
  it("reads the answer field's content", () => {
    expect(dspyAnswerText(completion('Bond lengths: 267 pm, 159 pm.', 'B,C'))).toBe('B,C');
    expect(dspyAnswerText('[[ ## answer ## ]]\n42')).toBe('42');
  });

  it('reads no other field named with "answer", and two answer fields that differ as no answer (red team of stop 44)', () => {
    const alternatives = `${completion('So 17.', '17')}\n[[ ## answer_alternatives ## ]]\n18`;
    expect(dspyAnswerText(alternatives)).toBe('17');
    expect(dspyAnswerText('[[ ## final_answer ## ]]\n17\n[[ ## final_answer ## ]]\n18')).toBe('');
    expect(dspyAnswerText(`${completion('So 17.', '17')}\n[[ ## answer_units ## ]]\nmeters`)).toBe('17');
  });

  it('reads the response when no answer field says anything, or it has no markers', () => {
    expect(dspyAnswerText(completion('So 42.', ' '))).toContain('So 42.');
    expect(dspyAnswerText('[[ ## reasoning ## ]]\nSo 42.')).toContain('So 42.');
    expect(dspyAnswerText('The answer is 42.')).toBe('The answer is 42.');
  });
});

describe('verifyAnswer on DSPy completions (real outputs round 21: JEE Advanced 2025)', () => {
  it("pays the answer field's selection, not a value of the reasoning", () => {
    const response = completion('Answer: √(5/2) is the ratio, which is option (C).', '(C)');
    expect(verifyAnswer('C', response).verdict).toBe('equal');
    expect(verifyAnswer('B, C', completion('Li2 ≈ 267 pm, B2 ≈ 159 pm.', 'B,C')).verdict).toBe('equal');
    expect(verifyAnswer('A, C', completion('So (A) and (C).', 'A')).verdict).toBe('not_equal');
  });
});
