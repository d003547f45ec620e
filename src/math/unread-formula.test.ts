import { describe, expect, it } from 'vitest';
import { parseAnswer } from './parse-answer.js';
import { unreadCall, unreadCommands } from './unread-formula.js';
import { verifyAnswer } from './verify.js';

describe('unreadCommands', () => {
  it('names the commands of a formula the parser could not read', () => {
    expect(unreadCommands(parseAnswer('\\beginboxed{8\\sqrt{6}}', false))).toEqual(['\\beginboxed']);
  });

  it('leaves decoration and logic around a number read (red team of stop 24)', () => {
    for (const decorated of [
      '\\therefore \\frac{3}{4}',
      '\\frac{3}{4} \\checkmark',
      '\\Large{12}',
      '\\bf 12',
      '12 \\qed',
    ])
      expect(unreadCommands(parseAnswer(decorated, false)), decorated).toBeUndefined();
    expect(unreadCommands(parseAnswer('\\ulcorner 3.5\\urcorner', false))).toEqual([
      '\\ulcorner',
      '\\urcorner',
    ]);
  });

  it('is undefined for prose, prose in another script, and values that parse', () => {
    expect(unreadCommands(parseAnswer('\\text{sixteen} dollars', false))).toBeUndefined();
    expect(unreadCommands(parseAnswer('每人 \\frac{3}{7} 块', false))).toBeUndefined();
    expect(unreadCommands(parseAnswer('\\frac{3}{7}', false))).toBeUndefined();
  });

  it('never lets an unread formula match by its last number (was a wrong 1); a hedge stays not equal', () => {
    const outcome = verifyAnswer('8', '\\beginboxed{8}');
    expect(outcome.verdict).toBe('undecidable');
    expect(outcome.reason).toContain('\\beginboxed');
    expect(verifyAnswer('6', '\\beginboxed{8\\sqrt{6}}').verdict).toBe('not_equal');
    expect(verifyAnswer('40', '$\\boxed{\\overset{50}{40}}$').verdict).toBe('not_equal');
  });

  it('reads a whole answer that calls an unknown function as that function, not its argument', () => {
    expect(unreadCall(parseAnswer('round (4.6)', false))).toEqual(['round(...)']);
    expect(unreadCall(parseAnswer('sixteen (16)', false))).toBeUndefined();
    expect(verifyAnswer('4.6', '\\operatorname{round}(4.6)').verdict).toBe('undecidable');
    expect(verifyAnswer('5', '\\operatorname{ceil}(-\\sqrt{5})').verdict).toBe('not_equal');
    expect(verifyAnswer('-2', '\\operatorname{ceil}(-\\sqrt{5})').verdict).toBe('equal');
    expect(verifyAnswer('16', 'sixteen (16)').verdict).toBe('equal');
  });
});
