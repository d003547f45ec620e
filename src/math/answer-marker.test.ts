import { describe, expect, it } from 'vitest';
import { answerTag, closingWorkedTag } from './answer-marker.js';
import { verifyAnswer } from './verify.js';

describe('answerTag', () => {
  // Real outputs round 24 (busybuffer/assignment5-alignment, a Qwen2.5-Math-1.5B fine-tune on MATH).
  it('drops a closing tag begun and left before the real one', () => {
    expect(answerTag('So: <answer> \\dfrac{4}{11} </ </answer>')?.text).toBe('\\dfrac{4}{11}');
    expect(answerTag('<answer>1 < x <</answer>')?.text).toBe('1 < x <');
    expect(answerTag('<answer>x < 7</answer>')?.text).toBe('x < 7');
  });

  it('reads the phrase after a marker that opens the tag', () => {
    // A GSM8K reward model's tests (curious.reward, graders' round 11).
    expect(answerTag('<think>x + y = 10</think>\n<answer>\n final answer: x = 6\n</answer>')?.text).toBe(
      'x = 6',
    );
    expect(answerTag('<answer>the final answer is 200 = 100 * 2</answer>')?.text).toBe('200 = 100 * 2');
    expect(answerTag('<answer>Answer: 6</answer>')?.text).toBe('6');
  });

  it('keeps a tag with two markers whole (two values offered)', () => {
    expect(answerTag('<answer>final answer: 7\nfinal answer: 6</answer>')?.text).toBe(
      'final answer: 7\nfinal answer: 6',
    );
    expect(verifyAnswer('6', '<answer>final answer: 7\nfinal answer: 6</answer>').verdict).not.toBe('equal');
  });

  it('keeps a content without such a marker whole', () => {
    expect(answerTag('<answer>x = 6</answer>')?.text).toBe('x = 6');
    expect(answerTag('<answer>the sum is 6</answer>')?.text).toBe('the sum is 6');
  });

  it('scores the value after the marker, and still sees a hedge there', () => {
    expect(verifyAnswer('6', '<answer>final answer: x = 6</answer>').verdict).toBe('equal');
    expect(verifyAnswer('6', '<answer>final answer: x = 5</answer>').verdict).toBe('not_equal');
    expect(verifyAnswer('6', '<answer>The answer is 6 or 7</answer>').verdict).toBe('not_equal');
  });
});

describe('a question restated after the marker', () => {
  it('reads the answer on the next line', () => {
    // Least-to-most endings (veronica320/Faithful-COT outputs, real outputs round 11).
    const skittles =
      'Q2. How many packages did Juan eat?\nJuan ate 4 packages.\nFinal Answer: How many Skittles does Juan have left?\nJuan has 0 Skittles left, since he ate all 24.';
    expect(verifyAnswer('0', skittles).verdict).toBe('equal');
    expect(verifyAnswer('4', skittles).verdict).toBe('not_equal');
    expect(
      verifyAnswer('6', 'Final Answer: What place did Finley finish in?\nFinley finished in 6th place.')
        .verdict,
    ).toBe('equal');
  });

  it('states no answer when nothing follows the question, or when the line after it is unsure or not last', () => {
    expect(verifyAnswer('5', 'Final Answer: How many?').verdict).not.toBe('equal');
    // A red team of stop 38.
    const left = 'Juan had 5 and ate 5.\nFinal Answer: how many left?\n';
    for (const line of [
      '0 is not right.',
      'Probably 0.',
      'If he ate all, 0.',
      '0? No.',
      '0\nLet me recompute: 3 left.',
    ])
      expect(verifyAnswer('0', left + line).verdict).not.toBe('equal');
    expect(
      verifyAnswer(
        '12',
        'We need to find the final answer?\n12 is the subtotal.\nAdding tax gives 15.\nTotal: 15',
      ).verdict,
    ).not.toBe('equal');
    expect(verifyAnswer('5', 'The answer is: what is x?\nx = 5 when y = 1, else x = 7').verdict).not.toBe(
      'equal',
    );
  });
});

describe("answer tags side by side and tags of worked prose (graders' round 13, real outputs round 12)", () => {
  it('joins tags side by side into a list, as boxes are, and keeps a later tag after a retraction', () => {
    expect(answerTag('First answer: <answer>42</answer> Second: <answer>43</answer>')?.text).toBe('42, 43');
    expect(answerTag('<answer>42</answer> or <answer>43</answer>')?.text).toBe('42, 43');
    expect(answerTag('<answer>43</answer> <answer>43</answer>')?.text).toBe('43');
    expect(answerTag('<answer>42</answer>\n\nWait, that is wrong. <answer>43</answer>')?.text).toBe('43');
    expect(verifyAnswer('43', '<answer>42</answer> or <answer>43</answer>').verdict).toBe('not_equal');
  });

  it('reads a tag of worked prose as the rest of a response, and drops a conclusion word opening a tag', () => {
    const girls =
      '</think> <answer> The number of Chinese students is 160. Since the rest are Chinese, the number of girls on the Chinese team would be 160 - 60 = 100. </answer>';
    expect(closingWorkedTag(girls)).toContain('160 - 60 = 100');
    // Not a closing tag (text after it), or a tag beside another: read as tags are.
    expect(closingWorkedTag(`${girls} Thanks.`)).toBeUndefined();
    expect(
      closingWorkedTag(`<answer>100</answer> ${girls.slice(girls.indexOf('<answer>'))}`),
    ).toBeUndefined();
    expect(verifyAnswer('100', girls).verdict).toBe('equal');
    expect(verifyAnswer('60', girls).verdict).toBe('not_equal');
    expect(
      verifyAnswer(
        '2',
        '<answer> Both $x=8$ and $x=-6$ satisfy the equation. Thus, the sum of the solutions is $8+(-6)=2$. </answer>',
      ).verdict,
    ).toBe('equal');
    expect(answerTag('<answer>Therefore, 5</answer>')?.text).toBe('5');
    expect(answerTag('<answer>5 apples</answer>')?.text).toBe('5 apples');
    expect(verifyAnswer('402', '<answer>Therefore, the 100th term is 402. </answer>').verdict).toBe('equal');
    expect(verifyAnswer('10', 'so the distance is 10. </think> Answer: 10. <answer>.').verdict).toBe('equal');
  });

  it('reads a prose tag on its own content, after the tags joined to it (red team of stop 39)', () => {
    // The tag's conclusion, not an earlier statement outside it; an earlier tag beside it stays offered.
    expect(
      verifyAnswer(
        '5',
        'The answer is 5.\n<answer>Let me verify by substituting back: 2*3 = 6, so it is 7</answer>',
      ).verdict,
    ).toBe('not_equal');
    expect(
      verifyAnswer(
        '43',
        '<answer>42</answer> <answer>Let me double-check this answer carefully. 43 = 43.</answer>',
      ).verdict,
    ).toBe('not_equal');
  });

  it('reads one answer written twice as one, and a placeholder tag as none', () => {
    expect(answerTag('<answer>\\frac{1}{2}</answer> <answer>\\dfrac{1}{2}</answer>')?.text).toBe(
      '\\dfrac{1}{2}',
    );
    expect(answerTag('<answer>...</answer>\n<answer>5</answer>')?.text).toBe('5');
    // Symbols without letters or digits are answers (a red team of stop 39).
    expect(answerTag('<answer>∞</answer>')?.text).toBe('∞');
    // A tag of working before the answer's tag is its working, not a second answer.
    expect(
      answerTag('<answer>We compute the sum 2 + 3 = 5 here, so the total is 5.</answer> <answer>5</answer>')
        ?.text,
    ).toBe('5');
  });
});

// Real outputs round 29: persistent-sampling's MATH-500 responses open with the prompt echoed
// without chat tokens ("... put your final answer within \\boxed{}."), whose words were read.
describe('the instruction of an echoed prompt', () => {
  it('is no final answer', () => {
    const response =
      'Express your answer as a common fraction.\nPlease reason step by step, and put your final answer within \\boxed{}.?\nSo 14/3 is the answer.';
    expect(verifyAnswer('\\frac{14}{3}', response).verdict).toBe('equal');
    expect(verifyAnswer('3', 'The final answer inside the box is 3.').verdict).toBe('equal');
  });

  // Stop 47's red team: only the empty box makes the words an instruction.
  it('leaves "final answer within budget: 12" a marker', () => {
    const response = 'Final answer within budget: 12. We started with 15 dollars.';
    expect(verifyAnswer('12', response).verdict).toBe('equal');
    expect(verifyAnswer('15', response).verdict).toBe('not_equal');
  });
});

// Real outputs round 29 (a Qwen3 GRPO rollout whose stop string removed `</answer>`).
describe('an answer tag left open at the end', () => {
  it('is read when its content is finished', () => {
    const tag = answerTag(
      '<reasoning>\nSo $6.\n</reasoning>\n<answer>\nVincent saves $6 by buying 18 flowers.\n',
    );
    expect(tag?.text).toBe('Vincent saves $6 by buying 18 flowers.');
    expect(answerTag('<reasoning>So 6.</reasoning>\n<answer>6\n')?.text).toBe('6');
  });

  it('is not read when it may have been cut, names a tag in prose, or is long', () => {
    expect(answerTag('<reasoning>So 6.</reasoning>\n<answer>1')).toBeUndefined();
    expect(answerTag('Put the answer in <answer> tags. So 7.\n')).toBeUndefined();
    expect(answerTag(`<answer>\n${'work. '.repeat(80)}\n`)).toBeUndefined();
    expect(answerTag('<answer>5</answer> then <answer>6\n')?.text).toBe('5');
    // Several lines of content are working, not a finished answer (stop 47's red team).
    expect(answerTag('<reasoning>x</reasoning>\n<answer>\n12\nWait, it is 13.\n')).toBeUndefined();
  });
});

// An examiner's hard pairs of stop 47.
describe('an answer phrase that denies values', () => {
  it('states none: the value after it is read', () => {
    expect(verifyAnswer('5', 'The answer is neither 4 nor 6; it is 5.').verdict).toBe('equal');
    expect(verifyAnswer('6', 'The answer is neither 4 nor 6. It is 5.').verdict).toBe('not_equal');
    expect(verifyAnswer('\\text{neither}', 'The answer is neither.').verdict).toBe('equal');
  });
});
