import { describe, expect, it } from 'vitest';
import { isInCutRepeatedParagraph } from './cut-repeated-paragraph.js';
import { verifyAnswer } from './verify.js';

const PARAGRAPH =
  'Or maybe I should compute with real numbers. Suppose she makes 1 a minute, then her time is 360 minutes and her mother 240, so 120 more.';
const LOOP = `Let me think.\n\n${`${PARAGRAPH}\n\n`.repeat(9)}Or maybe I should compute with real numbers. Suppose she makes 1 a minute, then`;

// Real outputs round 29: R1-Distill-Qwen-1.5B on MGSM, a paragraph repeated until the token limit.
describe('isInCutRepeatedParagraph', () => {
  it('finds a number in the last copy of a repeated paragraph, cut short', () => {
    expect(isInCutRepeatedParagraph(LOOP, LOOP.lastIndexOf('1') + 1)).toBe(true);
  });

  it('leaves a number before the last copy, a loop of a whole answer, and a short response', () => {
    expect(isInCutRepeatedParagraph(LOOP, LOOP.lastIndexOf('120') + 3)).toBe(false);
    const answers = `Let me think.\n\n${'The answer is 18.\n\n'.repeat(80)}The answer is 18`;
    expect(isInCutRepeatedParagraph(answers, answers.length)).toBe(false);
    const short = `${PARAGRAPH}\n\nOr maybe I should compute with real numbers. Suppose she makes 1 a minute, then`;
    expect(isInCutRepeatedParagraph(short, short.lastIndexOf('1') + 1)).toBe(false);
  });

  it("needs two earlier copies and a last copy cut inside its sentence (stop 47's red team)", () => {
    const once = `${'Some working here. '.repeat(60)}\nTherefore the total number of apples is 18. Check: 10 + 8 = 18.\n\nTherefore the total number of apples is 18`;
    expect(isInCutRepeatedParagraph(once, once.length)).toBe(false);
    const finished = `${LOOP}.`;
    expect(isInCutRepeatedParagraph(finished, finished.lastIndexOf('1') + 1)).toBe(false);
  });

  it('leaves the response with no answer', () => {
    const verdict = verifyAnswer('1', LOOP);
    expect(verdict.verdict).toBe('undecidable');
    expect(verdict.reason).toContain('repeats its own text');
    expect(
      verifyAnswer('18', `Let me think.\n\n${'The answer is 18.\n\n'.repeat(80)}The answer is 18`).verdict,
    ).toBe('equal');
  });
});
