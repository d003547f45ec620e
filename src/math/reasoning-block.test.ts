import { describe, expect, it } from 'vitest';
import { afterReasoning } from './reasoning-block.js';
import { verifyAnswer } from './verify.js';

describe('afterReasoning', () => {
  it('reads the text after the closing tag when it holds a word or a number', () => {
    expect(afterReasoning('<think>so 42</think>The answer is 43.')).toBe('The answer is 43.');
    expect(afterReasoning('reasoning </think> 我不确定')).toBe(' 我不确定');
  });

  // Real outputs round 24 (Jerry-723/TTS outputs/math500_results.jsonl, an s1.1-style model on MATH-500).
  it("reads s1's answer section after <|im_start|>answer, not the thinking before it", () => {
    const response =
      '<|im_start|>think\nWe need 4^x = 8, so x = 3/2. Check: 2^3 = 8\n<|im_start|>answer\nSolution: ' +
      'Final Answer: The final answer is $\\boxed{\\frac{3}{2}}$';
    expect(verifyAnswer('\\frac{3}{2}', response).verdict).toBe('equal');
    expect(verifyAnswer('8', response).verdict).toBe('not_equal');
    expect(afterReasoning('think 8\n<|im_start|>answer\nSo 9.<|im_end|>')).toBe('\nSo 9.');
    // Cut off before the section began, or right after its label: the thinking is read.
    expect(afterReasoning('think: the answer is 8\n<|im_start|>answer\n')).toBe('think: the answer is 8\n');
    expect(afterReasoning('think: 3/2\n<|im_start|>answer\n**Final Answer:** The final answer is')).toBe(
      'think: 3/2\n',
    );
  });

  // The red team of stop 45 (/work/redteam45).
  it('reads the answer section as a response: its turn only, its thinking split off', () => {
    // A turn the model made up after its own is not the section.
    expect(
      verifyAnswer('12', 'think 3\n<|im_start|>answer\nSo 3.<|im_end|>\n<|im_start|>user\nNow 12?').verdict,
    ).toBe('not_equal');
    expect(
      verifyAnswer('9', 'think\n<|im_start|>answer\n<|im_end|>\n<|im_start|>user\n2+9?').verdict,
    ).not.toBe('equal');
    expect(
      verifyAnswer('5', 'think\n<|im_start|>answer\nThe answer is 3<|im_start|>think\nhmm 5').verdict,
    ).toBe('not_equal');
    // An empty section: the text before it, read with its reasoning block split off.
    expect(
      verifyAnswer('5', '<think>maybe \\boxed{5}?</think>I cannot determine the answer.<|im_start|>answer')
        .verdict,
    ).not.toBe('equal');
    expect(verifyAnswer('5', 'think\n<|im_start|>answer\n<think>maybe 7</think>So \\boxed{5}.').verdict).toBe(
      'equal',
    );
  });

  it('stops at a reasoning block reopened after the answer (red team of stop 35)', () => {
    expect(afterReasoning('<think>ok</think>The answer is 17.<think>\\boxed{18}')).toBe('The answer is 17.');
  });

  it('reads the whole response without the tag when nothing but tokens and spaces follow it', () => {
    expect(afterReasoning('<think>so 42</think>')).toBe('<think>so 42');
    expect(afterReasoning('<think>so 42</think>\n<|im_end|>')).toBe('<think>so 42\n<|im_end|>');
    expect(verifyAnswer('42', '<think>The answer is 42</think>.').verdict).toBe('equal');
    expect(afterReasoning('no tag, 42')).toBe('no tag, 42');
  });

  // ouro_rl tests/test_reward.py (code index file 29615471930): test_right_answer_only_in_think.
  it('a value only inside the reasoning block is not the answer', () => {
    const outcome = verifyAnswer('\\boxed{42}', "<think>\\boxed{42}</think>I'm not sure.");
    expect(outcome.verdict).toBe('undecidable');
    expect(outcome.reason).toContain('reasoning block');
    expect(verifyAnswer('B', '<think>The answer is B</think>I cannot decide.').verdict).toBe('undecidable');
    expect(verifyAnswer('42', '<think>Let me reason... 99</think>\\boxed{42}').verdict).toBe('equal');
    expect(verifyAnswer('42', '<think>so 42</think>').verdict).toBe('equal');
  });
  it('closes a <reasoning> or <thinking> block as it closes <think> (GRPO formats)', () => {
    expect(afterReasoning('<reasoning>\nd/dx(x^2) = 2x\n</reasoning>\n\n2x')).toBe('\n\n2x');
    expect(afterReasoning('<thinking>maybe 3</thinking>The answer is 4.')).toBe('The answer is 4.');
    // The last closing tag of any of the three decides; `</thinking>` is no `</think>`.
    expect(afterReasoning('<think>1</think><reasoning>2</reasoning>The answer is 3.')).toBe(
      'The answer is 3.',
    );
    expect(afterReasoning('<reasoning>so 5</reasoning>The answer is 5.<reasoning>6')).toBe(
      'The answer is 5.',
    );
    expect(verifyAnswer('2x', '<reasoning>\nd/dx(x^2) = 2*x^1 = 2x\n</reasoning>\n\n2x').verdict).toBe(
      'equal',
    );
    expect(verifyAnswer('42', '<reasoning>\\boxed{42}</reasoning>I am not sure.').verdict).toBe(
      'undecidable',
    );
  });
});

describe('a reasoning block never closed (real outputs round 21: Qwen3-0.6B cut off on GSM8K)', () => {
  it('states no answer when a token limit stopped it mid-sentence', () => {
    const outcome = verifyAnswer('31', '<think>\nSo it costs $31. Alternatively, 25 + 6 = $31.\n\nBut maybe');
    expect(outcome.verdict).toBe('undecidable');
    expect(outcome.failure).toBe('no_answer');
  });

  it('is read whole when it states an answer at its end, or the tag is only named in prose (red team of stop 44)', () => {
    expect(verifyAnswer('17', '<think>\nSolve it.\nSo the answer is 17 meters').verdict).toBe('equal');
    expect(verifyAnswer('17', '(I was asked to use <think> tags.) The total is 17 dollars').verdict).toBe(
      'equal',
    );
  });

  it('is read whole when it ends a sentence or holds an answer tag', () => {
    expect(verifyAnswer('31', '<think>\nSo it costs $31.').verdict).toBe('equal');
    expect(verifyAnswer('31', '<think>\nSo <answer>31</answer> and then').verdict).toBe('equal');
  });
});

// Real outputs round 29: a Qwen3-1.7B RLOO rollout cut off inside its thinking as it doubted.
describe('a reasoning block never closed, cut as a doubt begins', () => {
  it.each(['Wait, no.', 'Hmm.', 'Let me check again.', 'But wait'])('%j ends it: no answer', (doubt) => {
    expect(afterReasoning(`<think>\nSo, she has $15 more. ${doubt}`)).toBe('');
  });

  it('keeps a block that ends on a statement, or a doubt that states a value', () => {
    expect(afterReasoning('<think>\nSo, she has $15 more.')).toBe('<think>\nSo, she has $15 more.');
    expect(afterReasoning('<think>\nSo 15. No wait, it is 15.')).not.toBe('');
  });
});

// Stop 47's red team: a last sentence that confirms is no doubt begun.
describe('a reasoning block never closed, ending on a confirmation', () => {
  it.each([
    'Hmm, yes, that is right.',
    'No doubt about it.',
    'Oh, nice.',
    'Let me verify: yes.',
    'No remainder is left.',
    // A check's question answered (stop 47's second red team).
    'Did I miss anything? No.',
  ])('%j keeps the block', (ending) => {
    expect(afterReasoning(`<think>\nSo, she has $15 more. ${ending}`)).not.toBe('');
  });

  it.each([
    'Wait a second.',
    'Actually, no.',
    'Hmm, let me reconsider.',
    'Wait, is that right?',
    'Wait, no. Hmm.',
  ])('%j is a doubt begun', (ending) => {
    expect(afterReasoning(`<think>\nSo, she has $15 more. ${ending}`)).toBe('');
  });
});
