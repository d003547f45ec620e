import { describe, expect, it } from 'vitest';
import { markerSegmenter } from './marker.js';
import { regexSegmenter } from './regex.js';

function split(segmenter: typeof regexSegmenter, options: unknown, response: string): string[] {
  return segmenter.create(segmenter.optionsSchema.parse(options))({ id: 'x', response });
}

describe('regex segmenter', () => {
  it('splits where the pattern matches and drops the separators', () => {
    expect(split(regexSegmenter, { pattern: '\\n?(Step \\d+:)' }, 'Step 1: a\nStep 2: b')).toEqual([
      'a',
      'b',
    ]);
    expect(split(regexSegmenter, { pattern: '^-{3}$', flags: 'm' }, 'a\n---\nb')).toEqual(['a', 'b']);
  });

  it('refuses lookaround in the spec with the reason', () => {
    const parsed = regexSegmenter.optionsSchema.safeParse({ pattern: '(?=Step)' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/lookahead/);
  });

  it('splits a hostile response in linear time', () => {
    const response = `${'a'.repeat(200_000)}b`;
    expect(split(regexSegmenter, { pattern: '(a+)+c' }, response)).toEqual([response]);
  });
});

describe('marker segmenter', () => {
  it('still finds Step N markers, case-blind', () => {
    expect(split(markerSegmenter, {}, 'step 1: a\n**Step 2.** b')).toEqual(['step 1: a', '**Step 2.** b']);
  });

  it('handles long runs of blank lines without quadratic backtracking', () => {
    const response = `Step 1: a${'\n'.repeat(300_000)}x`;
    expect(split(markerSegmenter, {}, response)).toEqual([response.trim()]);
  });
});
