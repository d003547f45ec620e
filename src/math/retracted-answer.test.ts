import { describe, expect, it } from 'vitest';
import { disownedInAnswer, retractedAnswer } from './retracted-answer.js';

/** The reason for `text`, whose answer is the last occurrence of `answer` (a box closes after it). */
function retraction(text: string, answer: string): string | undefined {
  const end = text.lastIndexOf(answer) + answer.length;
  return retractedAnswer(text, text[end] === '}' ? end + 1 : end);
}

describe('retractedAnswer', () => {
  it('reads a disavowal right after the answer', () => {
    expect(retraction('\\boxed{5} is wrong.', '5')).toContain('is wrong');
    expect(retraction('\\boxed{5} is incorrect; I give up.', '5')).toContain('is incorrect');
    expect(retraction('$\\boxed{5}$ was probably a mistake.', '5')).toContain('mistake');
  });

  it('reads "is ruled out", "is unlikely" and a doubting answer to a question (red team of stop 35)', () => {
    expect(retraction('18 is ruled out.', '18')).toContain('ruled out');
    expect(retraction('18 is unlikely.', '18')).toContain('unlikely');
    expect(retraction('Is it 18? Unlikely.', '18')).toContain('Unlikely');
    expect(retraction('18? No idea.', '18')).toContain('No idea');
    expect(retraction('18 is the count.', '18')).toBeUndefined();
  });

  it('reads "is not the answer" right after the answer (red team of stop 33)', () => {
    expect(retraction('19 is not the answer.', '19')).toContain('is not the answer');
    expect(retractedAnswer('2 and 3 are not the roots.', 7)).toContain('are not the roots');
    expect(retraction("So 19 isn't the correct answer.", '19')).toContain("isn't the correct answer");
    // A property of the value denied is no denial that it answers.
    expect(retraction('19 is not a prime.', '19')).toBeUndefined();
  });

  it('reads a disavowal in parentheses or ", not really" after the answer', () => {
    expect(retraction('\\boxed{5} (wrong)', '5')).toContain('(wrong');
    expect(retraction('the final answer is 5, not really', '5')).toContain('not really');
    expect(retraction('\\boxed{5} (rounded)', '5')).toBeUndefined();
    // A remark that only opens with such a word, and "not really" before more words, keep it.
    expect(retraction('The answer is 5 (false positives excluded).', '5')).toBeUndefined();
    expect(retraction('The answer is 5. Not really hard once you see it.', '5')).toBeUndefined();
  });

  it('reads a remark that disowns the extracted answer inside it', () => {
    expect(disownedInAnswer('5 (wrong)')).toContain('(wrong)');
    expect(disownedInAnswer('5 (probably incorrect).')).toContain('incorrect');
    expect(disownedInAnswer('5 (not correct)')).toContain('not correct');
    expect(disownedInAnswer('5 \\text{ (wrong)}')).toContain('wrong');
    expect(disownedInAnswer('5 [invalid]')).toContain('invalid');
    expect(disownedInAnswer('5 (cm)')).toBeUndefined();
    // A brace labelled with another number (red team of stop 35); with the same number or words, a comment.
    expect(disownedInAnswer('\\underbrace{18}_{17}')).toContain('another value');
    expect(disownedInAnswer('\\underbrace{18}_{18}')).toBeUndefined();
    expect(disownedInAnswer('\\underbrace{18}_{\\text{total}}')).toBeUndefined();
    expect(disownedInAnswer('5 (not wrong)')).toBeUndefined();
    expect(disownedInAnswer('5')).toBeUndefined();
  });

  it('reads a mark drawn on the answer that doubts or disowns it (red team of stop 24)', () => {
    expect(disownedInAnswer('\\stackrel{?}{5}')).toContain('doubtful');
    expect(disownedInAnswer('x \\overset{?}{=} 5')).toContain('doubtful');
    expect(disownedInAnswer('\\underbrace{5}_{\\text{wrong}}')).toContain('doubtful');
    expect(disownedInAnswer('\\underbrace{5}_{\\text{total}}')).toBeUndefined();
    expect(disownedInAnswer('\\stackrel{\\text{def}}{=} 5')).toBeUndefined();
  });

  it('reads a later sentence that refers back to the answer', () => {
    expect(retraction("\\boxed{5}. Hmm, that's wrong; it should be 6.", '5')).toContain("that's wrong");
    expect(retraction('The answer is 5. My answer is incorrect.', '5')).toContain('incorrect');
    expect(retraction('\\boxed{5}. This is not correct.', '5')).toContain('not correct');
  });

  it('reads words that take the answer back, with or without another value', () => {
    expect(retraction("\\boxed{5} (just kidding, it's 6)", '5')).toContain('kidding');
    expect(retraction('The answer is 5. Scratch that.', '5')).toContain('Scratch that');
    expect(retraction('\\boxed{5}. Ignore the above.', '5')).toContain('Ignore the above');
  });

  it('reads a bare "No." answering the answer', () => {
    expect(retraction('The answer is "\\boxed{5}"? No.', '5')).toContain('"no"');
    expect(retraction('\\boxed{5}. Nope!', '5')).toContain('"no"');
    expect(retraction('\\boxed{5}. No other value works.', '5')).toBeUndefined();
  });

  it('keeps answers whose tail judges another value or denies the doubt', () => {
    expect(retraction('\\boxed{5}. If you got 6, that is wrong.', '5')).toBeUndefined();
    expect(retraction('\\boxed{5}. Nothing is wrong with this.', '5')).toBeUndefined();
    expect(retraction('\\boxed{5}. This is not wrong: 2 + 3 = 5.', '5')).toBeUndefined();
    expect(retraction('\\boxed{5}. A common mistake is to add the carry twice.', '5')).toBeUndefined();
    expect(retraction('\\boxed{5}. Is this right? Yes.', '5')).toBeUndefined();
    expect(retraction('\\boxed{5}', '5')).toBeUndefined();
  });

  it('reads a root rejected right after it (a red team of stop 41)', () => {
    expect(retraction('$x=5$ does not satisfy the original equation.', '5')).toContain('does not satisfy');
    expect(retraction('x = 5 is an extraneous root.', '5')).toContain('extraneous');
    expect(retraction('So $x = 5$ must be rejected.', '5')).toContain('rejected');
    expect(retraction('But $x = 5$ makes the denominator zero.', '5')).toContain('denominator zero');
    expect(retraction('$x = 5$ is not in the domain.', '5')).toContain('domain');
    expect(retraction('\\boxed{5} satisfies the equation.', '5')).toBeUndefined();
    expect(retraction('The answer is 5, which works.', '5')).toBeUndefined();
  });

  it('reads "this answer is incorrect" and "there is no solution" after the answer (a red team of stop 41)', () => {
    expect(retraction('\\boxed{5}\n\nThis answer is incorrect.', '5')).toContain('This answer is incorrect');
    expect(retraction('\\boxed{5}\n\nSo there is no solution.', '5')).toContain('no solution');
    expect(retraction('\\boxed{5}. For x < 0 there is no solution.', '5')).toBeUndefined();
    expect(retraction('\\boxed{5}\n\nThis answer is correct.', '5')).toBeUndefined();
    const none = 'The equation has no real roots, so there is no solution.';
    expect(retractedAnswer(none, none.indexOf(','))).toBeUndefined();
  });

  it('reads a later sentence that denies the value of the answer (the first red team of stop 41)', () => {
    const boxed = '$\\boxed{5}$. The answer is not 5.';
    const end = boxed.indexOf('}') + 1;
    expect(retractedAnswer(boxed, end, '5')).toContain('The answer is not 5');
    expect(retractedAnswer("$\\boxed{5}$.\nWait, it isn't $5$.", end, '5')).toContain("isn't $5");
    // Another value denied, or the answer not given: nothing is taken back.
    expect(retractedAnswer('$\\boxed{5}$. The answer is not 50.', end, '5')).toBeUndefined();
    expect(retractedAnswer('$\\boxed{5}$. The answer is not 5.5.', end, '5')).toBeUndefined();
    expect(retractedAnswer(boxed, end)).toBeUndefined();
  });

  it('does not read a denied value that goes on as a denial of the answer (the second red team of stop 42)', () => {
    const end = '$\\boxed{5}$'.length;
    expect(retractedAnswer('$\\boxed{5}$. Note that it is not 5%, it is 5 units.', end, '5')).toBeUndefined();
    expect(retractedAnswer('$\\boxed{5}$. It is not 5 dozen, just 5 eggs.', end, '5')).toBeUndefined();
    expect(retractedAnswer('$\\boxed{5}$. The value is not 5 in general.', end, '5')).toBeUndefined();
    expect(retractedAnswer('$\\boxed{5}$. The answer is not 5, it is 6.', end, '5')).toContain('not 5');
    expect(retractedAnswer('$\\boxed{5}$. The answer is not **5**', end, '5')).toContain('not **5');
  });
});

// An examiner's hard pairs and real outputs round 29 of stop 47.
describe('a doubt begun as the response ends', () => {
  it.each([
    ['\\boxed{15}. Wait, no.', '15'],
    ['\\boxed{15}. Hmm, wait.', '15'],
    ['15 more if she hires the accountant. Wait, no.', '15'],
    ['15. Hold on.', '15'],
  ])('%j takes %s back', (text, answer) => {
    expect(retraction(text, answer)).toContain('doubts its answer as it ends');
  });

  it.each([
    ['15 apples. Wait for the bus.', '15'],
    ['15 apples, 16 pears. Wait, no.', '15'],
  ])('%j does not', (text, answer) => {
    expect(retraction(text, answer) ?? '').not.toContain('doubts its answer');
  });
});
