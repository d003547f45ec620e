import { describe, expect, it } from 'vitest';
import { runExtractor } from './extract.js';
import { jsonAnswer } from './json-answer.js';
import { verifyAnswer } from './verify.js';

describe('jsonAnswer', () => {
  it('reads the answer field of the object that ends the response, fenced or not', () => {
    const fenced =
      'So the volume is 13.5.\n\n### Final Answer:\n```json\n{\n  "reasoning": "V = 81/6",\n  "answer": 13.5\n}\n```\n';
    expect(jsonAnswer(fenced)?.text).toBe('13.5');
    expect(
      jsonAnswer('{"answer": "y = -5x - 3", "reasoning": "the slope is -5, x = 0 gives -3"}')?.text,
    ).toBe('y = -5x - 3');
    expect(jsonAnswer('{"final_answer": "\\\\frac{\\\\pi}{2}"}')?.text).toBe('\\frac{\\pi}{2}');
    expect(jsonAnswer('{"Final Answer": 7}')?.text).toBe('7');
  });
  it('keeps escapes JSON forbids (LaTeX written by models) and unescapes the ones it has', () => {
    expect(jsonAnswer('{"reasoning": "we get \\(x = 2\\)", "answer": "\\(x = 2\\)"}')?.text).toBe(
      '\\(x = 2\\)',
    );
    expect(jsonAnswer('{"answer": "say \\"two\\" \\u00bd"}')?.text).toBe('say "two" ½');
  });
  it('reads a list as its items and a matrix as written', () => {
    expect(jsonAnswer('{"answer": ["B", "F"], "reasoning": "..."}')?.text).toBe('B, F');
    expect(jsonAnswer('{"answer": [4.8, 2.28]}')?.text).toBe('4.8, 2.28');
    expect(jsonAnswer('{"answer": [[1, 2], [3, 4]]}')?.text).toBe('[[1, 2], [3, 4]]');
  });
  it('reads only the top-level field, and only of an object that ends the response', () => {
    // A nested answer is part of the reasoning.
    expect(jsonAnswer('{"reasoning": {"answer": 81}, "result": 13.5}')).toBeUndefined();
    expect(jsonAnswer('{"answer": 13.5, "reasoning": {"answer": 81, "steps": [1, 2]}}')?.text).toBe('13.5');
    // Prose after the object: it is not the closing statement.
    expect(jsonAnswer('{"answer": 5}\nActually, the answer is 6.')).toBeUndefined();
    expect(jsonAnswer('The set is {"answer"} and \\boxed{5}')).toBeUndefined();
  });
  it('states no answer for two answer fields that differ, an object value, or null', () => {
    expect(jsonAnswer('{"final_answer": "7", "answer": "6"}')).toBeUndefined();
    expect(jsonAnswer('{"answer": 6, "final_answer": "6"}')?.text).toBe('6');
    expect(jsonAnswer('{"answer": {"x": 1}}')).toBeUndefined();
    expect(jsonAnswer('{"answer": null}')).toBeUndefined();
    expect(jsonAnswer('{"answer": ""}')).toBeUndefined();
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
  it('leaves a hedge in the field to the hedge rules', () => {
    expect(verifyAnswer('17', '{"answer": "17 or 19"}').verdict).not.toBe('equal');
    expect(verifyAnswer('19', '{"answer": "17 or 19"}').verdict).not.toBe('equal');
  });
});
