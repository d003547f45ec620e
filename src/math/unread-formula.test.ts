import { describe, expect, it } from 'vitest';
import { parseAnswer } from './parse-answer.js';
import { unreadCommands } from './unread-formula.js';
import { verifyAnswer } from './verify.js';

describe('unreadCommands', () => {
  it('names the commands of a formula the parser could not read', () => {
    expect(unreadCommands(parseAnswer('\\beginboxed{8\\sqrt{6}}', false))).toEqual([
      '\\beginboxed',
      '\\sqrt',
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
});
