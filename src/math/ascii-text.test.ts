import { describe, expect, it } from 'vitest';
import { beyondAscii } from './ascii-text.js';

describe('beyondAscii', () => {
  it('is false for ASCII text, DEL and controls included', () => {
    expect(beyondAscii('')).toBe(false);
    expect(beyondAscii('The answer is 18.\n#### 18')).toBe(false);
    expect(beyondAscii('\x00\x7f~')).toBe(false);
  });

  it('is true for any code unit from U+0080 on, as the regex class is', () => {
    const cases = ['\u0080', 'é', 'farmer’s', '½', '４０', '𝟒', '\ud835', 'a\udc00b', '\u00a0'];
    for (const text of cases) {
      expect(beyondAscii(text)).toBe(true);
      expect(/[^\x00-\x7f]/.test(text)).toBe(true);
    }
  });

  it('agrees with the regex class on every single code unit', () => {
    for (let code = 0; code < 0x10000; code += code < 0x300 ? 1 : 97) {
      const text = `a${String.fromCharCode(code)}b`;
      expect(beyondAscii(text)).toBe(/[^\x00-\x7f]/.test(text));
    }
  });
});
