import { describe, expect, it } from 'vitest';
import { solutionTagsAsAnswerTags } from './solution-tag.js';
import { verifyAnswer } from './verify.js';

describe('solutionTagsAsAnswerTags', () => {
  it('reads `<solution>` as an answer tag when the response has none of its own', () => {
    expect(solutionTagsAsAnswerTags('<solution> 45 </solution>')).toBe('<answer> 45 </answer>');
    expect(solutionTagsAsAnswerTags('<answer>3</answer> <solution> 45 </solution>')).toContain('<solution>');
    expect(solutionTagsAsAnswerTags('a <solution> never closed')).toBe('a <solution> never closed');
    // Not when text follows the last tag: scratch work, then the answer (red team of stop 44).
    expect(solutionTagsAsAnswerTags('<solution> Guess 18 </solution>\nFinal answer: 17')).toContain(
      '<solution>',
    );
  });
});

describe('verifyAnswer on CodeAct agents (real outputs round 22: xingyaoww/mint-bench)', () => {
  it("pays the solution tag's value, as an answer tag's", () => {
    const trace =
      '<thought> 48 / 2 = 24 </thought>\n<execute> print(48 + 24) </execute>\nObservation: 72\nThe answer is <solution> 72 </solution>.';
    expect(verifyAnswer('72', trace).verdict).toBe('equal');
    expect(verifyAnswer('24', trace).verdict).toBe('not_equal');
    expect(verifyAnswer('False', '<thought> so 2 </thought> <solution> False </solution>').verdict).toBe(
      'equal',
    );
  });

  it('reads two tags side by side as two answers', () => {
    expect(verifyAnswer('45', '<solution> 44 </solution> or <solution> 45 </solution>').verdict).toBe(
      'not_equal',
    );
  });
});
