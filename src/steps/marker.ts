import { z } from 'zod';
import { compileClientRegex } from '../core/client-regex.js';
import { escapeRegex } from '../core/text.js';
import { cleanSteps, defineSegmenter } from './segmenter.js';

const MarkerOptionsSchema = z
  .object({
    /** The word that opens a step; it is followed by a number and a colon or period. */
    marker: z.string().min(1).default('Step'),
    /** Keep text before the first marker as a step of its own. */
    keep_preamble: z.boolean().default(false),
  })
  .strict();

/** Steps start at `Step 1:`, `Step 2.` ... (the marker word is configurable, case-blind). */
export const markerSegmenter = defineSegmenter({
  name: 'marker',
  description: 'steps start at "Step N:" markers',
  optionsSchema: MarkerOptionsSchema,
  create: (options) => {
    // The marker word comes from the spec, and `\s*\**\s*` backtracks quadratically on long runs
    // of blanks: the linear-time engine keeps a hostile response from holding the worker.
    const pattern = compileClientRegex(
      `(?:^|\\n)\\s*(?:#+\\s*)?\\**${escapeRegex(options.marker)}\\s*\\d+\\s*\\**\\s*[:.)]`,
      'i',
      'steps.marker',
    );
    return (sample) => {
      const text = sample.response;
      const starts = pattern.matchStarts(text);
      if (starts.length === 0) return cleanSteps([text]);
      const pieces: string[] = [];
      if (options.keep_preamble) pieces.push(text.slice(0, starts[0]));
      for (const [index, start] of starts.entries()) {
        pieces.push(text.slice(start, starts[index + 1] ?? text.length));
      }
      return cleanSteps(pieces);
    };
  },
});
