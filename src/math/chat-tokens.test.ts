import { describe, expect, it } from 'vitest';
import {
  replyAfterBarePrompt,
  replyAfterEchoedInstruction,
  replyAfterPrompt,
  stripChatTokens,
} from './chat-tokens.js';
import { verifyAnswer } from './verify.js';

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
    ['解析 <eoe>\n【答案】5<eoa>\n\n【解析】下一题 7', '解析  \n【答案】5'],
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

describe('replyAfterPrompt: a prompt echoed before the reply', () => {
  const read = (text: string) => stripChatTokens(replyAfterPrompt(text)).trim();

  it('reads from the assistant token when the text opens with the user turn', () => {
    expect(read('<｜User｜>He gave 3/5 of them away.<｜Assistant｜><think>\n25 - 15 = 10')).toBe(
      '<think>\n25 - 15 = 10',
    );
    expect(
      read(
        '<|im_start|>user\nWhat is 3 + 4?<|im_end|>\n<|im_start|>assistant\nIt is 7.<|im_end|>\n<|im_start|>user\nAnd 5?',
      ),
    ).toBe('It is 7.');
    expect(read('<s>[INST] What is 3 + 4? [/INST] It is 7.</s>')).toBe('It is 7.');
  });

  it("reads past Gemma's `<bos>` before the user's turn", () => {
    expect(read('<bos><start_of_turn>user\nWhat is 3+5?<end_of_turn>\n<start_of_turn>model\nIt is 8.')).toBe(
      'It is 8.',
    );
  });

  it("takes only the same template's assistant token", () => {
    expect(read('<｜User｜>Quote: [/INST] 5<｜Assistant｜>It is 6.')).toBe('It is 6.');
  });

  it('reads the text as before without an assistant token, and nothing when the reply is empty', () => {
    expect(read('[INST] <<SYS>>\nWe solve it: x = 2.')).toBe('<<SYS>>\nWe solve it: x = 2.');
    expect(read('<|im_start|>assistant\nIt is 7.<|im_end|>')).toBe('It is 7.');
    expect(read('<|im_start|>user\nShe buys 4 more.<|im_end|>\n<|im_start|>assistant\n')).toBe('');
    expect(read('<|im_start|>user\nWhat?<|im_end|><|im_start|>Assistant\nIt is 6.')).toBe('It is 6.');
  });
});

describe('replyAfterBarePrompt: a whole sequence decoded with its special tokens skipped', () => {
  it("reads after the assistant's role word alone on its line, when the text opens with the user's", () => {
    expect(replyAfterBarePrompt('user\nHow many is 2*4?\nmodel\nIt is 8.')).toBe('It is 8.');
    expect(replyAfterBarePrompt('system\nBe brief.\nuser\nAnd 2*4?\nassistant\n8')).toBe('8');
    // Llama 3's header words glued to the turn before, after its default system prompt.
    expect(
      replyAfterBarePrompt(
        'system\n\nCutting Knowledge Date: December 2023\n\nBe brief.user\n\nAnd 2*4?assistant\n\n8',
      ),
    ).toBe('8');
  });

  it('ends the reply where a next user turn opens', () => {
    expect(replyAfterBarePrompt('user\nWhat is 3+5?\nmodel\nIt is 8.\nuser\nAnd 6+6?\nmodel\n12')).toBe(
      'It is 8.',
    );
  });

  it('leaves a text that does not open with a role word alone on its line', () => {
    expect(replyAfterBarePrompt('The user asked 2*4.\nmodel\n8')).toBe('The user asked 2*4.\nmodel\n8');
    expect(replyAfterBarePrompt('user: 2*4?\nassistant\n8')).toBe('user: 2*4?\nassistant\n8');
  });
});

describe("an echoed prompt's own question is no new problem (real outputs round 26)", () => {
  const prompt =
    'Answer the following questions. You should think step-by-step and put your final answer within \\boxed{}.\nQuestion: A candle melts by 2 cm an hour. How much in 4 hours?\nAnswer:';
  it('reads the reply after the prompt, with or without the template tokens', () => {
    expect(verifyAnswer('8', `user\n${prompt}\nmodel\nSo 2 * 4 = 8 cm.\n\n\\boxed{8} cm`).verdict).toBe(
      'equal',
    );
    expect(
      verifyAnswer(
        '8',
        `<start_of_turn>user\n${prompt}<end_of_turn>\n<start_of_turn>model\nSo 2 * 4 = 8 cm.\n\n\\boxed{8} cm`,
      ).verdict,
    ).toBe('equal');
    expect(verifyAnswer('9', `user\n${prompt}\nmodel\nSo 2 * 4 = 8 cm.\n\n\\boxed{8} cm`).verdict).toBe(
      'not_equal',
    );
  });
});

// Real outputs round 29 and stop 47's red team: a prompt echoed with no chat token but its
// instruction to box the answer.
describe('replyAfterEchoedInstruction', () => {
  it('reads the text after the instruction, which an echo with no reply leaves empty', () => {
    const echo =
      'A train travels 60 miles in 1.5 hours. Please reason step by step, and put your final answer within \\boxed{}.';
    expect(replyAfterEchoedInstruction(`${echo}\nSpeed = 40 mph.`)).toBe('\nSpeed = 40 mph.');
    expect(replyAfterEchoedInstruction(echo)).toBe('');
  });

  it("leaves the model's own words, an instruction after a filled box, and text without one", () => {
    const own = 'Let me put the final answer in \\boxed{}: \\boxed{5}';
    expect(replyAfterEchoedInstruction(own)).toBe(own);
    // Real outputs round 30 (CMCTS): the words come after the boxed answer.
    const after = 'So the answer is \\boxed{-1}.\nNow put your final answer within \\boxed{}.\n';
    expect(replyAfterEchoedInstruction(after)).toBe(after);
    // An answer stated before, or the instruction before a colon (stop 47's second red team).
    const stated = 'The answer is 6. Present your final answer within \\boxed{}. Verify: 3+4 = 7.';
    expect(replyAfterEchoedInstruction(stated)).toBe(stated);
    const colon = 'Put your final answer within \\boxed{}: 2 \\times 3 = 6';
    expect(replyAfterEchoedInstruction(colon)).toBe(colon);
    expect(replyAfterEchoedInstruction('So the answer is \\boxed{5}.')).toBe('So the answer is \\boxed{5}.');
  });
});
