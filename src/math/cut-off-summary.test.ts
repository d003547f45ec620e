import { describe, expect, it } from 'vitest';
import { isCutOffSummary } from './cut-off-summary.js';
import { verifyAnswer } from './verify.js';

const THINKING =
  'There are 15 red cards; green is 60% more, so 9; yellow 54. So 15 + 9 + 54 = 78 cards.\n\n**Final Answer**\nThe total number of cards is \\boxed{78}.\n';
const CUT =
  '\n\nGiven a set of magicians cards, we need to determine the total number of cards of all mentioned colors. The problem states:\n\n- There are 15 red cards.\n- Green cards are 60%';

describe('isCutOffSummary', () => {
  it('a summary stopped mid-sentence after a boxed thinking', () => {
    expect(isCutOffSummary(CUT, THINKING)).toBe(true);
    expect(isCutOffSummary('\n\nPoppy', THINKING)).toBe(true);
    expect(
      isCutOffSummary(
        '\nTo find the maximum we use the formula for the vertex of the parabola:\n\\[\nx = -\\frac{b}{2a} = -\\frac{-20}{2(-4)}',
        `f = -4x^2 - 20x + 56, vertex at -20/(2*4)... ${THINKING}`,
      ),
    ).toBe(true);
  });

  it.each([
    [`${CUT}.`, 'it ends a sentence'],
    ['\nThe total is 79 and I double-checked each colour group twice', 'a value the thinking never had'],
    ['\nTotal 78', 'a reply stating a value'],
    ["\nI'm not sure.", 'a complete reply'],
    ['\n43', 'a bare value'],
    [`${CUT} or maybe 60% of them, so the total could be different from what the thinking found`, 'doubt'],
    [`${CUT}, so the answer is 79 and`, 'states an answer'],
    [`${CUT}, so \\boxed{79`, 'a box'],
    ['\nWait, I think it should be 60 since there are 15 red cards and', 'a revision'],
    ['\nCorrection: the total is 60 given 15 red cards and', 'a correction'],
    ['\nHmm, actually the total comes to 60 with 15 red and', 'a revision'],
  ])('%j: not a cut-off summary (%s)', (summary) => {
    expect(isCutOffSummary(summary, THINKING)).toBe(false);
  });

  it('the thinking must have boxed an answer', () => {
    expect(isCutOffSummary(CUT, 'So the total is 78 cards.')).toBe(false);
  });
});

describe('verifyAnswer with a cut-off summary', () => {
  it('reads the thinking', () => {
    expect(verifyAnswer('78', `${THINKING}</think>${CUT}`).verdict).toBe('equal');
    expect(verifyAnswer('79', `${THINKING}</think>${CUT}`).verdict).toBe('not_equal');
    expect(verifyAnswer('15', `${THINKING}</think>${CUT}`).verdict).toBe('not_equal');
  });

  it('a hedged thinking stays a hedge', () => {
    const hedged = 'It is \\boxed{78} or \\boxed{79}, I cannot tell.\n';
    expect(verifyAnswer('78', `${hedged}</think>${CUT}`).verdict).not.toBe('equal');
  });

  it('a complete reply after the tag is still the answer text', () => {
    expect(verifyAnswer('78', `${THINKING}</think>I'm not sure.`).verdict).not.toBe('equal');
    expect(verifyAnswer('78', `${THINKING}</think>\n43`).verdict).toBe('not_equal');
  });
});
