import { describe, expect, it } from 'vitest';
import { computesConstant, constantChainValue } from './constant-chain.js';
import { normalizeAnswer } from './normalize.js';
import { parseAnswer } from './parse-answer.js';
import { describeValue, type RelationValue } from './value.js';
import { verifyAnswer } from './verify.js';

function relation(latex: string): RelationValue {
  const normalized = normalizeAnswer(latex);
  const value = parseAnswer(normalized.text, normalized.percent);
  if (value?.kind !== 'relation') throw new Error(`${latex} is not a relation`);
  return value;
}

describe('constantChainValue', () => {
  it('reads the last side of a chain that computes the asked quantity', () => {
    const value = constantChainValue(relation('m+n = 256+37 = 293'));
    expect(value === undefined ? undefined : describeValue(value)).toBe('293');
  });

  it('states nothing for a two-sided equation or a chain with a variable after the first side', () => {
    expect(constantChainValue(relation('x + 1 = 3'))).toBeUndefined();
    expect(constantChainValue(relation('a + b = 2c = 12'))).toBeUndefined();
  });

  // antirez/ds4 pull 319: answer lines that show their arithmetic.
  it('scores an answer line that shows its arithmetic by its last value', () => {
    expect(verifyAnswer('293', 'Answer: m+n = 256+37 = 293').verdict).toBe('equal');
    expect(verifyAnswer('62', 'Answer: a+b+c = 12+25+25 = 62').verdict).toBe('equal');
    expect(verifyAnswer('256', 'Answer: m+n = 256+37 = 293').verdict).toBe('not_equal');
    expect(verifyAnswer('3', 'Answer: x + 1 = 3').verdict).toBe('not_equal');
  });

  it('reads arithmetic written short with an ellipsis as a constant side, not words with a variable', () => {
    expect(computesConstant({ kind: 'text', text: '2*7 + 3*6 + ...' })).toBe(true);
    expect(computesConstant({ kind: 'text', text: '1 + 2 + \\cdots + 10' })).toBe(true);
    expect(computesConstant({ kind: 'text', text: 'x + ...' })).toBe(false);
    expect(computesConstant({ kind: 'text', text: '...' })).toBe(false);
  });

  // antirez/ds4 pull 319: "Answer: 2*7 + 3*6 + ... = 81".
  it('scores an elided computation by the value it ends in', () => {
    expect(verifyAnswer('81', 'Answer: 2*7 + 3*6 + ... = 81').verdict).toBe('equal');
    expect(verifyAnswer('80', 'Answer: 2*7 + 3*6 + ... = 81').verdict).toBe('not_equal');
  });
});
