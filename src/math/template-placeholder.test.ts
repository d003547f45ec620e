import { describe, expect, it } from 'vitest';
import { withoutTemplatePlaceholders } from './template-placeholder.js';
import { verifyAnswer } from './verify.js';

describe('withoutTemplatePlaceholders', () => {
  it('removes a placeholder after #### or alone on its line, when the reply goes on to a digit', () => {
    expect(withoutTemplatePlaceholders('Reply as:\n#### [your final answer]\nSo 72.')).toBe(
      'Reply as:\n \nSo 72.',
    );
    expect(withoutTemplatePlaceholders('in this format: #### [number]\nSo 72.')).toBe(
      'in this format:  \nSo 72.',
    );
    expect(withoutTemplatePlaceholders('{final answer}\n<numerical answer>\nSo 72.')).toBe(' \n \nSo 72.');
  });

  it('keeps a placeholder that ends the response, or one inside a sentence (red team of stop 44)', () => {
    expect(withoutTemplatePlaceholders('Let me try 17.\n#### [your final answer]')).toContain(
      '[your final answer]',
    );
    expect(withoutTemplatePlaceholders('The final answer is [result], since 17 fails.')).toContain(
      '[result]',
    );
  });

  it('keeps answer tags, values in brackets and text with no placeholder', () => {
    expect(withoutTemplatePlaceholders('<answer>72</answer>')).toBe('<answer>72</answer>');
    expect(withoutTemplatePlaceholders('#### [72]')).toBe('#### [72]');
    expect(withoutTemplatePlaceholders('The answer is 72.')).toBe('The answer is 72.');
  });
});

describe('verifyAnswer on an agent that echoes its prompt (real outputs round 22: a LangGraph ReAct agent)', () => {
  it('reads its own final statement, not the placeholder', () => {
    const response =
      'Answer in the format:\n#### [your final answer]\n\nNatalia sold 48 + 24 = 72 clips altogether.';
    expect(verifyAnswer('72', response).verdict).toBe('equal');
    expect(verifyAnswer('48', response).verdict).toBe('not_equal');
  });
});
