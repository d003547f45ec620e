import { describe, expect, it } from 'vitest';
import { compareMultiChoice, multiChoiceGold, optionsStatedLast } from './multi-choice.js';
import { verifyAnswer } from './verify.js';

describe('multiChoiceGold', () => {
  it('reads two or more options, sorted', () => {
    expect(multiChoiceGold('ACD')).toBe('ACD');
    expect(multiChoiceGold('A B D')).toBe('ABD');
    expect(multiChoiceGold('C, A')).toBe('AC');
  });

  it('leaves one option, repeated letters and a word out of order', () => {
    expect(multiChoiceGold('A')).toBeUndefined();
    expect(multiChoiceGold('AA')).toBeUndefined();
    expect(multiChoiceGold('CA')).toBeUndefined();
    expect(multiChoiceGold('AB = 4')).toBeUndefined();
  });
});

describe('compareMultiChoice', () => {
  it('wants exactly the gold options, in any order', () => {
    expect(compareMultiChoice('AC', 'CA', '')?.verdict).toBe('equal');
    expect(compareMultiChoice('AC', 'A, C', '')?.verdict).toBe('equal');
    expect(compareMultiChoice('AC', 'A', '')?.verdict).toBe('not_equal');
    expect(compareMultiChoice('AC', 'ABCD', '')?.verdict).toBe('not_equal');
  });

  it('calls a hedge no selection, and leaves an answer without options to the ordinary comparison', () => {
    expect(compareMultiChoice('AC', 'A or C', '')?.verdict).toBe('not_equal');
    expect(compareMultiChoice('AC', 'A, C', 'so \\boxed{A} or \\boxed{C}')?.verdict).toBe('not_equal');
    expect(compareMultiChoice('AC', 'options A and C, not B or D', '')?.verdict).toBe('equal');
    expect(compareMultiChoice('AB', '\\overline{AB}', '')).toBeUndefined();
  });

  it('selects nothing when the options are joined other than as a list', () => {
    for (const joined of ['A/C', 'A|C', 'A \\lor C', 'A-C', 'A + C', 'A? C?', 'A \\text{ maybe } C'])
      expect(compareMultiChoice('AC', joined, '')?.verdict).toBe('not_equal');
    expect(compareMultiChoice('AC', 'A and C are both correct', '')?.verdict).toBe('equal');
    expect(compareMultiChoice('AC', '(A) \\& (C)', '')?.verdict).toBe('equal');
  });

  it('reads a two-letter gold as a segment when the answer joins its letters by an "and" inside math', () => {
    expect(compareMultiChoice('AB', 'A \\text{ and } B', '', 'AB')).toBeUndefined();
    expect(
      compareMultiChoice('AB', 'A \\text{ and } B', 'Options A and B are right: A \\text{ and } B', 'AB')
        ?.verdict,
    ).toBe('equal');
    expect(compareMultiChoice('AB', 'A, B', '', 'AB')?.verdict).toBe('equal');
    // Separated letters in the gold are options whatever the answer.
    expect(compareMultiChoice('AB', 'A \\text{ and } B', '', 'A, B')?.verdict).toBe('equal');
    expect(compareMultiChoice('ACD', 'A \\text{ and } C \\text{ and } D', '', 'ACD')?.verdict).toBe('equal');
  });
});

describe('compareMultiChoice: options called wrong, emphasis', () => {
  it('selects no option a phrase calls incorrect, wrong or false', () => {
    expect(compareMultiChoice('AC', 'Options A and C are incorrect.', '')).toBeUndefined();
    expect(compareMultiChoice('AC', 'The incorrect options are A and C.', '')).toBeUndefined();
    expect(compareMultiChoice('AC', 'A and C are both wrong.', '')).toBeUndefined();
    const revised = compareMultiChoice(
      'AC',
      'Option B is incorrect, so the correct options are A and C.',
      '',
    );
    expect(revised?.verdict).toBe('equal');
    expect(compareMultiChoice('AC', 'Options B and D are false; A, C and D hold.', '')?.verdict).toBe(
      'not_equal',
    );
  });

  it('joins options set in bold (`**B** and **C**`) as a list', () => {
    expect(compareMultiChoice('BC', 'The correct options are **B** and **C**.', '')?.verdict).toBe('equal');
  });
});

describe('optionsStatedLast', () => {
  it('reads a last sentence that states options, also as bullets', () => {
    expect(
      optionsStatedLast('P(Z > 2) = 0.0228.\n\nIn summary, the correct options are B and C.')?.text,
    ).toBe('In summary, the correct options are B and C.');
    expect(
      optionsStatedLast('So 0.84 > 0.8.\n\nThus, the correct options are:\n\n- Option A\n- Option C')?.text,
    ).toBe('Thus, the correct options are:\n, Option A, Option C');
  });

  it('reads nothing from a last sentence with a digit, no option word, or options called wrong', () => {
    expect(optionsStatedLast('The correct options are A and C, since 2 > 1.')).toBeUndefined();
    expect(optionsStatedLast('So we have A and C.')).toBeUndefined();
    expect(optionsStatedLast('We find x = 2. Options A and C are incorrect.')).toBeUndefined();
  });

  it('reads no sentence that checks, supposes, doubts, chooses between or takes back (red team of stop 43)', () => {
    for (const sentence of [
      "Next, let's check options B and C.",
      'If options B and C are correct, then A must be false.',
      'Exactly one of options B and C is correct.',
      'Options B and C fail.',
      'Perhaps the correct options are B and C.',
      'Previously I said the correct options were B and C, but that was a mistake.',
      'Option B is correct and option C is not.',
      'The correct options are unclear; B and C are candidates.',
      'So we have options B and C.',
    ])
      expect(optionsStatedLast(`We find x = 2. ${sentence}`), sentence).toBeUndefined();
  });
});

describe('statements of options of GPT-4 on JEEBench (real outputs round 21)', () => {
  it('reads "Statements (A), (C), and (D) are true." after its marker, and options in square brackets', () => {
    expect(verifyAnswer('ACD', 'Final Answer: Statements (A), (C), and (D) are true.').verdict).toBe('equal');
    expect(verifyAnswer('ACD', 'Final Answer: Statements (A) and (C) are true.').verdict).toBe('not_equal');
    expect(verifyAnswer('AB', 'Therefore, the correct options are [A] and [B].').verdict).toBe('equal');
    expect(verifyAnswer('AB', 'Therefore, the correct options are [A] or [B].').verdict).toBe('not_equal');
  });

  it('reads no selection in statements called false', () => {
    expect(verifyAnswer('ACD', 'Final Answer: Statements (A), (C), and (D) are false.').verdict).not.toBe(
      'equal',
    );
  });
});
