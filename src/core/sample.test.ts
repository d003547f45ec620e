import { describe, expect, it } from 'vitest';
import { acceptedAnswers, resultGroupOf, SampleSchema } from './sample.js';

describe('the sample contract', () => {
  it('takes string and integer ids and keeps their type', () => {
    expect(SampleSchema.parse({ id: 7, response: '' }).id).toBe(7);
    expect(SampleSchema.parse({ id: '7', response: '' }).id).toBe('7');
    expect(SampleSchema.safeParse({ id: 1.5, response: '' }).success).toBe(false);
    expect(SampleSchema.safeParse({ id: '', response: '' }).success).toBe(false);
  });

  it('reads reference.answer as one answer or a list of accepted answers', () => {
    const parse = (answer: unknown) =>
      acceptedAnswers(SampleSchema.parse({ id: 1, response: '', reference: { answer } }).reference);
    expect(parse(18)).toEqual(['18']);
    expect(parse(['1/2', 0.5])).toEqual(['1/2', '0.5']);
    expect(parse(['x'])).toEqual(['x']);
    expect(SampleSchema.safeParse({ id: 1, response: '', reference: { answer: [] } }).success).toBe(false);
  });

  it('gives results the group as given, or a digest of the prompt that groups them', () => {
    const grouped = SampleSchema.parse({ id: 1, response: '', group: 12, prompt: 'p' });
    expect(resultGroupOf(grouped)).toBe('12');
    const byPrompt = (prompt: unknown) => resultGroupOf(SampleSchema.parse({ id: 1, response: '', prompt }));
    expect(byPrompt('What is 2+2?')).toBe(byPrompt('What is 2+2?'));
    expect(byPrompt('What is 2+2?')).not.toBe(byPrompt('What is 2+3?'));
    expect(byPrompt([{ role: 'user', content: 'hi' }])).toMatch(/^prompt:[0-9a-f]{16}$/);
    expect(resultGroupOf(SampleSchema.parse({ id: 1, response: '' }))).toBeUndefined();
  });
});
