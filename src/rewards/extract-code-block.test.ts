import { describe, expect, it } from 'vitest';
import { extractProgram } from './extract-code-block.js';

describe('extractProgram', () => {
  it('takes the last fenced code block', () => {
    const response = 'First try:\n```python\nx = 1\n```\nBetter:\n```py\nx = 2\n```\nDone.';
    expect(extractProgram(response)).toBe('x = 2\n');
  });

  it('takes the whole response when it has no fence', () => {
    expect(extractProgram('def f():\n    return 1\n')).toBe('def f():\n    return 1\n');
  });

  it('takes the rest of a response cut off inside its last block', () => {
    expect(extractProgram('```python\nx = 1\n```\nthen\n```python\ny = 2\n')).toBe('y = 2\n');
  });

  it('accepts a fence without a language tag', () => {
    expect(extractProgram('```\nprint(1)\n```')).toBe('print(1)\n');
  });
});
