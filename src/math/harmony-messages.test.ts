import { describe, expect, it } from 'vitest';
import { harmonyAnswerText } from './harmony-messages.js';
import { verifyAnswer } from './verify.js';

const analysis = (text: string) => `<|channel|>analysis<|message|>${text}<|end|>`;
const assistant = (channel: string, text: string, close = '<|end|>') =>
  `<|start|>assistant<|channel|>${channel}<|message|>${text}${close}`;
const toolCall = (code: string) =>
  `<|start|>assistant<|channel|>analysis to=python code<|message|>${code}<|call|>`;
const toolResult = (output: string) =>
  `<|start|>python to=assistant<|channel|>analysis<|message|>${output}<|end|>`;

describe('harmonyAnswerText', () => {
  it('reads the last final message', () => {
    const reply = `${analysis('x is 8. Let us check with python.')}${assistant('final', 'The answer is \\boxed{4608}.', '<|return|>')}`;
    expect(harmonyAnswerText(reply)).toBe('The answer is \\boxed{4608}.');
  });

  it("reads the assistant's analysis, never tool calls, tool results or a user turn, when no final message says anything", () => {
    const reply =
      analysis('We need n. Try 12.') +
      toolCall('print(6 * 17)') +
      toolResult('102') +
      assistant('analysis', 'So n = 102, boxed: \\boxed{102}') +
      '<|start|>user<|message|>Place your final answer in \\boxed{}. 7<|end|>' +
      assistant('final', ' ');
    expect(harmonyAnswerText(reply)).toBe('We need n. Try 12.\n\nSo n = 102, boxed: \\boxed{102}');
  });

  it('leaves text that is not harmony as it is', () => {
    expect(harmonyAnswerText('The answer is 5.<|im_end|>')).toBe('The answer is 5.<|im_end|>');
    expect(harmonyAnswerText('<|message|> alone 5')).toBe('<|message|> alone 5');
  });
});

describe('verifyAnswer on harmony replies (real outputs round 20: gpt-oss-120b, tonghuikang/aimo3)', () => {
  it('reads past the first message end to the final message', () => {
    const reply = `${analysis('x is 8.')}${assistant('final', '\\boxed{4608}', '<|return|>')}`;
    expect(verifyAnswer('4608', reply).verdict).toBe('equal');
    expect(verifyAnswer('8', reply).verdict).toBe('not_equal');
  });

  it('reads a box of the analysis when the harness stopped before a final message', () => {
    const reply = `${analysis('Compute.')}${toolCall('print(2**14+1)')}${toolResult('16385')}${assistant('analysis', 'Thus the answer is \\boxed{16385}.')}`;
    expect(verifyAnswer('16385', reply).verdict).toBe('equal');
  });

  it('pays no number of a tool result or of a user turn', () => {
    const reply = `${analysis('Let us compute.')}${toolCall('print(42)')}${toolResult('42')}<|start|>user<|message|>The answer is 42?<|end|>`;
    expect(verifyAnswer('42', reply).verdict).not.toBe('equal');
  });

  it('reads two finals of one turn as two answers, a final after a new request alone (red team of stop 44)', () => {
    const twoFinals = `${analysis('Compute.')}${assistant('final', '\\boxed{5}')}${assistant('final', '\\boxed{7}', '<|return|>')}`;
    expect(verifyAnswer('7', twoFinals).verdict).not.toBe('equal');
    const askedAgain = `${assistant('final', 'It is 5.')}<|start|>user<|message|>Put it in a box.<|end|>${assistant('final', '\\boxed{7}')}`;
    expect(verifyAnswer('7', askedAgain).verdict).toBe('equal');
  });

  it('reads text after a message end with that message, and none after the reply end', () => {
    const after = `${analysis('Compute.')}${assistant('final', '-3')} Actually, the answer is 3.`;
    expect(verifyAnswer('-3', after).verdict).not.toBe('equal');
    expect(harmonyAnswerText(`${assistant('final', '7', '<|return|>')}\nmore`)).toBe('7');
  });

  it('reads prose that only mentions the tokens as prose', () => {
    const prose = '(gpt-oss uses <|channel|> and <|message|> tokens.) Adding up, the answer is -3.';
    expect(harmonyAnswerText(prose)).toBe(prose);
    expect(verifyAnswer('-3', prose).verdict).toBe('equal');
  });

  it('reads the final that says something past a blank one, and no code closed by <|call|>', () => {
    const blankAfter = `${analysis('maybe 5')}${assistant('final', '\\boxed{7}')}${assistant('final', ' ', '<|return|>')}`;
    expect(verifyAnswer('7', blankAfter).verdict).toBe('equal');
    const code = `${analysis('Run it.')}${assistant('analysis', 'print(7)', '<|call|>')}${assistant('final', '')}`;
    expect(verifyAnswer('7', code).verdict).not.toBe('equal');
  });

  it('a "Question:" line of the analysis is no new problem when the final message answers', () => {
    const reply = `${analysis('The answer is maybe 2.\nQuestion: is a larger family possible? No.')}${assistant('final', '\\boxed{16385}')}`;
    expect(verifyAnswer('16385', reply).verdict).toBe('equal');
  });
});
