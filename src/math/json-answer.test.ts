import { describe, expect, it } from 'vitest';
import { runExtractor } from './extract.js';
import { type JsonAnswer, jsonAnswer } from './json-answer.js';

/** The field's text, or what jsonAnswer gave instead. */
function answerOf(text: string): string | undefined {
  const found = jsonAnswer(text);
  return found === 'conflicting' ? found : (found as JsonAnswer | undefined)?.text;
}

import { verifyAnswer } from './verify.js';

describe('jsonAnswer', () => {
  it('reads the answer field of the object that ends the response, fenced or not', () => {
    const fenced =
      'So the volume is 13.5.\n\n### Final Answer:\n```json\n{\n  "reasoning": "V = 81/6",\n  "answer": 13.5\n}\n```\n';
    expect(answerOf(fenced)).toBe('13.5');
    expect(answerOf('{"answer": "y = -5x - 3", "reasoning": "the slope is -5, x = 0 gives -3"}')).toBe(
      'y = -5x - 3',
    );
    expect(answerOf('{"final_answer": "\\\\frac{\\\\pi}{2}"}')).toBe('\\frac{\\pi}{2}');
    expect(answerOf('{"Final Answer": 7}')).toBe('7');
  });
  it('keeps escapes JSON forbids (LaTeX written by models) and unescapes the ones it has', () => {
    expect(answerOf('{"reasoning": "we get \\(x = 2\\)", "answer": "\\(x = 2\\)"}')).toBe('\\(x = 2\\)');
    expect(answerOf('{"answer": "say \\"two\\" \\u00bd"}')).toBe('say "two" ½');
  });
  it('reads a list as its items and a matrix as written', () => {
    expect(answerOf('{"answer": ["B", "F"], "reasoning": "..."}')).toBe('B, F');
    expect(answerOf('{"answer": [4.8, 2.28]}')).toBe('4.8, 2.28');
    expect(answerOf('{"answer": [[1, 2], [3, 4]]}')).toBe('[[1, 2], [3, 4]]');
  });
  it('reads only the top-level field, and only of an object that ends the response', () => {
    // A nested answer is part of the reasoning.
    expect(answerOf('{"reasoning": {"answer": 81}, "result": 13.5}')).toBeUndefined();
    expect(answerOf('{"answer": 13.5, "reasoning": {"answer": 81, "steps": [1, 2]}}')).toBe('13.5');
    // Prose after the object: it is not the closing statement.
    expect(answerOf('{"answer": 5}\nActually, the answer is 6.')).toBeUndefined();
    expect(answerOf('The set is {"answer"} and \\boxed{5}')).toBeUndefined();
  });
  it('states no answer for two answer fields that differ, an object value, or null', () => {
    expect(answerOf('{"final_answer": "7", "answer": "6"}')).toBe('conflicting');
    expect(answerOf('{"answer": 17, "answer": null}')).toBe('conflicting');
    expect(answerOf('{"answer": 6, "final_answer": "6"}')).toBe('6');
    expect(answerOf('{"answer": {"x": 1}}')).toBeUndefined();
    expect(answerOf('{"answer": null}')).toBeUndefined();
    expect(answerOf('{"answer": ""}')).toBeUndefined();
  });
  it('is the first extractor: the reasoning before the object does not decide', () => {
    const response =
      'x = 0 makes both limits -1.\n{\n  "answer": 2,\n  "reasoning": "continuous when a = 2, at x = 0"\n}';
    expect(runExtractor('json_answer', response)?.text).toBe('2');
    expect(verifyAnswer('2', response).verdict).toBe('equal');
    // The fence's tag is no answer ("### Final Answer:\n```json" had read `json`).
    const tagged = '### Final Answer:\n```json\n{\n  "reasoning": "B and F",\n  "answer": ["B", "F"]\n}\n```';
    expect(verifyAnswer('B, F', tagged).verdict).toBe('equal');
    expect(verifyAnswer('C', tagged).verdict).toBe('not_equal');
  });
  it('reads no answer at all from an object whose answer fields differ (stop 37 red team)', () => {
    // The other extractors would read one field as text ("The final answer is:" then the object).
    const two = 'The final answer is:\n```json\n{"final_answer": "7", "answer": "6"}\n```';
    expect(verifyAnswer('6', two).verdict).toBe('undecidable');
    expect(verifyAnswer('7', two).verdict).toBe('undecidable');
    expect(verifyAnswer('19', '{"answer": 17, "answer": 19}').verdict).toBe('undecidable');
  });
  it('leaves a hedge in the field to the hedge rules', () => {
    expect(verifyAnswer('17', '{"answer": "17 or 19"}').verdict).not.toBe('equal');
    expect(verifyAnswer('19', '{"answer": "17 or 19"}').verdict).not.toBe('equal');
  });
});
