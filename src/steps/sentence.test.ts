import { describe, expect, it } from 'vitest';
import { splitByConfidence } from './confidence.js';
import { segmenters } from './index.js';
import { splitSentences } from './sentence.js';

describe('splitSentences', () => {
  it('splits at sentence ends and line breaks but not inside numbers or abbreviations', () => {
    expect(splitSentences('She has 3.5 apples, e.g. red ones. Then 2 more! Total?\nSo 5.5')).toEqual([
      'She has 3.5 apples, e.g. red ones.',
      'Then 2 more!',
      'Total?',
      'So 5.5',
    ]);
  });
});

describe('confidence segmenter', () => {
  const options = { threshold: 0.5, min_tokens: 2, fallback: 'paragraph' as const };

  it('starts a step at an unsure token once the step has enough tokens', () => {
    const tokens = ['A', 'b', 'c', ' D', 'e', ' F'];
    const logprobs = [0, 0, 0, Math.log(0.1), 0, Math.log(0.2)];
    expect(splitByConfidence(tokens, logprobs, options)).toEqual(['Abc', 'De', 'F']);
  });

  it('does not split before min_tokens', () => {
    expect(splitByConfidence(['a', 'b'], [0, Math.log(0.1)], options)).toEqual(['ab']);
  });

  it('falls back to paragraphs when the sample has no token data', () => {
    const split = segmenters
      .get('confidence')
      .create({ threshold: 0.8, min_tokens: 4, fallback: 'paragraph' });
    expect(split({ id: 'x', response: 'one\n\ntwo' })).toEqual(['one', 'two']);
  });
});

describe('splitSentences over a loop of dots', () => {
  it('splits after 30,000 dots as after one (the abbreviation test reads the last 40 characters)', () => {
    const dots = '.'.repeat(30_000);
    expect(splitSentences(`We have 2+3=5${dots} So 5*2=10.`)).toEqual([`We have 2+3=5${dots}`, 'So 5*2=10.']);
    expect(splitSentences('Mr. Smith left. He came back e.g. later.')).toEqual([
      'Mr. Smith left.',
      'He came back e.g. later.',
    ]);
  });
});
