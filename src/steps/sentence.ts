import { z } from 'zod';
import { cleanSteps, defineSegmenter } from './segmenter.js';

/** Common abbreviations whose period does not end a sentence. */
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'etc',
  'vs',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'fig',
  'eq',
  'no',
  'approx',
]);

/**
 * Splits text into sentences: after `.`, `!` or `?` followed by white space, and at line breaks.
 * A period inside a number (3.14), after a known abbreviation (e.g.) or after a single capital
 * initial (J. Smith) does not end a sentence.
 */
export function splitSentences(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  const boundary = /([.!?])["')\]]*(\s+)|\n+/g;
  for (const match of text.matchAll(boundary)) {
    const end = (match.index ?? 0) + match[0].length;
    if (match[1] === '.') {
      // The last 40 characters hold any abbreviation: a pattern anchored at the end but free to
      // start anywhere costs n^2 steps over a run of n dots (30,000 took 0.8 s: a red team of stop 42).
      const before = text.slice(Math.max(start, (match.index ?? 0) - 40), match.index ?? 0);
      const lastWord = /([A-Za-z.]+)$/.exec(before)?.[1]?.toLowerCase() ?? '';
      if (ABBREVIATIONS.has(lastWord) || /^[a-z]$/.test(lastWord)) continue;
    }
    pieces.push(text.slice(start, end));
    start = end;
  }
  pieces.push(text.slice(start));
  return cleanSteps(pieces);
}

/** Every sentence is a step. */
export const sentenceSegmenter = defineSegmenter({
  name: 'sentence',
  description: 'every sentence (ended by . ! ? or a line break) is a step',
  optionsSchema: z.object({}).strict(),
  create: () => (sample) => splitSentences(sample.response),
});
