import { describe, expect, it } from 'vitest';
import { withoutClosingEmoji } from './closing-emoji.js';
import { verifyAnswer } from './verify.js';

describe('withoutClosingEmoji', () => {
  it('drops the emoji that close an answer, with their selectors, tones and joiners', () => {
    expect(withoutClosingEmoji('18 😊')).toBe('18');
    expect(withoutClosingEmoji('18 ✔️')).toBe('18');
    expect(withoutClosingEmoji('18 👍🏽')).toBe('18');
    expect(withoutClosingEmoji('18. 🎉🎉')).toBe('18.');
  });

  it('keeps an emoji that doubts or rejects the value, and a text that is only emoji', () => {
    expect(withoutClosingEmoji('18 ❌')).toBe('18 ❌');
    expect(withoutClosingEmoji('18 🤔')).toBe('18 🤔');
    expect(withoutClosingEmoji('18 ✅ 🤷')).toBe('18 ✅ 🤷');
    expect(withoutClosingEmoji('🎉')).toBe('🎉');
    expect(withoutClosingEmoji('18? 😊')).toBe('18? 😊');
    expect(withoutClosingEmoji('18 ✖️')).toBe('18 ✖️');
  });

  it('pays a correct answer with a cheerful emoji, not one with a doubting one (red team of stop 41)', () => {
    expect(verifyAnswer('18', '**Answer:** 18 😊').verdict).toBe('equal');
    expect(verifyAnswer('18', '#### 18 🎉').verdict).toBe('equal');
    expect(verifyAnswer('18', 'The answer is 18 ❌').verdict).not.toBe('equal');
    expect(verifyAnswer('18', 'The answer is 18 🤔').verdict).not.toBe('equal');
  });
});
