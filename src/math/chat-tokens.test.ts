import { describe, expect, it } from 'vitest';
import { stripChatTokens } from './chat-tokens.js';

describe('stripChatTokens', () => {
  it('leaves text without special tokens unchanged', () => {
    expect(stripChatTokens('The answer is 18.')).toBe('The answer is 18.');
  });

  it.each([
    ['The answer is 19. <|im_end|>\n<|im_start|>user\nWhat is 2+2?', 'The answer is 19. '],
    ['So the total is 7.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nAnd 3?', 'So the total is 7.'],
    ['#### 12</s>', '#### 12'],
    ['Answer: 5<|endoftext|>Question: how many is 6?', 'Answer: 5'],
    ['The answer is 19. <|im_start|>user', 'The answer is 19. '],
  ])('ends the response at its end-of-turn token: %j', (input, expected) => {
    expect(stripChatTokens(input)).toBe(expected);
  });

  it('drops a leading role header and keeps what follows', () => {
    expect(stripChatTokens('<|im_start|>assistant\nThe answer is 4<|im_end|>').trim()).toBe(
      'The answer is 4',
    );
  });

  it.each([
    'The answer is 18.<｜end▁of▁sentence｜><｜User｜>Next: 3',
    'The answer is 18.<|eom_id|>Next: 3',
    'The answer is 18.<eos>Next: 3',
  ])('%j ends at the end-of-turn token of its template', (text) => {
    expect(stripChatTokens(text).trim()).toBe('The answer is 18.');
  });
});
