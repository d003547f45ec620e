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

describe('stripChatTokens: a prompt echoed before the reply', () => {
  it('reads from the assistant token when the text opens with the user turn', () => {
    expect(
      stripChatTokens('<｜User｜>He gave 3/5 of them away.<｜Assistant｜><think>\n25 - 15 = 10').trim(),
    ).toBe('<think>\n25 - 15 = 10');
    expect(
      stripChatTokens(
        '<|im_start|>user\nWhat is 3 + 4?<|im_end|>\n<|im_start|>assistant\nIt is 7.<|im_end|>\n<|im_start|>user\nAnd 5?',
      ).trim(),
    ).toBe('It is 7.');
    expect(stripChatTokens('<s>[INST] What is 3 + 4? [/INST] It is 7.</s>').trim()).toBe('It is 7.');
  });

  it('reads a text with no assistant token as before, and a reply that opens with its own role', () => {
    expect(stripChatTokens('[INST] <<SYS>>\nWe solve it: x = 2.').trim()).toBe(
      '<<SYS>>\nWe solve it: x = 2.',
    );
    expect(stripChatTokens('<|im_start|>assistant\nIt is 7.<|im_end|>').trim()).toBe('It is 7.');
  });
});
