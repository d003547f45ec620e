import { describe, expect, it } from 'vitest';
import { quotePythonNonFinite } from './python-json.js';

describe('quotePythonNonFinite', () => {
  it('quotes the non-finite words Python writes as values, and only outside strings', () => {
    const repaired = quotePythonNonFinite(
      '{"id": "NaN Infinity", "step_scores": [0.5, NaN, -Infinity], "s": Infinity}',
    );
    expect(JSON.parse(repaired as string)).toEqual({
      id: 'NaN Infinity',
      step_scores: [0.5, 'NaN', '-Infinity'],
      s: 'Infinity',
    });
  });

  it('leaves strings with escaped quotes alone and reports nothing to repair', () => {
    expect(quotePythonNonFinite('{"problem": "say \\"NaN\\", [NaN]", "x": 1}')).toBeUndefined();
    expect(quotePythonNonFinite('{"x": NaNa}')).toBeUndefined();
  });
});
