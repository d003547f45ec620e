import { describe, expect, it } from 'vitest';
import { isPrecisionNote, PRECISION_NOTE } from './precision-note.js';

/** Whether the last occurrence of `count` in `text` is a count of places. */
function countIsNote(text: string, count: string): boolean {
  const start = text.lastIndexOf(count);
  return isPrecisionNote(text, start, start + count.length);
}

describe('isPrecisionNote', () => {
  it.each([
    ['5.9 MiB (3 sig.fig.)', '3'],
    ['5.91 (to 2 decimal places)', '2'],
    ['x = 5.91 to 2 d.p.', '2'],
    ['about 5.9 (2 s.f.)', '2'],
    ['5.9, rounded to 2 significant figures', '2'],
  ])('a count of places noted after a value: %s', (text, count) => {
    expect(countIsNote(text, count)).toBe(true);
  });

  it.each([
    ['0.00340 has 3 significant figures', '3'],
    ['The answer has 2 decimal places', '2'],
    ['It rose to 12 dpi', '12'],
    ['increased to 50 students', '50'],
  ])('a count that answers, or no count of places: %s', (text, count) => {
    expect(countIsNote(text, count)).toBe(false);
  });
});

describe('PRECISION_NOTE', () => {
  it('finds the note with its count in a phrase', () => {
    expect('5.91 (to 2 decimal places)'.replace(PRECISION_NOTE, '|')).toBe('5.91 |)');
    expect('5.9 MiB (3 sig.fig.)'.replace(PRECISION_NOTE, '|')).toBe('5.9 MiB |)');
    expect('3 significant figures'.replace(PRECISION_NOTE, '|')).toBe('3 significant figures');
  });
});

describe('isPrecisionNote: short forms', () => {
  it('reads sf, dp and decimals as places only in a note in parentheses', () => {
    expect(countIsNote('it expands to 120 sf', '120')).toBe(false);
    expect(countIsNote('it rises to 50 dps', '50')).toBe(false);
    expect(countIsNote('narrowed down to 3 decimals', '3')).toBe(false);
    expect(countIsNote('5.91 (2 dp)', '2')).toBe(true);
    expect(countIsNote('x = 5.91 to 2 decimal places.', '2')).toBe(true);
  });
});
