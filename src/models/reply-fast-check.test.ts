import { describe, expect, it } from 'vitest';
import { ChatCompletionSchema, CompletionSchema } from './protocol.js';
import { isPlainChatCompletion, isPlainCompletion } from './reply-fast-check.js';

const logprobs = {
  tokens: ['1', '7', '.'],
  token_logprobs: [-0.1, null, 0],
  text_offset: [0, 1, 2],
  top_logprobs: [{ '1': -0.1 }, null, { '.': 0 }],
};
const completion = (choice: Record<string, unknown>) => ({
  id: 'x',
  choices: [{ index: 0, text: '17.', finish_reason: 'stop', stop_reason: '\n\n', logprobs, ...choice }],
  usage: { prompt_tokens: 3 },
});

const completions: [string, unknown][] = [
  ['a vLLM reply with logprobs', completion({})],
  ['no logprobs', completion({ logprobs: null })],
  ['absent finish reason', completion({ finish_reason: undefined })],
  ['a text that is a number', completion({ text: 17 })],
  ['a fractional index', completion({ index: 0.5 })],
  ['a string logprob', completion({ logprobs: { ...logprobs, token_logprobs: ['x'] } })],
  ['a null text_offset', completion({ logprobs: { ...logprobs, text_offset: null } })],
  ['a top_logprobs entry of strings', completion({ logprobs: { ...logprobs, top_logprobs: [{ a: 'b' }] } })],
  ['prompt logprobs (left to zod)', completion({ prompt_logprobs: [null, { '5': { logprob: -1 } }] })],
  ['no choices', { choices: [] }],
  ['not an object', [1]],
];

const token = { token: '1', logprob: -0.5, top_logprobs: [{ token: '1', logprob: -0.5 }] };
const chat = (choice: Record<string, unknown>) => ({
  choices: [
    { index: 0, message: { role: 'assistant', content: 'Hi' }, logprobs: { content: [token] }, ...choice },
  ],
});
const chats: [string, unknown][] = [
  ['a chat reply with logprobs', chat({})],
  ['null content', chat({ message: { content: null }, logprobs: null })],
  ['logprobs content null', chat({ logprobs: { content: null } })],
  [
    'a token without top_logprobs (zod fills [])',
    chat({ logprobs: { content: [{ token: 'a', logprob: 0 }] } }),
  ],
  ['logprobs without content', chat({ logprobs: {} })],
  ['a message without content', chat({ message: { role: 'assistant' } })],
];

describe('fast reply checks agree with the schemas', () => {
  it.each(completions)('completion: %s', (_name, value) => {
    const parsed = CompletionSchema.safeParse(value);
    if (isPlainCompletion(value)) {
      expect(parsed.success).toBe(true);
      expect(parsed.data).toEqual(value);
    }
  });

  it.each(chats)('chat: %s', (_name, value) => {
    const parsed = ChatCompletionSchema.safeParse(value);
    if (isPlainChatCompletion(value)) {
      expect(parsed.success).toBe(true);
      expect(parsed.data).toEqual(value);
    }
  });

  it('takes the common replies on the fast path and leaves the rest to the schema', () => {
    const fast = completions.filter(([, value]) => isPlainCompletion(value)).map(([name]) => name);
    expect(fast).toEqual(['a vLLM reply with logprobs', 'no logprobs', 'absent finish reason']);
    const fastChat = chats.filter(([, value]) => isPlainChatCompletion(value)).map(([name]) => name);
    expect(fastChat).toEqual(['a chat reply with logprobs', 'null content', 'logprobs content null']);
  });
});
