import { describe, expect, it } from 'vitest';
import { withoutSegmentBar } from './segment-name.js';

describe('withoutSegmentBar', () => {
  it('reads a barred segment as its name', () => {
    expect(withoutSegmentBar('\\overline{AB}')).toBe('AB');
    expect(withoutSegmentBar('\\overline{ BCD }')).toBe('BCD');
  });

  it('leaves conjugates, repeating decimals and relations alone', () => {
    expect(withoutSegmentBar('\\overline{z}')).toBe('\\overline{z}');
    expect(withoutSegmentBar('0.\\overline{3}')).toBe('0.\\overline{3}');
    expect(withoutSegmentBar('\\overline{AB} = 5')).toBe('\\overline{AB} = 5');
  });
});
